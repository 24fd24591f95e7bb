package app.detach.streak.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** When a streak's milestones fall due: when the user's day start date + day begins (local midnight, or their day-start hour), in their current zone. */
public final class MilestonePlan {

    /** A milestone day and the instant it is reached. */
    public record Due(int day, Instant at) {
    }

    private MilestonePlan() {
    }

    /** The milestone {@code day} of a streak with this start date, in {@code zone}. */
    public static Due of(LocalDate startDate, int day, ZoneId zone) {
        return of(startDate, day, DayBoundary.midnight(zone));
    }

    /** The milestone {@code day}: when that user's day begins. */
    public static Due of(LocalDate startDate, int day, DayBoundary boundary) {
        return new Due(day, DayCount.dayBegins(startDate, day, boundary));
    }

    /** The first milestone not yet reached at {@code now}: what a new streak (or a zone change) schedules. */
    public static Due nextAfterNow(LocalDate startDate, Instant now, ZoneId zone) {
        return nextAfterNow(startDate, now, DayBoundary.midnight(zone));
    }

    public static Due nextAfterNow(LocalDate startDate, Instant now, DayBoundary boundary) {
        return of(startDate, Milestones.nextAfter(DayCount.daysAt(startDate, now, boundary)), boundary);
    }

    /**
     * The milestones from {@code fromDay} (itself a milestone) that have fallen due by {@code now},
     * ascending, and the next one after them. Used by the job to catch up after downtime.
     */
    public static Catchup dueSince(LocalDate startDate, int fromDay, Instant now, ZoneId zone) {
        return dueSince(startDate, fromDay, now, DayBoundary.midnight(zone));
    }

    public static Catchup dueSince(LocalDate startDate, int fromDay, Instant now, DayBoundary zone) {
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
