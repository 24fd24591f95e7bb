package app.detach.notification.delivery;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuietHoursTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    final QuietHours overnight = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));
    final QuietHours afternoon = new QuietHours(LocalTime.of(13, 0), LocalTime.of(15, 0));

    @Test
    void containsHandlesWrappingAndPlainRanges() {
        assertTrue(overnight.contains(LocalTime.of(22, 0)));
        assertTrue(overnight.contains(LocalTime.of(23, 59)));
        assertTrue(overnight.contains(LocalTime.of(0, 0)));
        assertTrue(overnight.contains(LocalTime.of(6, 59)));
        assertFalse(overnight.contains(LocalTime.of(7, 0)));
        assertFalse(overnight.contains(LocalTime.of(21, 59)));
        assertTrue(afternoon.contains(LocalTime.of(13, 0)));
        assertFalse(afternoon.contains(LocalTime.of(15, 0)));
        assertFalse(afternoon.contains(LocalTime.of(12, 0)));
    }

    @Test
    void defersToTheEndOnTheSameOrNextDay() {
        // 23:00 Paris -> 07:00 next day
        assertEquals(Instant.parse("2026-01-15T06:00:00Z"),
                overnight.deferIfQuiet(Instant.parse("2026-01-14T22:00:00Z"), PARIS));
        // 03:00 Paris -> 07:00 same day
        assertEquals(Instant.parse("2026-01-15T06:00:00Z"),
                overnight.deferIfQuiet(Instant.parse("2026-01-15T02:00:00Z"), PARIS));
        // outside: unchanged
        Instant noon = Instant.parse("2026-01-15T11:00:00Z");
        assertEquals(noon, overnight.deferIfQuiet(noon, PARIS));
    }

    @Test
    void theEndIsResolvedInTheLocalZoneAcrossADstChange() {
        // night of 28-29 March 2026 (clocks go forward at 02:00 in Paris): 07:00 is now UTC+2
        assertEquals(Instant.parse("2026-03-29T05:00:00Z"),
                overnight.deferIfQuiet(Instant.parse("2026-03-28T22:30:00Z"), PARIS));
        // quiet hours ending at 02:30, a time that does not exist that night: delivered at 03:30 local
        QuietHours endsInGap = new QuietHours(LocalTime.of(23, 0), LocalTime.of(2, 30));
        assertEquals(Instant.parse("2026-03-29T01:30:00Z"),
                endsInGap.deferIfQuiet(Instant.parse("2026-03-28T23:00:00Z"), PARIS));
    }
}
