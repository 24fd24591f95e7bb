package app.detach.streak.rules;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The user's day with a day-start hour (0–6), against an independent oracle, over random zones,
 * hours and instants around DST transitions 2000–2040 (gaps and overlaps that cross the hour).
 */
class DayStartHourProperties {

    private static final List<ZoneId> ZONES = ZoneId.getAvailableZoneIds().stream().sorted()
            .map(ZoneId::of)
            .filter(z -> z.getRules().nextTransition(Instant.parse("2020-01-01T00:00:00Z")) != null)
            .toList();

    /**
     * The oracle for when a day begins: the first instant whose wall-clock time is at least
     * {@code date hour:00}. Between two transitions the wall clock is the instant plus one fixed
     * offset, so walking the intervals finds it without the implementation's arithmetic.
     */
    static Instant oracleBegins(LocalDate date, int hour, ZoneId zone) {
        LocalDateTime target = date.atTime(hour, 0);
        ZoneRules rules = zone.getRules();
        // 20 hours before the target read as UTC: no offset (at most +14) shows the target yet
        Instant t = target.toInstant(ZoneOffset.UTC).minus(Duration.ofHours(20));
        while (true) {
            ZoneOffsetTransition next = rules.nextTransition(t);
            Instant end = next == null ? Instant.MAX : next.getInstant();
            Instant candidate = target.toInstant(rules.getOffset(t));
            if (candidate.isBefore(t)) {
                candidate = t; // the clock jumped over the target at t (a gap)
            }
            if (candidate.isBefore(end)) {
                return candidate;
            }
            t = end;
        }
    }

    /** The oracle's user day: the latest date whose beginning has passed. */
    static LocalDate oracleDay(Instant instant, int hour, ZoneId zone) {
        LocalDate date = instant.atZone(zone).toLocalDate().plusDays(1);
        while (oracleBegins(date, hour, zone).isAfter(instant)) {
            date = date.minusDays(1);
        }
        return date;
    }

    record Case(ZoneId zone, Instant start, Instant now, int hour) {
    }

    @Provide
    Arbitrary<Case> aroundTransitions() {
        Arbitrary<ZoneId> zones = Arbitraries.of(ZONES);
        Arbitrary<Integer> years = Arbitraries.integers().between(2000, 2040);
        Arbitrary<Long> offsetMinutes = Arbitraries.longs().between(-2 * 24 * 60, 2 * 24 * 60);
        Arbitrary<Long> lengthMinutes = Arbitraries.longs().between(0, 40L * 24 * 60);
        Arbitrary<Integer> hours = Arbitraries.integers().between(0, DayBoundary.MAX_START_HOUR);
        return Combinators.combine(zones, years, offsetMinutes, lengthMinutes, hours).as((zone, year, offset, length, h) -> {
            ZoneOffsetTransition transition = zone.getRules().nextTransition(Instant.parse(year + "-01-01T00:00:00Z"));
            Instant anchor = transition == null ? Instant.parse(year + "-06-01T00:00:00Z") : transition.getInstant();
            // land near the hour of the transition so the day start often falls inside a gap or overlap
            Instant start = anchor.plus(Duration.ofMinutes(offset));
            return new Case(zone, start, start.plus(Duration.ofMinutes(length)), h);
        });
    }

    @Provide
    Arbitrary<Integer> hours() {
        return Arbitraries.integers().between(0, DayBoundary.MAX_START_HOUR);
    }

    @Property(tries = 2000)
    void theUsersDayIsTheLatestDayWhoseStartHasPassed(@ForAll("aroundTransitions") Case c) {
        DayBoundary b = new DayBoundary(c.zone(), c.hour());
        assertEquals(oracleDay(c.now(), c.hour(), c.zone()), DayCount.userDay(c.now(), b), c.toString());
        LocalDate day = DayCount.userDay(c.now(), b);
        assertEquals(oracleBegins(day, c.hour(), c.zone()), DayCount.beginningOf(day, b), c.toString());
    }

    @Property(tries = 500)
    void countsDayStartsPassed(@ForAll("aroundTransitions") Case c) {
        DayBoundary b = new DayBoundary(c.zone(), c.hour());
        LocalDate startDate = DayCount.userDay(c.start(), b);
        int expected = 0;
        while (!oracleBegins(startDate.plusDays(expected + 1), c.hour(), c.zone()).isAfter(c.now())) {
            expected++;
        }
        assertEquals(expected, DayCount.daysAt(startDate, c.now(), b), c.toString());
    }

