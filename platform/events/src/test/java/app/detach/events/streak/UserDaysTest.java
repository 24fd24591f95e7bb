package app.detach.events.streak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class UserDaysTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void aLateNightStillBelongsToTheDayBefore() {
        UserDays days = new UserDays(PARIS, 3);
        assertEquals(LocalDate.parse("2026-03-02"), days.dayOf(Instant.parse("2026-03-03T01:30:00Z"))); // 02:30 Paris
        assertEquals(LocalDate.parse("2026-03-03"), days.dayOf(Instant.parse("2026-03-03T02:00:00Z"))); // 03:00 Paris
        assertEquals(Instant.parse("2026-03-03T02:00:00Z"), days.startOf(LocalDate.parse("2026-03-03")));
    }

    @Test
    void midnightDaysAreCalendarDays() {
        UserDays days = UserDays.midnight(PARIS);
        assertEquals(LocalDate.parse("2026-03-03"), days.dayOf(Instant.parse("2026-03-02T23:00:00Z")));
        assertEquals(LocalDate.parse("2026-03-02"), days.dayOf(Instant.parse("2026-03-02T22:59:59Z")));
    }

    @Test
    void aDayStartingInsideADstGapBeginsAtTheEndOfTheGap() {
        // Paris, 29 March 2026: 02:00 jumps to 03:00; a day starting at 02:00 begins at 03:00 (01:00Z)
        UserDays days = new UserDays(PARIS, 2);
        assertEquals(Instant.parse("2026-03-29T01:00:00Z"), days.startOf(LocalDate.parse("2026-03-29")));
        assertEquals(LocalDate.parse("2026-03-28"), days.dayOf(Instant.parse("2026-03-29T00:59:59Z")));
        assertEquals(LocalDate.parse("2026-03-29"), days.dayOf(Instant.parse("2026-03-29T01:00:00Z")));
    }

    @Test
    void aDayThatHasBegunStaysBegunWhenTheClockGoesBack() {
        // Paris, 25 October 2026: 03:00 goes back to 02:00; a day starting at 02:00 begins at the
        // first 02:00 (00:00Z) and the repeated hour does not fall back to the day before
        UserDays days = new UserDays(PARIS, 2);
        assertEquals(Instant.parse("2026-10-25T00:00:00Z"), days.startOf(LocalDate.parse("2026-10-25")));
        assertEquals(LocalDate.parse("2026-10-25"), days.dayOf(Instant.parse("2026-10-25T00:30:00Z"))); // first 02:30
        assertEquals(LocalDate.parse("2026-10-25"), days.dayOf(Instant.parse("2026-10-25T01:30:00Z"))); // second 02:30
        assertEquals(LocalDate.parse("2026-10-24"), days.dayOf(Instant.parse("2026-10-24T23:59:59Z")));
    }

    @Test
    void startHourIsZeroToSix() {
        assertThrows(IllegalArgumentException.class, () -> new UserDays(PARIS, 7));
        assertThrows(IllegalArgumentException.class, () -> new UserDays(PARIS, -1));
    }
}
