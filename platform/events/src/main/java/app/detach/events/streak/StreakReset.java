package app.detach.events.streak;

import app.detach.events.UserEventData;
import app.detach.events.EventType;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A streak ended: because of a contact that breaks it ({@code reason} absent or {@code SLIP}), or
 * because the user chose to end no contact after thinking it through ({@code CHOSEN}, not a slip).
 *
 * @param streakId     the streak that ended
 * @param previousDays how many no-contact days it had reached (0 on its first day)
 * @param reason       {@code SLIP} or {@code CHOSEN}; absent means {@code SLIP}
 */
@JsonIgnoreProperties(ignoreUnknown = true) // additive changes must not break older consumers
public record StreakReset(
        String userId,
        UUID streakId,
        int previousDays,
        Instant resetAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String reason) implements UserEventData {

    public static final String SLIP = "SLIP";
    public static final String CHOSEN = "CHOSEN";

    /** A streak broken by a slip. */
    public StreakReset(String userId, UUID streakId, int previousDays, Instant resetAt) {
        this(userId, streakId, previousDays, resetAt, null);
    }

    /** Whether the user ended no contact on purpose rather than by a slip. */
    public boolean chosen() {
        return CHOSEN.equals(reason);
    }

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
