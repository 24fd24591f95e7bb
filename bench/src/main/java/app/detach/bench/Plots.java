package app.detach.bench;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** PNG charts of the results (XChart, headless). */
public final class Plots {

    private Plots() {
    }

    /** Grouped bars: one group per category, one bar per series (missing values drawn as 0). */
    public static void bars(Path file, String title, String yTitle, List<String> categories,
            Map<String, Map<String, Double>> series, boolean logY) {
        CategoryChart chart = new CategoryChartBuilder().width(1000).height(520).title(title).yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setXAxisLabelRotation(12);
        // linear always: XChart refuses a log axis when a bar is missing (logY is kept for callers)
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        for (Map.Entry<String, Map<String, Double>> s : series.entrySet()) {
            List<Double> ys = categories.stream().map(c -> {
                Double v = s.getValue().get(c);
                return v == null || v.isNaN() ? 0.0 : v;
            }).toList();
            chart.addSeries(s.getKey(), categories, ys);
        }
        save(chart, file);
    }

    /** Lines of y against x, both axes logarithmic (cost against data size). */
    public static void logLog(Path file, String title, String xTitle, String yTitle, Map<String, double[][]> series) {
        XYChart chart = new XYChartBuilder().width(1000).height(520).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        for (Map.Entry<String, double[][]> s : series.entrySet()) {
            chart.addSeries(s.getKey(), s.getValue()[0], s.getValue()[1]);
        }
        save(chart, file);
    }

    static Map<String, Map<String, Double>> newSeries() {
        return new LinkedHashMap<>();
    }

    /** A chart that cannot be drawn is reported, never the end of the run: the CSV files hold the figures. */
    private static void save(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, Path file) {
        try {
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException | RuntimeException e) {
            System.out.println("  warning: chart " + file.getFileName() + " not written: " + e.getMessage());
        }
    }
}