    @Property(tries = 1000)
    void aDayThatHasBegunStaysBegunAndEachAddsExactlyOne(@ForAll("aroundTransitions") Case c) {
        DayBoundary b = new DayBoundary(c.zone(), c.hour());
        LocalDate startDate = DayCount.userDay(c.start(), b);
        assertTrue(!DayCount.userDay(c.start(), b).isAfter(DayCount.userDay(c.now(), b)), c.toString());
        int today = DayCount.daysAt(startDate, c.now(), b);
        Instant tomorrowBegins = DayCount.dayBegins(startDate, today + 1, b);
        assertTrue(tomorrowBegins.isAfter(c.now()), c.toString());
        assertEquals(today, DayCount.daysAt(startDate, tomorrowBegins.minusNanos(1), b), c.toString());
        assertEquals(today + 1, DayCount.daysAt(startDate, tomorrowBegins, b), c.toString());
    }

    @Property(tries = 1000)
    void changingTheHourMovesTheCountOnlyAsTheWallClockSays(@ForAll("aroundTransitions") Case c,
            @ForAll("hours") int newHour) {
        DayBoundary before = new DayBoundary(c.zone(), c.hour());
        DayBoundary after = new DayBoundary(c.zone(), newHour);
        LocalDate startDate = DayCount.userDay(c.start(), before);
        int countBefore = DayCount.daysAt(startDate, c.now(), before);
        int countAfter = DayCount.daysAt(startDate, c.now(), after);
        long jump = ChronoUnit.DAYS.between(DayCount.userDay(c.now(), before), DayCount.userDay(c.now(), after));
        // a later start hour can only hand today back to yesterday, an earlier one only begin tomorrow
        assertTrue(Math.abs(jump) <= 1, c + " jump " + jump);
        assertTrue(newHour >= c.hour() ? jump <= 0 : jump >= 0, c + " jump " + jump);
        assertEquals(Math.max(0, countBefore + jump), countAfter, c.toString());
        // from the change on, the count grows by exactly one at each new day start
        Instant next = DayCount.dayBegins(startDate, countAfter + 1, after);
        assertEquals(countAfter, DayCount.daysAt(startDate, next.minusNanos(1), after));
        assertEquals(countAfter + 1, DayCount.daysAt(startDate, next, after));
    }

    @Example
    void workedExamples() {
        DayBoundary berlinAt3 = new DayBoundary(ZoneId.of("Europe/Berlin"), 3);
        // 01:30 on 2 July (CEST) is still 1 July; 1 July ends at 03:00
        assertEquals(LocalDate.parse("2026-07-01"), DayCount.userDay(Instant.parse("2026-07-01T23:30:00Z"), berlinAt3));
        assertEquals(Instant.parse("2026-07-02T01:00:00Z"), DayCount.beginningOf(LocalDate.parse("2026-07-02"), berlinAt3));
        // 29 March 2026: 02:00 → 03:00 in Berlin; the day with start hour 2 begins at the end of the gap
        DayBoundary berlinAt2 = new DayBoundary(ZoneId.of("Europe/Berlin"), 2);
        assertEquals(Instant.parse("2026-03-29T01:00:00Z"), DayCount.beginningOf(LocalDate.parse("2026-03-29"), berlinAt2));
        // Antarctica/Casey, 4 March 2010 15:00Z: 02:00 on 5 March becomes 23:00 on 4 March. 5 March had
        // begun two hours earlier, and a begun day stays begun
        DayBoundary casey = DayBoundary.midnight(ZoneId.of("Antarctica/Casey"));
        assertEquals(LocalDate.parse("2010-03-05"), DayCount.userDay(Instant.parse("2010-03-04T15:00:00Z"), casey));
        assertEquals(Instant.parse("2010-03-04T13:00:00Z"), DayCount.beginningOf(LocalDate.parse("2010-03-05"), casey));
    }

    @Property(tries = 300)
    void hourZeroIsMidnight(@ForAll("aroundTransitions") Case c) {
        assertEquals(DayCount.localDate(c.now(), c.zone()), DayCount.userDay(c.now(), new DayBoundary(c.zone(), 0)));
        LocalDate day = c.now().atZone(c.zone()).toLocalDate();
        assertEquals(day.atStartOfDay(c.zone()).toInstant(), DayCount.beginningOf(day, new DayBoundary(c.zone(), 0)));
    }
}
