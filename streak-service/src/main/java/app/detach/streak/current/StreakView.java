package app.detach.streak.current;

import app.detach.streak.checkin.CheckIn;
import app.detach.streak.checkin.CheckInSummary;
import app.detach.streak.rules.DayBoundary;
import app.detach.streak.rules.DayCount;
import app.detach.streak.settings.SettingsView;
import app.detach.streak.rules.MilestonePlan;

import java.time.Instant;
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
        NextMilestone nextMilestone,
        int dayStartHour,
        String zoneMode,
        SettingsView.LimitedContact limitedContact,
        CheckInSummary checkIn) {

    public record NextMilestone(int day, Instant at) {
    }

    static StreakView of(StreakUser user, Streak current, Streaks.Totals ended, long urges, Instant lastContactAt,
            CheckIn lastCheckIn, Instant now) {
        DayBoundary boundary = user.boundary();
        int days = DayCount.daysAt(current.startDate, now, boundary);
        MilestonePlan.Due next = MilestonePlan.nextAfterNow(current.startDate, now, boundary);
        return new StreakView(current.id, days, current.startedAt, user.timeZone, user.socialMediaCheckBreaks,
                Math.max(ended.longestDays(), days), ended.totalDays() + days, urges, lastContactAt,
                new NextMilestone(next.day(), next.at()), user.dayStartHour, user.zoneMode,
                new SettingsView.LimitedContact(user.limitedContact),
                CheckInSummary.of(lastCheckIn, DayCount.userDay(now, boundary)));
    }
}
