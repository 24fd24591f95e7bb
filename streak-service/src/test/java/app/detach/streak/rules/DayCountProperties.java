package app.detach.streak.rules;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Day counting against an independent oracle, over random IANA zones and instants placed around
 * their DST transitions (both hemispheres, 23- and 25-hour days, midnight gaps such as Santiago's).
 */
class DayCountProperties {

    /** Zones whose rules change their offset at least once in the years we generate. */
    private static final List<ZoneId> ZONES = ZoneId.getAvailableZoneIds().stream().sorted()
            .map(ZoneId::of)
            .filter(z -> z.getRules().nextTransition(Instant.parse("2020-01-01T00:00:00Z")) != null)
            .toList();

    /**
     * The oracle: walk the calendar one local midnight at a time — the instant each next local day
     * begins, computed from the zone's rules with LocalDateTime/ZonedDateTime rather than the
     * implementation's date arithmetic — and count how many have passed by {@code now}.
     */
    static int oracleDays(Instant start, Instant now, ZoneId zone) {
        LocalDate date = LocalDateTime.ofInstant(start, zone).toLocalDate();
        // a day that has begun stays begun: where the clock went back across midnight (Antarctica/Casey,
        // 4 March 2010, 02:00 → 23:00), the start belongs to the day whose midnight already passed
        while (!date.plusDays(1).atTime(LocalTime.MIDNIGHT).atZone(zone).toInstant().isAfter(start)) {
            date = date.plusDays(1);
        }
        int days = 0;
        while (true) {
            // atZone moves a midnight that falls into a DST gap forward by the gap's length
            Instant nextMidnight = date.plusDays(1).atTime(LocalTime.MIDNIGHT).atZone(zone).toInstant();
            if (nextMidnight.isAfter(now)) {
                return days;
            }
            days++;
            date = date.plusDays(1);
        }
    }

    @Provide
    Arbitrary<Case> aroundTransitions() {
        Arbitrary<ZoneId> zones = Arbitraries.of(ZONES);
        Arbitrary<Integer> years = Arbitraries.integers().between(2000, 2040);
        Arbitrary<Long> startOffsetMinutes = Arbitraries.longs().between(-3 * 24 * 60, 3 * 24 * 60);
        Arbitrary<Long> lengthMinutes = Arbitraries.longs().between(0, 120L * 24 * 60);
        return Combinators.combine(zones, years, startOffsetMinutes, lengthMinutes).as((zone, year, offset, length) -> {
            ZoneOffsetTransition transition = zone.getRules()
                    .nextTransition(Instant.parse(year + "-01-01T00:00:00Z"));
            Instant anchor = transition == null ? Instant.parse(year + "-06-01T00:00:00Z") : transition.getInstant();
            Instant start = anchor.plus(Duration.ofMinutes(offset));
            return new Case(zone, start, start.plus(Duration.ofMinutes(length)));
        });
    }

    record Case(ZoneId zone, Instant start, Instant now) {
    }

    @Property(tries = 2000)
    void countsLocalMidnightsPassed(@ForAll("aroundTransitions") Case c) {
        LocalDate startDate = DayCount.localDate(c.start(), c.zone());
        assertEquals(oracleDays(c.start(), c.now(), c.zone()), DayCount.daysAt(startDate, c.now(), c.zone()), c.toString());
    }

    @Property(tries = 1000)
    void theCountGrowsExactlyAtTheInstantADayBegins(@ForAll("aroundTransitions") Case c,
            @ForAll("days") int day) {
        LocalDate startDate = DayCount.localDate(c.start(), c.zone());
        Instant begins = DayCount.dayBegins(startDate, day, c.zone());
        assertEquals(day, DayCount.daysAt(startDate, begins, c.zone()));
        assertEquals(day - 1, DayCount.daysAt(startDate, begins.minusNanos(1), c.zone()));
    }

    @Provide
    Arbitrary<Integer> days() {
        return Arbitraries.integers().between(1, 800);
    }

    @Property(tries = 1000)
    void everyLocalDayAddsExactlyOneWhateverItsLength(@ForAll("aroundTransitions") Case c) {
        LocalDate startDate = DayCount.localDate(c.start(), c.zone());
        int today = DayCount.daysAt(startDate, c.now(), c.zone());
        Instant todayBegins = DayCount.dayBegins(startDate, today, c.zone());
        Instant tomorrowBegins = DayCount.dayBegins(startDate, today + 1, c.zone());
        // a local day can last 23, 25, even 21 hours (Antarctica/Casey) — it still counts as one
        assertTrue(tomorrowBegins.isAfter(todayBegins));
        assertEquals(today, DayCount.daysAt(startDate, tomorrowBegins.minusSeconds(1), c.zone()));
        assertEquals(today + 1, DayCount.daysAt(startDate, tomorrowBegins, c.zone()));
    }

    @Property(tries = 1000)
    void aZoneChangeNeverSkipsOrDoublesADayAfterwards(@ForAll("aroundTransitions") Case c,
            @ForAll("zones") ZoneId newZone) {
        // the start date stays fixed; from the change on, the count follows the new zone's midnights
        LocalDate startDate = DayCount.localDate(c.start(), c.zone());
        int atChange = DayCount.daysAt(startDate, c.now(), newZone);
        int expectedJump = (int) java.time.temporal.ChronoUnit.DAYS.between(
                DayCount.localDate(c.now(), c.zone()), DayCount.localDate(c.now(), newZone));
        int before = DayCount.daysAt(startDate, c.now(), c.zone());
        // the count moves by exactly the difference between the two wall calendars (never more),
        // clamped at day 0
        assertEquals(Math.max(0, before + expectedJump), atChange);
        Instant next = DayCount.dayBegins(startDate, Math.max(atChange, 0) + 1, newZone);
        assertEquals(atChange + 1, DayCount.daysAt(startDate, next, newZone));
        assertEquals(atChange, DayCount.daysAt(startDate, next.minusNanos(1), newZone));
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ZONES);
    }

    @Property(tries = 1000)
    void catchUpFindsEveryMilestoneOnceAndInOrder(@ForAll("aroundTransitions") Case c) {
        LocalDate startDate = DayCount.localDate(c.start(), c.zone());
        MilestonePlan.Catchup catchup = MilestonePlan.dueSince(startDate, 1, c.now(), c.zone());
        int reached = DayCount.daysAt(startDate, c.now(), c.zone());
        assertEquals(Milestones.upTo(reached), catchup.due().stream().map(MilestonePlan.Due::day).toList());
        assertEquals(Milestones.nextAfter(reached), catchup.next().day());
        assertTrue(catchup.next().at().isAfter(c.now()));
        catchup.due().forEach(d -> assertTrue(!d.at().isAfter(c.now())));
    }
}
