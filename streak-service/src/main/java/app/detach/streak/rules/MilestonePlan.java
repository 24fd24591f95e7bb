package app.detach.streak.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** When a streak's milestones fall due: local midnight of start date + day, in the user's current zone. */
public final class MilestonePlan {

    /** A milestone day and the instant it is reached. */
    public record Due(int day, Instant at) {
    }

    private MilestonePlan() {
    }

    /** The milestone {@code day} of a streak with this start date, in {@code zone}. */
    public static Due of(LocalDate startDate, int day, ZoneId zone) {
        return new Due(day, DayCount.dayBegins(startDate, day, zone));
    }

    /** The first milestone not yet reached at {@code now}: what a new streak (or a zone change) schedules. */
    public static Due nextAfterNow(LocalDate startDate, Instant now, ZoneId zone) {
        return of(startDate, Milestones.nextAfter(DayCount.daysAt(startDate, now, zone)), zone);
    }

    /**
     * The milestones from {@code fromDay} (itself a milestone) that have fallen due by {@code now},
     * ascending, and the next one after them. Used by the job to catch up after downtime.
     */
    public static Catchup dueSince(LocalDate startDate, int fromDay, Instant now, ZoneId zone) {
        List<Due> due = new ArrayList<>();
        Due candidate = of(startDate, Milestones.firstFrom(fromDay), zone);
        while (!candidate.at().isAfter(now)) {
            due.add(candidate);
            candidate = of(startDate, Milestones.nextAfter(candidate.day()), zone);
        }
        return new Catchup(List.copyOf(due), candidate);
    }

    /** What {@link #dueSince} found: the due milestones and the one to wait for next. */
    public record Catchup(List<Due> due, Due next) {
    }
}
