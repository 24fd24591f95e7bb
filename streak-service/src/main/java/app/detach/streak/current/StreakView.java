package app.detach.streak.current;

import app.detach.streak.rules.DayCount;
import app.detach.streak.rules.MilestonePlan;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * What GET /api/streak answers. {@code longestDays} and {@code totalNoContactDays} include the
 * current streak; {@code nextMilestone.at} is the instant the next milestone day begins locally.
 */
public record StreakView(
        UUID streakId,
        int currentDays,
        Instant startedAt,
        String timeZone,
        boolean socialMediaCheckBreaks,
        int longestDays,
        long totalNoContactDays,
        long urgesResisted,
        Instant lastContactAt,
        NextMilestone nextMilestone) {

    public record NextMilestone(int day, Instant at) {
    }

    static StreakView of(StreakUser user, Streak current, Streaks.Totals ended, long urges, Instant lastContactAt,
            Instant now) {
        ZoneId zone = user.zone();
        int days = DayCount.daysAt(current.startDate, now, zone);
        MilestonePlan.Due next = MilestonePlan.nextAfterNow(current.startDate, now, zone);
        return new StreakView(current.id, days, current.startedAt, user.timeZone, user.socialMediaCheckBreaks,
                Math.max(ended.longestDays(), days), ended.totalDays() + days, urges, lastContactAt,
                new NextMilestone(next.day(), next.at()));
    }
}
