package app.detach.streak.rules;

import app.detach.events.streak.UserDays;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Where a user's day begins: the zone their days are counted in and the local hour (0–6) a new
 * day starts. A late-night user who says "my day ends at 03:00" has {@code startHour = 3}: what
 * they do at 01:30 still belongs to the day before.
 */
public record DayBoundary(ZoneId zone, int startHour) {

    public static final int MAX_START_HOUR = 6;

    public DayBoundary {
        Objects.requireNonNull(zone, "zone");
        if (startHour < 0 || startHour > MAX_START_HOUR) {
            throw new IllegalArgumentException("startHour must be 0–" + MAX_START_HOUR + ": " + startHour);
        }
    }

    /** The shared definition of the user's day (platform/events), which every service uses. */
    public UserDays userDays() {
        return new UserDays(zone, startHour);
    }

    /** Days that begin at local midnight. */
    public static DayBoundary midnight(ZoneId zone) {
        return new DayBoundary(zone, 0);
    }
}
