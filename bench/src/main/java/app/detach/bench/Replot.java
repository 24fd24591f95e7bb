package app.detach.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Draws the HTTP and pipeline plots again from bench/results/*.csv (e.g. after changing a chart). */
public final class Replot {

    private Replot() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path results = Path.of(args.length > 0 ? args[0] : "bench/results");
        List<String[]> http = read(results.resolve("http.csv"));
        List<String> endpoints = new ArrayList<>();
        Map<String, Map<String, Double>> tput = new LinkedHashMap<>();
        Map<String, Map<String, Double>> lat = new LinkedHashMap<>();
        for (String[] r : http) {
            if (!endpoints.contains(r[0])) {
                endpoints.add(r[0]);
            }
            tput.computeIfAbsent(r[1], k -> new LinkedHashMap<>()).put(r[0], Double.parseDouble(r[2]));
            lat.computeIfAbsent(r[1] + " p50", k -> new LinkedHashMap<>()).put(r[0], Double.parseDouble(r[5]));
            lat.computeIfAbsent(r[1] + " p99", k -> new LinkedHashMap<>()).put(r[0], Double.parseDouble(r[6]));
        }
        Plots.bars(results.resolve("http_throughput.png"), "Maximum throughput (closed-loop ramp)", "requests/s", endpoints, tput, false);
        Plots.bars(results.resolve("http_latency.png"), "Latency at 50% of maximum throughput (constant rate)", "ms", endpoints, lat, false);
        Path pipeline = results.resolve("pipeline.csv");
        if (Files.exists(pipeline)) {
            List<String> steps = new ArrayList<>();
            Map<String, Map<String, Double>> series = new LinkedHashMap<>();
            for (String[] r : read(pipeline)) {
                String c = r[0] + " " + r[1] + "/s";
                steps.add(c);
                series.computeIfAbsent("p50", k -> new LinkedHashMap<>()).put(c, Double.parseDouble(r[6]));
                series.computeIfAbsent("p99", k -> new LinkedHashMap<>()).put(c, Double.parseDouble(r[7]));
            }
            for (String[] r : read(results.resolve("kafka_tools.csv"))) {
                if (r[0].startsWith("EndToEndLatency") && r[1].startsWith("p")) {
                    steps.remove("Kafka EndToEndLatency");
                    steps.add("Kafka EndToEndLatency");
                    series.computeIfAbsent(r[1].substring(0, 3), k -> new LinkedHashMap<>()).put("Kafka EndToEndLatency", Double.parseDouble(r[2]));
                }
            }
            Plots.bars(results.resolve("pipeline_latency.png"), "Contact answered -> notification on the SSE stream, and Kafka's own end-to-end latency",
                    "ms", steps, series, false);
        }
    }

    private static List<String[]> read(Path csv) throws IOException {
        List<String[]> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            rows.add(line.split(",", -1));
        }
        return rows;
    }
}
