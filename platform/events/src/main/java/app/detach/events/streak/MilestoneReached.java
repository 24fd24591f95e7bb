package app.detach.events.streak;

import app.detach.events.UserEventData;
import app.detach.events.EventType;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A streak reached a milestone day (1, 3, 7, 14, 21, 30, 45, 60, 90, 120, 180, 270, 365, then
 * every 365). Emitted once per streak and day.
 *
 * @param reachedAt when the streak reached the day (local midnight in the user's zone), not when it was emitted
 * @param late      emitted well after {@code reachedAt} (the service caught up after downtime):
 *                  consumers may prefer a quieter message over a "right now" celebration
 */
@JsonIgnoreProperties(ignoreUnknown = true) // additive changes must not break older consumers
public record MilestoneReached(String userId, UUID streakId, int day, Instant reachedAt, boolean late)
        implements UserEventData {

    /** A milestone emitted on time. */
    public MilestoneReached(String userId, UUID streakId, int day, Instant reachedAt) {
        this(userId, streakId, day, reachedAt, false);
    }

    public MilestoneReached {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(streakId, "streakId");
        Objects.requireNonNull(reachedAt, "reachedAt");
    }

    @Override
    public EventType eventType() {
        return EventType.MILESTONE_REACHED;
    }

    @Override
    public String subject() {
        return streakId.toString();
    }
}
