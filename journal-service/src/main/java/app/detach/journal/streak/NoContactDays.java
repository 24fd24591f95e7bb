package app.detach.journal.streak;

import app.detach.events.streak.UserDays;

import java.time.Instant;
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
        return at(startedAt, UserDays.midnight(ZoneId.of(timeZone)), now);
    }

    /** The same in the user's days (their zone and day-start hour, from the day settings). */
    public static Integer at(Instant startedAt, UserDays days, Instant now) {
        if (startedAt == null) {
            return null;
        }
        long count = ChronoUnit.DAYS.between(days.dayOf(startedAt), days.dayOf(now));
        return count < 0 ? null : Math.toIntExact(count);
    }
}
