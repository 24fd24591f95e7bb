package app.detach.streak.rules;

import app.detach.events.streak.ContactKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Worked examples of the streak rules; the properties in {@link DayCountProperties} cover the rest. */
class RulesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
    private static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");

    @Test
    void aStreakStartedTodayIsDayZeroAndGrowsAtLocalMidnight() {
        LocalDate start = DayCount.localDate(Instant.parse("2026-03-10T21:30:00Z"), BERLIN); // 22:30 local
        assertEquals(LocalDate.of(2026, 3, 10), start);
        assertEquals(0, DayCount.daysAt(start, Instant.parse("2026-03-10T22:59:59Z"), BERLIN));
        assertEquals(1, DayCount.daysAt(start, Instant.parse("2026-03-10T23:00:00Z"), BERLIN)); // 00:00 CET
    }

    @Test
    void springForwardAndFallBackDaysCountOnceEach() {
        // Berlin: 29 March 2026 has 23 hours, 25 October 2026 has 25
        LocalDate start = LocalDate.of(2026, 3, 28);
        assertEquals(1, DayCount.daysAt(start, Instant.parse("2026-03-28T23:00:00Z"), BERLIN));
        assertEquals(2, DayCount.daysAt(start, Instant.parse("2026-03-29T22:00:00Z"), BERLIN)); // 00:00 CEST
        assertEquals(Instant.parse("2026-03-29T22:00:00Z"), DayCount.dayBegins(start, 2, BERLIN));
        LocalDate autumn = LocalDate.of(2026, 10, 24);
        assertEquals(Instant.parse("2026-10-25T23:00:00Z"), DayCount.dayBegins(autumn, 2, BERLIN));
        assertEquals(1, DayCount.daysAt(autumn, Instant.parse("2026-10-25T22:59:59Z"), BERLIN));
        // southern hemisphere: Sydney leaves DST on 5 April 2026
        LocalDate sydney = LocalDate.of(2026, 4, 4);
        assertEquals(Instant.parse("2026-04-05T14:00:00Z"), DayCount.dayBegins(sydney, 2, SYDNEY));
    }

    @Test
    void aMidnightInsideADstGapBeginsTheDayAtTheFirstValidTime() {
        // Santiago moves its clocks from 00:00 to 01:00 on 6 September 2026: that day begins at 01:00 local
        Instant begins = DayCount.dayBegins(LocalDate.of(2026, 9, 5), 1, SANTIAGO);
        assertEquals(Instant.parse("2026-09-06T04:00:00Z"), begins);
        assertEquals(1, DayCount.daysAt(LocalDate.of(2026, 9, 5), begins, SANTIAGO));
    }

    @Test
    void aZoneChangeKeepsTheStartDate() {
        LocalDate start = LocalDate.of(2026, 1, 1);
        Instant now = Instant.parse("2026-01-10T12:00:00Z");
        assertEquals(9, DayCount.daysAt(start, now, BERLIN));
        assertEquals(9, DayCount.daysAt(start, now, ZoneId.of("America/New_York")));
        assertEquals(10, DayCount.daysAt(start, now, ZoneId.of("Pacific/Kiritimati"))); // already 11 Jan there
        assertEquals(0, DayCount.daysAt(start, Instant.parse("2026-01-01T03:00:00Z"), ZoneId.of("America/Los_Angeles")));
    }

    @Test
    void milestoneSchedule() {
        assertEquals(List.of(1, 3, 7, 14, 21, 30, 45, 60, 90, 120, 180, 270, 365, 730, 1095), Milestones.upTo(1100));
        assertEquals(1, Milestones.nextAfter(0));
        assertEquals(3, Milestones.nextAfter(1));
        assertEquals(365, Milestones.nextAfter(270));
        assertEquals(730, Milestones.nextAfter(365));
        assertEquals(730, Milestones.nextAfter(500));
        assertEquals(1095, Milestones.nextAfter(730));
        assertTrue(Milestones.isMilestone(1460));
        assertFalse(Milestones.isMilestone(2));
        assertFalse(Milestones.isMilestone(400));
        assertEquals(7, Milestones.firstFrom(4));
        assertEquals(7, Milestones.firstFrom(7));
    }

    @Test
    void milestonesFallDueAtLocalMidnightAndCatchUpInOrder() {
        LocalDate start = LocalDate.of(2026, 3, 1);
        assertEquals(new MilestonePlan.Due(30, Instant.parse("2026-03-30T22:00:00Z")), MilestonePlan.of(start, 29 + 1, BERLIN));
        MilestonePlan.Catchup catchup = MilestonePlan.dueSince(start, 3, Instant.parse("2026-03-15T08:00:00Z"), BERLIN);
        assertEquals(List.of(3, 7, 14), catchup.due().stream().map(MilestonePlan.Due::day).toList());
        assertEquals(21, catchup.next().day());
        assertEquals(new MilestonePlan.Due(1, Instant.parse("2026-03-01T23:00:00Z")),
                MilestonePlan.nextAfterNow(start, Instant.parse("2026-03-01T10:00:00Z"), BERLIN));
    }

    @Test
    void whichContactsBreak() {
        assertTrue(ContactRules.breaksStreak(ContactKind.I_CONTACTED, false));
        assertTrue(ContactRules.breaksStreak(ContactKind.THEY_CONTACTED_REPLIED, false));
        assertTrue(ContactRules.breaksStreak(ContactKind.SOCIAL_MEDIA_CHECK, true));
        assertFalse(ContactRules.breaksStreak(ContactKind.SOCIAL_MEDIA_CHECK, false));
        assertFalse(ContactRules.breaksStreak(ContactKind.THEY_CONTACTED_IGNORED, true));
        assertFalse(ContactRules.breaksStreak(ContactKind.NECESSARY_CONTACT, true));
    }

    @Test
    void backdatedContacts() {
        Instant start = Instant.parse("2026-03-01T10:00:00Z");
        Instant now = Instant.parse("2026-03-20T10:00:00Z");
        assertEquals(Backdating.Effect.FUTURE, Backdating.effect(now.plusSeconds(1), now, start, true));
        assertEquals(Backdating.Effect.BREAKS_CURRENT, Backdating.effect(Instant.parse("2026-03-05T10:00:00Z"), now, start, true));
        assertEquals(Backdating.Effect.BREAKS_CURRENT, Backdating.effect(start, now, start, true));
        assertEquals(Backdating.Effect.HISTORY_ONLY, Backdating.effect(start.minusSeconds(1), now, start, true));
        assertEquals(Backdating.Effect.LOGGED_ONLY, Backdating.effect(start.minusSeconds(1), now, start, false));
        assertEquals(Backdating.Effect.FUTURE, Backdating.effect(now.plusSeconds(60), now, start, false));
    }
}
