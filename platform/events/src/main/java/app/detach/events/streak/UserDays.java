package app.detach.events.streak;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The user's day, as {@code day-settings-changed} defines it — one definition for every service,
 * so the streak, the journal's insights and the notifications' "once a day" rules never disagree
 * about which day something happened on.
 * <p>
 * A day begins at the first instant the wall clock in {@code zone} shows that date at
 * {@code startHour} or later: normally that local time; in a DST gap the end of the gap; in an
 * overlap its first occurrence. A day that has begun stays begun. With start hour 3 ("my day ends
 * at 03:00"), 02:30 on Tuesday still belongs to Monday.
 *
 * @param startHour 0–6; 0 is midnight
 */
public record UserDays(ZoneId zone, int startHour) {

    public static final int MAX_START_HOUR = 6;

    public UserDays {
        Objects.requireNonNull(zone, "zone");
        if (startHour < 0 || startHour > MAX_START_HOUR) {
            throw new IllegalArgumentException("startHour must be 0–" + MAX_START_HOUR + ": " + startHour);
        }
    }

    /** Days that begin at local midnight. */
    public static UserDays midnight(ZoneId zone) {
        return new UserDays(zone, 0);
    }

    /** The user's day {@code instant} belongs to. */
    public LocalDate dayOf(Instant instant) {
        LocalDate day = LocalDateTime.ofInstant(instant, zone).minusHours(startHour).toLocalDate();
        // where the wall clock goes back across the start hour, the plain formula would fall back
        // to the previous day for a while: the latest day whose beginning has passed wins
        return startOf(day.plusDays(1)).isAfter(instant) ? day : day.plusDays(1);
    }

    /** The first instant of the user's day {@code day} (see the class comment for gaps and overlaps). */
    public Instant startOf(LocalDate day) {
        LocalDateTime begins = day.atTime(startHour, 0);
        ZoneRules rules = zone.getRules();
        List<ZoneOffset> offsets = rules.getValidOffsets(begins);
        if (offsets.isEmpty()) {
            return rules.getTransition(begins).getInstant();
        }
        // in an overlap the larger offset gives the earlier instant
        return begins.toInstant(offsets.stream().max(Comparator.comparingInt(ZoneOffset::getTotalSeconds)).orElseThrow());
    }
}
