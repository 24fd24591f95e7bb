package app.detach.content.today;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ReadingRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-30T10:00:00Z");

    private static Situation situation(Instant streakStart, Instant slip, Instant reachedOut, List<Integer> moods,
            int urge) {
        return new Situation(streakStart, ZoneId.of("Europe/Paris"), slip, reachedOut, moods, urge);
    }

    @Test
    void stagesFollowTheStreakDay() {
        assertEquals("first-days", ReadingRules.stageFor(null).wireName());
        assertEquals("first-days", ReadingRules.stageFor(3L).wireName());
        assertEquals("early", ReadingRules.stageFor(4L).wireName());
        assertEquals("early", ReadingRules.stageFor(30L).wireName());
        assertEquals("healing", ReadingRules.stageFor(31L).wireName());
        assertEquals("healing", ReadingRules.stageFor(90L).wireName());
        assertEquals("growth", ReadingRules.stageFor(91L).wireName());
    }

    @Test
    void streakDaysAreCalendarDaysInTheReadersZoneAcrossDst() {
        // Paris moved to summer time on 2026-03-29: 23 hours that day, still one calendar day
        Instant lateSaturday = Instant.parse("2026-03-28T22:30:00Z"); // 23:30 in Paris, Saturday
        assertEquals(2L, ReadingRules.streakDay(situation(lateSaturday, null, null, List.of(), 0), NOW));
        Instant justAfterMidnight = Instant.parse("2026-03-29T23:30:00Z"); // 01:30 Monday in Paris
        assertEquals(0L, ReadingRules.streakDay(situation(justAfterMidnight, null, null, List.of(), 0),
                Instant.parse("2026-03-30T21:00:00Z")));
        assertEquals(1L, ReadingRules.streakDay(new Situation(justAfterMidnight, ZoneOffset.UTC, null, null,
                List.of(), 0), Instant.parse("2026-03-30T21:00:00Z")));
        assertNull(ReadingRules.streakDay(Situation.empty(), NOW));
    }

    @Test
    void theFirstRuleThatAppliesWins() {
        Instant start = NOW.minus(Duration.ofDays(40));
        Instant hourAgo = NOW.minus(Duration.ofHours(1));
        assertEquals("after-a-slip",
                ReadingRules.choose(situation(start, hourAgo, hourAgo, List.of(1, 1, 1), 10), NOW).rule());
        assertEquals("low-mood",
                ReadingRules.choose(situation(start, null, hourAgo, List.of(2, 4, 5), 10), NOW).rule());
        assertEquals("strong-urge",
                ReadingRules.choose(situation(start, null, hourAgo, List.of(5, 5), 7), NOW).rule());
        assertEquals("they-reached-out",
                ReadingRules.choose(situation(start, null, hourAgo, List.of(), 6), NOW).rule());
        ReadingRules.Choice stage = ReadingRules.choose(situation(start, null, null, List.of(), 0), NOW);
        assertEquals("stage", stage.rule());
        assertEquals("healing", stage.stage());
    }

    @Test
    void windowsAreFortyEightHoursAndLowMoodsNeedTwoEntries() {
        Instant start = NOW.minus(Duration.ofDays(10));
        assertEquals("stage", ReadingRules.choose(situation(start, NOW.minus(Duration.ofHours(49)), null,
                List.of(), 0), NOW).rule());
        assertEquals("after-a-slip", ReadingRules.choose(situation(start, NOW.minus(Duration.ofHours(47)), null,
                List.of(), 0), NOW).rule());
        assertEquals("stage", ReadingRules.choose(situation(start, null, null, List.of(1), 0), NOW).rule());
        // only the latest three count: two recent good days lift an old run of bad ones
        assertEquals("stage", ReadingRules.choose(situation(start, null, null, List.of(8, 8, 1, 1, 1), 0), NOW).rule());
        ReadingRules.Choice low = ReadingRules.choose(situation(start, null, null, List.of(4, 4), 0), NOW);
        assertEquals("self-care", low.tag());
        assertEquals("seeking-help", low.also().stage());
    }
}
