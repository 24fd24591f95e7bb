package app.detach.journal.streak;

import org.junit.jupiter.api.Test;

import app.detach.events.streak.UserDays;

import java.time.Instant;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class NoContactDaysTest {

    @Test
    void theStartDayIsDayZeroAndDaysAreLocalCalendarDays() {
        Instant start = Instant.parse("2026-11-01T22:30:00Z"); // 23:30 in Paris
        assertEquals(0, NoContactDays.at(start, "Europe/Paris", Instant.parse("2026-11-01T22:59:00Z")));
        assertEquals(1, NoContactDays.at(start, "Europe/Paris", Instant.parse("2026-11-01T23:00:00Z")), "midnight in Paris");
        assertEquals(0, NoContactDays.at(start, "America/New_York", Instant.parse("2026-11-02T03:00:00Z")),
                "still the evening of the first day in New York");
    }

    @Test
    void countsAcrossDaylightSavingChangesByDateNotByHours() {
        // Paris springs forward on 2026-03-29: that day has 23 hours
        Instant start = Instant.parse("2026-03-28T23:30:00Z"); // 00:30 on the 29th
        assertEquals(0, NoContactDays.at(start, "Europe/Paris", Instant.parse("2026-03-29T21:59:00Z")));
        assertEquals(1, NoContactDays.at(start, "Europe/Paris", Instant.parse("2026-03-29T22:00:00Z")));
        // and falls back on 2026-10-25: 25 hours
        Instant autumn = Instant.parse("2026-10-24T22:30:00Z"); // 00:30 on the 25th
        assertEquals(0, NoContactDays.at(autumn, "Europe/Paris", Instant.parse("2026-10-25T22:59:00Z")));
        assertEquals(1, NoContactDays.at(autumn, "Europe/Paris", Instant.parse("2026-10-25T23:00:00Z")));
    }

    @Test
    void withADayStartHourTheNightStillBelongsToTheDayBefore() {
        UserDays lateNight = new UserDays(ZoneId.of("Europe/Paris"), 3);
        Instant start = Instant.parse("2026-11-01T20:00:00Z"); // 21:00 in Paris
        assertEquals(0, NoContactDays.at(start, lateNight, Instant.parse("2026-11-02T01:30:00Z")), "02:30 in Paris");
        assertEquals(1, NoContactDays.at(start, lateNight, Instant.parse("2026-11-02T02:00:00Z")), "03:00 in Paris");
        // a start at 01:00 belongs to the day before: day 1 begins at 03:00 the same night
        Instant earlyStart = Instant.parse("2026-11-02T00:00:00Z");
        assertEquals(0, NoContactDays.at(earlyStart, lateNight, Instant.parse("2026-11-02T01:59:00Z")));
        assertEquals(1, NoContactDays.at(earlyStart, lateNight, Instant.parse("2026-11-02T02:00:00Z")));
    }

    @Test
    void noStreakOrAFutureStartHasNoDay() {
        assertNull(NoContactDays.at(null, "UTC", Instant.now()));
        assertNull(NoContactDays.at(Instant.parse("2026-12-01T00:00:00Z"), "UTC", Instant.parse("2026-11-30T00:00:00Z")));
    }
}
