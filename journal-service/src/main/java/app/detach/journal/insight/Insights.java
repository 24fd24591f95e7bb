package app.detach.journal.insight;

import java.time.LocalDate;
import java.util.List;

/**
 * Mood and urge over the last {@code days} local days, for a chart: every day is present, days
 * without entries carry nulls.
 *
 * @param dayStartHour the hour (0–6) the user's day starts at, from their day settings
 * @param entries entries in the window
 * @param averages mean mood and urge over all entries in the window (null without entries)
 * @param trend least-squares slope per week of the daily means, and its direction
 * @param topEmotions the most frequent emotion tags in the window, most frequent first (at most 5)
 */
public record Insights(int days, String timeZone, int dayStartHour, LocalDate from, LocalDate to, int entries, Averages averages,
        List<Day> series, Trends trend, List<EmotionCount> topEmotions) {

    /** One local day: its entries' mean mood and urge, and the means over the 7 days ending with it. */
    public record Day(LocalDate date, int entries, Double mood, Double urge, Double moodAvg7, Double urgeAvg7) {
    }

    public record Averages(Double mood, Double urge) {
    }

    public record Trends(Trend mood, Trend urge) {
    }

    /**
     * @param slopePerWeek change of the daily mean per 7 days; null with fewer than two days of entries
     * @param direction {@code rising}, {@code falling} or {@code steady} (|slope| below 0.25 a week);
     *        null when unknown
     */
    public record Trend(Double slopePerWeek, String direction) {
    }

    public record EmotionCount(String emotion, int count) {
    }
}
