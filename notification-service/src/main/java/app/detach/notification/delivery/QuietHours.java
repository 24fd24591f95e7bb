package app.detach.notification.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Quiet hours {@code [start, end)} in the user's local time; {@code start > end} wraps midnight
 * (22:00–07:00). A message that falls inside is deferred to the end, never dropped.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    public boolean contains(LocalTime time) {
        return start.isBefore(end)
                ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
    }

    /** {@code at} itself when outside quiet hours, else the instant they end (DST-safe). */
    public Instant deferIfQuiet(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        if (!contains(local.toLocalTime())) {
            return at;
        }
        LocalDate endDay = local.toLocalTime().isBefore(end) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        Instant endsAt = ZonedDateTime.of(endDay, end, zone).toInstant();
        // a DST jump can make the resolved end land before "at"; never deliver earlier than asked
        return endsAt.isAfter(at) ? endsAt : at;
    }
}
