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
 */
public final class DayCount {

    private DayCount() {
    }

    /** The local date of {@code instant} in {@code zone}. */
    public static LocalDate localDate(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDate();
    }

    /** Days from {@code startDate} (day 0) to the local date of {@code now} in {@code zone}. */
    public static int daysAt(LocalDate startDate, Instant now, ZoneId zone) {
        return daysBetween(startDate, localDate(now, zone));
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
        return startDate.plusDays(day).atStartOfDay(zone).toInstant();
    }
}
