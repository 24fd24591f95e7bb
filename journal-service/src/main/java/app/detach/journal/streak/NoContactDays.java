package app.detach.journal.streak;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The no-contact day as streak-service counts it: local calendar days in the user's zone between
 * the start and now (DST-safe, since it compares dates, not hours); the start day is day 0.
 */
public final class NoContactDays {

    private NoContactDays() {
    }

    /** @return the day, or null when there is no streak or it starts in the future */
    public static Integer at(Instant startedAt, String timeZone, Instant now) {
        if (startedAt == null || timeZone == null) {
            return null;
        }
        ZoneId zone = ZoneId.of(timeZone);
        LocalDate start = startedAt.atZone(zone).toLocalDate();
        LocalDate today = now.atZone(zone).toLocalDate();
        long days = ChronoUnit.DAYS.between(start, today);
        return days < 0 ? null : Math.toIntExact(days);
    }
}
