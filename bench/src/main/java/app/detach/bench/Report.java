package app.detach.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes the CSV files, the plots and BENCHMARKS.md from what the sections measured. */
public final class Report {

    private final Path root;
    private final Path results;
    private final boolean quick;
    private final String args;
    HttpBench http;
    Table footprint;
    PipelineBench pipeline;
    GrowthBench growth;
    double minutes;
    final List<String> failures = new ArrayList<>();

    Report(Path root, Path results, boolean quick, String args) {
        this.root = root;
        this.results = results;
        this.quick = quick;
        this.args = args;
    }

    void write() throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Measured on ").append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
                .append(" by one run of\n\n```sh\n./bench/run.sh").append(args.isBlank() ? "" : " " + args).append("\n```\n\n");
        md.append(Machine.describe()).append('\n');
        md.append("The run took ").append(Table.format(minutes)).append(" minutes. Raw figures: [bench/results](bench/results) "
                + "(CSV, one file per table; PNG plots). How each figure is measured, and what it does not say: "
                + "[bench/README.md](bench/README.md).\n\n");
        md.append("Every figure is one of a pair measured side by side in the same run on the same (shared, noisy) machine, "
                + "so the **ratios** are what to read; the absolute numbers move with whatever else the machine is doing. "
                + "The load generator runs on the same two cores as the stack it loads.\n\n");
        // the engineers' reading of the figures (what a run found and what was changed), kept by hand
        // in bench/FINDINGS.md so a new run regenerates the tables without losing it
        Path findings = root.resolve("bench/FINDINGS.md");
        if (!quick && Files.exists(findings)) {
            md.append(Files.readString(findings).strip()).append("\n\n");
        }
        if (!failures.isEmpty()) {
            md.append("**Sections that failed in this run:**\n\n");
            failures.forEach(f -> md.append("- ").append(f.replace("\n", " ")).append('\n'));
            md.append('\n');
        }
        if (http != null) {
            writeHttp(md);
        }
        if (pipeline != null) {
            pipeline.report(md, results);
        }
        if (growth != null) {
            growth.report(md, results);
        }
        if (footprint != null) {
            footprint.writeCsv(results);
            Map<String, Map<String, Double>> series = new LinkedHashMap<>();
            List<String> components = new ArrayList<>();
            for (List<String> row : footprint.rows()) {
                if (row.get(0).equals("whole stack")) {
                    continue;
                }
                components.add(row.get(0));
                series.computeIfAbsent("RSS idle (MiB)", k -> new LinkedHashMap<>()).put(row.get(0), parse(row.get(2)));
                series.computeIfAbsent("RSS peak under HTTP load (MiB)", k -> new LinkedHashMap<>()).put(row.get(0), parse(row.get(3)));
            }
            Plots.bars(results.resolve("footprint.png"), "Resident memory per component", "MiB", components, series, false);
            md.append("## 4. Footprint\n\n");
            md.append("Start-up to ready: seconds from the launcher starting the component until its readiness probe "
                    + "answered (`/q/health/ready` for the services), all five applications starting at once on two cores "
                    + "after PostgreSQL, Kafka and Keycloak are up (PostgreSQL: since the stack's start). RSS from `/proc/<pid>/status` "
                    + "(VmRSS) of the process and its children, idle 15 s after start-up and the peak sampled every 0.5 s during the HTTP section. "
                    + "PostgreSQL is the postmaster and all its backends, whose shared buffers are counted once per process "
                    + "(an over-estimate). Services run with `-Xmx256m`, Kafka with `-Xmx384m`.\n\n");
            md.append(footprint.markdown()).append("\n![footprint](bench/results/footprint.png)\n\n");
        }
        Files.writeString(root.resolve(quick ? "bench/target/BENCHMARKS-quick.md" : "BENCHMARKS.md"), md.toString());
    }

    private void writeHttp(StringBuilder md) throws IOException {
        http.summary.writeCsv(results);
        http.ramp.writeCsv(results);
        Map<String, HttpBench.Row> byKey = new LinkedHashMap<>();
        List<String> endpoints = new ArrayList<>();
        for (HttpBench.Row r : http.rows) {
            byKey.put(r.endpoint() + "|" + r.via(), r);
            if (!endpoints.contains(r.endpoint())) {
                endpoints.add(r.endpoint());
            }
        }
        Map<String, Map<String, Double>> tput = new LinkedHashMap<>();
        Map<String, Map<String, Double>> p99 = new LinkedHashMap<>();
        for (HttpBench.Row r : http.rows) {
            tput.computeIfAbsent(r.via(), k -> new LinkedHashMap<>()).put(r.endpoint(), r.maxRps());
            p99.computeIfAbsent(r.via() + " p50", k -> new LinkedHashMap<>()).put(r.endpoint(), r.p50());
            p99.computeIfAbsent(r.via() + " p99", k -> new LinkedHashMap<>()).put(r.endpoint(), r.p99());
        }
        Plots.bars(results.resolve("http_throughput.png"), "Maximum throughput (closed-loop ramp)", "requests/s", endpoints, tput, false);
        Plots.bars(results.resolve("http_latency.png"), "Latency at 50% of maximum throughput (constant rate)", "ms", endpoints, p99, false);

        Table ratios = new Table("http_ratios", "endpoint", "gateway ÷ direct throughput", "gateway − direct p50 (ms)",
                "direct ÷ pgbench throughput", "gateway ÷ pgbench throughput");
        for (String e : endpoints) {
            HttpBench.Row gw = byKey.get(e + "|gateway");
            HttpBench.Row direct = byKey.get(e + "|direct");
            if (gw == null || direct == null) {
                continue;
            }
            HttpBench.Row pg = e.startsWith("POST /api/journal") ? byKey.get("pgbench insert (one entry row)|postgresql")
                    : e.startsWith("GET /api/journal") ? byKey.get("pgbench select (page of 20)|postgresql") : null;
            ratios.add(e, gw.maxRps() / direct.maxRps(), gw.p50() - direct.p50(),
                    pg == null ? null : direct.maxRps() / pg.maxRps(), pg == null ? null : gw.maxRps() / pg.maxRps());
        }
        ratios.writeCsv(results);
        md.append("## 1. HTTP: through the gateway, directly, and the database's own limit\n\n");
        md.append("A signed-in user (bearer token of the dev realm's `demo`). For each request: the maximum throughput from a "
                + "closed-loop ramp (1, 4, 16, 48 requests in flight; " + http.settingsText() + "), then p50/p99 at half of "
                + "that maximum from a constant-rate (open-model) generator, latency counted from each request's scheduled "
                + "send time. `gateway` = http://localhost:8080 (OIDC bearer check, routing, relay), `direct` = the "
                + "service's own port (which checks the same token). `pgbench` runs on the same PostgreSQL: "
                + "the journal's page query (`… WHERE user_id = ? ORDER BY created_at DESC, id DESC LIMIT 21`) and a single-row "
                + "insert into a copy of `journal_entry` with the same indexes, 8 clients. The service's insert "
                + "transaction also writes the outbox row and reads the user's data key, so pgbench's single insert is the floor, not the same work.\n\n");
        md.append(http.summary.markdown()).append('\n');
        md.append("Ratios:\n\n").append(ratios.markdown()).append('\n');
        md.append("![throughput](bench/results/http_throughput.png)\n\n![latency](bench/results/http_latency.png)\n\n");
        md.append("The ramp per concurrency level is in [bench/results/http_ramp.csv](bench/results/http_ramp.csv).\n\n");
    }

    static Double parse(String s) {
        return s == null || s.isBlank() ? null : Double.parseDouble(s);
    }

    static String f(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }
}
