package app.detach.journal.prompt;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StageRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void theStreakDayGivesTheStageWhenNothingRecentStandsOut() {
        assertEquals(Stage.FIRST_DAYS, StageRules.stageOf(null, null, null, NOW));
        assertEquals(Stage.FIRST_DAYS, StageRules.stageOf(0, null, null, NOW));
        assertEquals(Stage.FIRST_DAYS, StageRules.stageOf(6, null, null, NOW));
        assertEquals(Stage.FIRST_WEEKS, StageRules.stageOf(7, null, null, NOW));
        assertEquals(Stage.FIRST_WEEKS, StageRules.stageOf(41, null, null, NOW));
        assertEquals(Stage.LATER, StageRules.stageOf(42, null, null, NOW));
    }

    @Test
    void aRecentSlipThenAStrongUrgeThenALowMoodComeFirst() {
        StageRules.LatestEntry urge = new StageRules.LatestEntry(2, 8, NOW.minus(Duration.ofHours(3)));
        StageRules.LatestEntry low = new StageRules.LatestEntry(3, 2, NOW.minus(Duration.ofHours(3)));
        StageRules.LatestEntry fine = new StageRules.LatestEntry(7, 2, NOW.minus(Duration.ofHours(3)));
        Instant slip = NOW.minus(Duration.ofDays(2));
        assertEquals(Stage.AFTER_A_SLIP, StageRules.stageOf(50, slip, urge, NOW));
        assertEquals(Stage.STRONG_URGE, StageRules.stageOf(50, NOW.minus(Duration.ofDays(4)), urge, NOW));
        assertEquals(Stage.LOW_MOOD, StageRules.stageOf(50, null, low, NOW));
        assertEquals(Stage.LATER, StageRules.stageOf(50, null, fine, NOW));
        StageRules.LatestEntry old = new StageRules.LatestEntry(1, 10, NOW.minus(Duration.ofHours(49)));
        assertEquals(Stage.FIRST_WEEKS, StageRules.stageOf(10, null, old, NOW), "an old entry no longer counts");
    }
}
