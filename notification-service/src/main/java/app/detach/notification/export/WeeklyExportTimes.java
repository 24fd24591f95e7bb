package app.detach.notification.export;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * When the weekly export email falls: Sunday at 10:00 in the user's zone - a quiet moment of the
 * week to file a copy away, late enough not to wake anyone (quiet hours still defer it). Resolved
 * through {@link ZonedDateTime#of} like the daily check-in, so a DST change moves it with the clock.
 */
public final class WeeklyExportTimes {

    public static final DayOfWeek DAY = DayOfWeek.SUNDAY;
    public static final LocalTime TIME = LocalTime.of(10, 0);

    private WeeklyExportTimes() {
    }

    /** The first weekly export strictly after {@code after}. */
    public static Instant next(Instant after, ZoneId zone) {
        LocalDate day = after.atZone(zone).toLocalDate().with(TemporalAdjusters.nextOrSame(DAY));
        Instant candidate = ZonedDateTime.of(day, TIME, zone).toInstant();
        return candidate.isAfter(after) ? candidate : ZonedDateTime.of(day.plusWeeks(1), TIME, zone).toInstant();
    }

    /** The local Sunday an export instant belongs to: the key that makes a week's email exist once. */
    public static LocalDate weekOf(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DAY));
    }
}
