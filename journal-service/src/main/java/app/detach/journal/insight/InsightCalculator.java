package app.detach.journal.insight;

import app.detach.events.streak.UserDays;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Pure computation of {@link Insights} from entries' numbers and tags (no body is ever needed). */
public final class InsightCalculator {

    static final int MOVING_WINDOW = 7;
    static final int TOP_EMOTIONS = 5;
    static final double STEADY_BELOW = 0.25;

    private InsightCalculator() {
    }

    /** An entry's numbers. */
    public record Point(Instant createdAt, int mood, int urge, List<String> emotions) {
    }

    /**
     * @param points entries from {@code first - 6 days} (for the moving average) up to the end of {@code last}
     */
    public static Insights compute(List<Point> points, ZoneId zone, LocalDate first, LocalDate last) {
        return compute(points, UserDays.midnight(zone), first, last);
    }

    /** The same, over the user's days (their zone and day-start hour). */
    public static Insights compute(List<Point> points, UserDays userDays, LocalDate first, LocalDate last) {
        ZoneId zone = userDays.zone();
        Map<LocalDate, List<Point>> byDay = new TreeMap<>();
        for (Point point : points) {
            byDay.computeIfAbsent(userDays.dayOf(point.createdAt()), d -> new ArrayList<>()).add(point);
        }
        List<Insights.Day> series = new ArrayList<>();
        List<double[]> moodByIndex = new ArrayList<>();
        List<double[]> urgeByIndex = new ArrayList<>();
        Map<String, Integer> emotions = new HashMap<>();
        int count = 0;
        double moodSum = 0;
        double urgeSum = 0;
        int index = 0;
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1), index++) {
            List<Point> today = byDay.getOrDefault(day, List.of());
            Double mood = mean(today, true);
            Double urge = mean(today, false);
            List<Point> week = new ArrayList<>();
            for (LocalDate d = day.minusDays(MOVING_WINDOW - 1); !d.isAfter(day); d = d.plusDays(1)) {
                week.addAll(byDay.getOrDefault(d, List.of()));
            }
            series.add(new Insights.Day(day, today.size(), round(mood), round(urge), round(mean(week, true)),
                    round(mean(week, false))));
            if (mood != null) {
                moodByIndex.add(new double[] {index, mood});
                urgeByIndex.add(new double[] {index, urge});
            }
            for (Point point : today) {
                count++;
                moodSum += point.mood();
                urgeSum += point.urge();
                point.emotions().forEach(e -> emotions.merge(e, 1, Integer::sum));
            }
        }
        Insights.Averages averages = count == 0 ? new Insights.Averages(null, null)
                : new Insights.Averages(round(moodSum / count), round(urgeSum / count));
        List<Insights.EmotionCount> top = emotions.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_EMOTIONS)
                .map(e -> new Insights.EmotionCount(e.getKey(), e.getValue()))
                .toList();
        int days = (int) ChronoUnit.DAYS.between(first, last) + 1;
        return new Insights(days, zone.getId(), userDays.startHour(), first, last, count, averages, series,
                new Insights.Trends(trend(moodByIndex), trend(urgeByIndex)), top);
    }

    private static Double mean(List<Point> points, boolean mood) {
        if (points.isEmpty()) {
            return null;
        }
        return points.stream().mapToInt(p -> mood ? p.mood() : p.urge()).average().orElseThrow();
    }

    /** Least-squares slope of value over day index, scaled to a week. */
    static Insights.Trend trend(List<double[]> xy) {
        if (xy.size() < 2) {
            return new Insights.Trend(null, null);
        }
        double n = xy.size();
        double meanX = xy.stream().mapToDouble(p -> p[0]).sum() / n;
        double meanY = xy.stream().mapToDouble(p -> p[1]).sum() / n;
        double covariance = 0;
        double variance = 0;
        for (double[] p : xy) {
            covariance += (p[0] - meanX) * (p[1] - meanY);
            variance += (p[0] - meanX) * (p[0] - meanX);
        }
        double perWeek = covariance / variance * 7;
        String direction = Math.abs(perWeek) < STEADY_BELOW ? "steady" : perWeek > 0 ? "rising" : "falling";
        return new Insights.Trend(round(perWeek), direction);
    }

    private static Double round(Double value) {
        return value == null ? null : Math.round(value * 100) / 100.0;
    }

}
