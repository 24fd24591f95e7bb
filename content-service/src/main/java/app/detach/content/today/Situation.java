package app.detach.content.today;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * What the projection knows about a reader at one moment; the input of {@link ReadingRules}.
 *
 * @param recentMoods moods of journal entries of the last 7 days, newest first
 * @param strongestRecentUrge the strongest urge of the last 48 h (streak urges 1-10 and journal urge 0-10), 0 if none
 */
public record Situation(Instant streakStartedAt, ZoneId zone, Instant lastSlipAt, Instant lastReachedOutAt,
        List<Integer> recentMoods, int strongestRecentUrge) {

    public static Situation empty() {
        return new Situation(null, java.time.ZoneOffset.UTC, null, null, List.of(), 0);
    }
}
