package app.detach.streak.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Counts no-contact days on the user's wall calendar.
 *
 * <p>The rule: a streak has a fixed <b>start date</b>, the local date of its start instant in the
 * zone the user had when it started. Its day count at an instant is the number of calendar dates
 * from the start date to the local date of that instant <b>in the user's current zone</b>
 * (day 0 on the start date, +1 at every local midnight). Because only dates are compared — never
 * durations — a 23- or 25-hour DST day counts as exactly one day, and a zone change moves "today"
 * to the date the user's new wall clock shows without touching the start date: no day is skipped
 * or counted twice beyond what the calendar on the wall does. A count never goes below 0 (moving
 * west right after starting can put today's date before the start date for a few hours).
 *
 * <p>With a {@link DayBoundary} whose start hour is not 0, "date" means the user's day: a day
 * begins at that local hour instead of midnight, and the same rules hold.
 */
public final class DayCount {

    private DayCount() {
    }

    /** The local date of {@code instant} in {@code zone} (days that begin at midnight). */
    public static LocalDate localDate(Instant instant, ZoneId zone) {
        return userDay(instant, DayBoundary.midnight(zone));
    }

    /**
     * The user's day of {@code instant}: the local date of (the instant in the zone, minus the
     * start hour). So with a start hour of 3, 01:30 on 5 March is still 4 March.
     *
     * <p>Where a DST overlap repeats the start hour (the wall clock goes back across it), the
     * plain formula would fall back to the previous day for a while; a day that has begun stays
     * begun, so the answer is the latest day whose {@link #dayBegins beginning} has passed.
     */
    public static LocalDate userDay(Instant instant, DayBoundary boundary) {
        return boundary.userDays().dayOf(instant);
    }

    /** Days from {@code startDate} (day 0) to the local date of {@code now} in {@code zone}. */
    public static int daysAt(LocalDate startDate, Instant now, ZoneId zone) {
        return daysAt(startDate, now, DayBoundary.midnight(zone));
    }

    /** Days from {@code startDate} (day 0) to the user's day of {@code now}. */
    public static int daysAt(LocalDate startDate, Instant now, DayBoundary boundary) {
        return daysBetween(startDate, userDay(now, boundary));
    }

    /** Calendar days from {@code startDate} to {@code date}, never negative. */
    public static int daysBetween(LocalDate startDate, LocalDate date) {
        long days = ChronoUnit.DAYS.between(startDate, date);
        return (int) Math.max(0, days);
    }

    /**
     * The instant the streak reaches {@code day}: the first instant of the local date
     * {@code startDate + day} in {@code zone}. Where a DST gap swallows midnight (e.g. Santiago,
     * Beirut), that is the first valid local time of the day, as {@link LocalDate#atStartOfDay(ZoneId)} says.
     */
    public static Instant dayBegins(LocalDate startDate, int day, ZoneId zone) {
        return dayBegins(startDate, day, DayBoundary.midnight(zone));
    }

    /** The instant the user's day {@code startDate + day} begins (see {@link #beginningOf}). */
    public static Instant dayBegins(LocalDate startDate, int day, DayBoundary boundary) {
        return beginningOf(startDate.plusDays(day), boundary);
    }

    /**
     * The first instant at which the wall clock shows {@code date} at the start hour or later:
     * normally that local time; in a DST gap the end of the gap (the first valid local time); in
     * an overlap its first occurrence. With start hour 0 this is {@link LocalDate#atStartOfDay(ZoneId)}.
     */
    public static Instant beginningOf(LocalDate date, DayBoundary boundary) {
        return boundary.userDays().startOf(date);
    }
}
