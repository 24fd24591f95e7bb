package app.detach.journal.insight;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class InsightCalculatorTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static InsightCalculator.Point at(String instant, int mood, int urge, String... emotions) {
        return new InsightCalculator.Point(Instant.parse(instant), mood, urge, List.of(emotions));
    }

    @Test
    void everyDayIsPresentWithMeansMovingAveragesAndNullsForEmptyDays() {
        LocalDate first = LocalDate.parse("2026-11-10");
        LocalDate last = LocalDate.parse("2026-11-16");
        Insights insights = InsightCalculator.compute(List.of(
                at("2026-11-05T12:00:00Z", 1, 9),                   // before the window: only in moving averages
                at("2026-11-10T08:00:00Z", 4, 6, "sad"),
                at("2026-11-10T20:00:00Z", 6, 4, "sad", "hopeful"),
                at("2026-11-12T23:30:00Z", 8, 2, "calm")),           // 00:30 on the 13th in Paris
                PARIS, first, last);

        assertEquals(7, insights.days());
        assertEquals(7, insights.series().size());
        assertEquals(3, insights.entries());
        Insights.Day tenth = insights.series().get(0);
        assertEquals(LocalDate.parse("2026-11-10"), tenth.date());
        assertEquals(2, tenth.entries());
        assertEquals(5.0, tenth.mood());
        assertEquals(5.0, tenth.urge());
        assertEquals(3.67, tenth.moodAvg7(), "(1 + 4 + 6) / 3 over the 7 days ending the 10th");
        Insights.Day eleventh = insights.series().get(1);
        assertEquals(0, eleventh.entries());
        assertNull(eleventh.mood());
        assertNull(eleventh.urge());
        assertEquals(3.67, eleventh.moodAvg7());
        assertEquals(0, insights.series().get(2).entries(), "the 12th in UTC is the 13th in Paris");
        assertEquals(8.0, insights.series().get(3).mood());
        assertEquals(6.0, insights.averages().mood());
        assertEquals(4.0, insights.averages().urge());
        assertEquals("rising", insights.trend().mood().direction());
        assertEquals("falling", insights.trend().urge().direction());
        assertEquals(7.0, insights.trend().mood().slopePerWeek(), "from 5 to 8 in 3 days");
        assertEquals("sad", insights.topEmotions().get(0).emotion());
        assertEquals(2, insights.topEmotions().get(0).count());
        assertEquals(List.of("sad", "calm", "hopeful"), insights.topEmotions().stream().map(Insights.EmotionCount::emotion).toList());
    }

    @Test
    void anEmptyWindowHasNullsAndNoTrend() {
        Insights insights = InsightCalculator.compute(List.of(), PARIS, LocalDate.parse("2026-11-01"),
                LocalDate.parse("2026-11-30"));
        assertEquals(30, insights.series().size());
        assertEquals(0, insights.entries());
        assertNull(insights.averages().mood());
        assertNull(insights.trend().mood().slopePerWeek());
        assertNull(insights.trend().mood().direction());
        assertEquals(List.of(), insights.topEmotions());
    }

    @Test
    void aFlatSeriesIsSteady() {
        Insights insights = InsightCalculator.compute(List.of(
                at("2026-11-10T12:00:00Z", 5, 5), at("2026-11-11T12:00:00Z", 5, 5), at("2026-11-12T12:00:00Z", 5, 5)),
                PARIS, LocalDate.parse("2026-11-10"), LocalDate.parse("2026-11-16"));
        assertEquals("steady", insights.trend().mood().direction());
        assertEquals(0.0, insights.trend().mood().slopePerWeek());
    }
}
