package app.detach.events.streak;

import app.detach.events.UserEventData;
import app.detach.events.EventType;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A streak ended because of a contact that breaks it.
 *
 * @param streakId     the streak that ended
 * @param previousDays how many no-contact days it had reached (0 on its first day)
 */
@JsonIgnoreProperties(ignoreUnknown = true) // additive changes must not break older consumers
public record StreakReset(String userId, UUID streakId, int previousDays, Instant resetAt) implements UserEventData {

    public StreakReset {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(streakId, "streakId");
        Objects.requireNonNull(resetAt, "resetAt");
    }

    @Override
    public EventType eventType() {
        return EventType.STREAK_RESET;
    }

    @Override
    public String subject() {
        return streakId.toString();
    }
}
