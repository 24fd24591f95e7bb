package app.detach.journal.daysettings;

import app.detach.events.streak.UserDays;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UserDaysTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void theNightBeforeTheStartHourStillBelongsToTheDayBefore() {
        UserDays days = new UserDays(PARIS, 3);
        assertEquals(LocalDate.parse("2026-11-23"), days.dayOf(at("2026-11-24T02:59")));
        assertEquals(LocalDate.parse("2026-11-24"), days.dayOf(at("2026-11-24T03:00")));
        assertEquals(LocalDate.parse("2026-11-24"), days.dayOf(at("2026-11-24T23:59")));
        assertEquals(at("2026-11-24T03:00"), days.startOf(LocalDate.parse("2026-11-24")));
    }

    @Test
    void midnightIsTheCalendarDay() {
        UserDays days = UserDays.midnight(PARIS);
        assertEquals(LocalDate.parse("2026-11-24"), days.dayOf(at("2026-11-24T00:00")));
        assertEquals(LocalDate.parse("2026-11-23"), days.dayOf(at("2026-11-23T23:59")));
    }

    @Test
    void daysStayContiguousAcrossDaylightSavingChanges() {
        // Paris springs forward on 2026-03-29 at 02:00 and falls back on 2026-10-25 at 03:00
        for (int hour = 0; hour <= 6; hour++) {
            UserDays days = new UserDays(PARIS, hour);
            for (LocalDate day = LocalDate.parse("2026-03-27"); day.isBefore(LocalDate.parse("2026-03-31"));
                    day = day.plusDays(1)) {
                assertContiguous(days, day);
            }
            for (LocalDate day = LocalDate.parse("2026-10-23"); day.isBefore(LocalDate.parse("2026-10-27"));
                    day = day.plusDays(1)) {
                assertContiguous(days, day);
            }
        }
    }

    private static void assertContiguous(UserDays days, LocalDate day) {
        Instant start = days.startOf(day);
        Instant next = days.startOf(day.plusDays(1));
        assertEquals(day, days.dayOf(start), "start of " + day + " at hour " + days.startHour());
        assertEquals(day, days.dayOf(next.minusNanos(1)), "end of " + day + " at hour " + days.startHour());
        assertEquals(day.plusDays(1), days.dayOf(next));
    }

    private static Instant at(String local) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(local), PARIS).toInstant();
    }
}
