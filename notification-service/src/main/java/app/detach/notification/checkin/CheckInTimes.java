package app.detach.notification.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a daily check-in at a local time falls, as an instant. {@link ZonedDateTime#of} resolves
 * the DST edge cases the way we want: a local time that does not exist that day (spring forward)
 * moves forward by the length of the gap, an ambiguous one (fall back) takes the earlier offset -
 * so the check-in happens exactly once per local day.
 */
public final class CheckInTimes {

    private CheckInTimes() {
    }

    /** The first check-in strictly after {@code after}. */
    public static Instant next(Instant after, ZoneId zone, LocalTime localTime) {
        LocalDate day = after.atZone(zone).toLocalDate();
        Instant candidate = at(day, zone, localTime);
        while (!candidate.isAfter(after)) {
            day = day.plusDays(1);
            candidate = at(day, zone, localTime);
        }
        return candidate;
    }

    static Instant at(LocalDate day, ZoneId zone, LocalTime localTime) {
        return ZonedDateTime.of(day, localTime, zone).toInstant();
    }
}
