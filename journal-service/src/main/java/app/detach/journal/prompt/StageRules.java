package app.detach.journal.prompt;

import java.time.Duration;
import java.time.Instant;

/**
 * Which stage a user is in, for choosing a prompt. What happened recently wins over how long the
 * streak is: a slip in the last three days, then a strong urge or a low mood in the latest entry of
 * the last two days, then the no-contact day (none yet counts as the first days).
 */
public final class StageRules {

    static final Duration SLIP_WINDOW = Duration.ofDays(3);
    static final Duration RECENT_ENTRY = Duration.ofHours(48);
    static final int STRONG_URGE = 7;
    static final int LOW_MOOD = 3;
    static final int FIRST_WEEKS_FROM_DAY = 7;
    static final int LATER_FROM_DAY = 42;

    private StageRules() {
    }

    /** The latest entry's numbers, or null when the user has not written yet. */
    public record LatestEntry(int mood, int urge, Instant createdAt) {
    }

    public static Stage stageOf(Integer noContactDay, Instant lastResetAt, LatestEntry latest, Instant now) {
        if (lastResetAt != null && !lastResetAt.isBefore(now.minus(SLIP_WINDOW))) {
            return Stage.AFTER_A_SLIP;
        }
        if (latest != null && !latest.createdAt().isBefore(now.minus(RECENT_ENTRY))) {
            if (latest.urge() >= STRONG_URGE) {
                return Stage.STRONG_URGE;
            }
            if (latest.mood() <= LOW_MOOD) {
                return Stage.LOW_MOOD;
            }
        }
        if (noContactDay == null || noContactDay < FIRST_WEEKS_FROM_DAY) {
            return Stage.FIRST_DAYS;
        }
        return noContactDay < LATER_FROM_DAY ? Stage.FIRST_WEEKS : Stage.LATER;
    }
}
