package app.detach.events.streak;

import app.detach.events.UserEventData;
import app.detach.events.EventType;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The user started (or restarted) no contact.
 *
 * @param timeZone the IANA zone the streak's days are counted in, e.g. {@code Europe/Paris}
 */
@JsonIgnoreProperties(ignoreUnknown = true) // additive changes must not break older consumers
public record StreakStarted(String userId, UUID streakId, Instant startedAt, String timeZone) implements UserEventData {

    public StreakStarted {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(streakId, "streakId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(timeZone, "timeZone");
    }

    @Override
    public EventType eventType() {
        return EventType.STREAK_STARTED;
    }

    @Override
    public String subject() {
        return streakId.toString();
    }
}
