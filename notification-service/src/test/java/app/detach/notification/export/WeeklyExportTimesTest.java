package app.detach.notification.export;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WeeklyExportTimesTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void fallsOnTheComingSundayAtTenLocal() {
        // Wednesday 2 December 2026, noon in Paris (winter: UTC+1)
        assertEquals(Instant.parse("2026-12-06T09:00:00Z"), WeeklyExportTimes.next(Instant.parse("2026-12-02T11:00:00Z"), PARIS));
    }

    @Test
    void onSundayBeforeTenItIsTheSameDayAndAtTenItIsTheNextWeek() {
        assertEquals(Instant.parse("2026-12-06T09:00:00Z"), WeeklyExportTimes.next(Instant.parse("2026-12-06T08:59:59Z"), PARIS));
        assertEquals(Instant.parse("2026-12-13T09:00:00Z"), WeeklyExportTimes.next(Instant.parse("2026-12-06T09:00:00Z"), PARIS));
    }

    @Test
    void followsTheClockAcrossTheSpringChange() {
        // Paris moves to summer time on Sunday 29 March 2026 at 02:00; 10:00 that day is 08:00Z
        assertEquals(Instant.parse("2026-03-29T08:00:00Z"), WeeklyExportTimes.next(Instant.parse("2026-03-27T12:00:00Z"), PARIS));
        assertEquals(Instant.parse("2026-03-22T09:00:00Z"), WeeklyExportTimes.next(Instant.parse("2026-03-21T12:00:00Z"), PARIS));
    }

    @Test
    void aWeekIsKeyedByItsLocalSunday() {
        assertEquals(LocalDate.of(2026, 12, 6), WeeklyExportTimes.weekOf(Instant.parse("2026-12-06T09:00:00Z"), PARIS));
        // Sunday 10:00 in Auckland is still Saturday in UTC: the key is the user's Sunday
        ZoneId auckland = ZoneId.of("Pacific/Auckland");
        Instant sundayTenAuckland = WeeklyExportTimes.next(Instant.parse("2026-12-02T00:00:00Z"), auckland);
        assertEquals(Instant.parse("2026-12-05T21:00:00Z"), sundayTenAuckland);
        assertEquals(LocalDate.of(2026, 12, 6), WeeklyExportTimes.weekOf(sundayTenAuckland, auckland));
    }
}
