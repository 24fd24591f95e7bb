package app.detach.journal.daysettings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The user's day, as streak-service defines it: the local date, in the user's zone, of the
 * wall-clock time minus the day-start hour. With hour 3, 02:30 on Tuesday still belongs to Monday.
 *
 * @param startHour 0–6; 0 is midnight
 */
public record UserDays(ZoneId zone, int startHour) {

    public static UserDays midnight(ZoneId zone) {
        return new UserDays(zone, 0);
    }

    public LocalDate dayOf(Instant instant) {
        return instant.atZone(zone).toLocalDateTime().minusHours(startHour).toLocalDate();
    }

    /** The first instant of the user's day {@code day} (after a DST gap at that hour, the first instant after it). */
    public Instant startOf(LocalDate day) {
        return day.atTime(startHour, 0).atZone(zone).toInstant();
    }
}
