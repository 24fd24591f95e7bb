package app.detach.bench;

import app.detach.local.LocalStack;
import app.detach.local.Service;
import app.detach.local.StackOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The benchmark run behind {@code bench/run.sh}: starts the whole stack with the launcher's code
 * on its own data directory (bench/target/stack-data, fresh), runs every section, writes
 * bench/results/*.csv and *.png and BENCHMARKS.md, and stops the stack.
 * <p>
 * Arguments: {@code --quick} (short windows, small sizes: a smoke run whose figures are not
 * committed), {@code --only=http,footprint,pipeline,growth}.
 */
public final class Bench {

    public static final List<String> SECTIONS = List.of("http", "pipeline", "growth");

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        boolean quick = Arrays.asList(args).contains("--quick");
        Set<String> only = new LinkedHashSet<>(SECTIONS);
        for (String a : args) {
            if (a.startsWith("--only=")) {
                only = new LinkedHashSet<>(Arrays.asList(a.substring(7).split(",")));
            }
        }
        Settings settings = Settings.of(quick);
        Path root = Path.of(System.getProperty("detach.repo.root", ".")).toAbsolutePath().normalize();
        Path results = root.resolve(quick ? "bench/target/results-quick" : "bench/results");
        Path work = root.resolve("bench/target/work");
        Files.createDirectories(results);
        Files.createDirectories(work);
        long begin = System.nanoTime();
        Footprint footprint = new Footprint();
        Report report = new Report(root, results, quick, String.join(" ", args));
        try (LocalStack stack = LocalStack.start(StackOptions.defaults().withRepoRoot(root)
                .withDataDir(root.resolve("bench/target/stack-data")).fresh(true).withOutput(footprint.progressTee())
                // the per-user limit (120 burst, 300/min) would answer 429 within a second of load: the
                // limiter still runs on every request, with a bucket the bench cannot empty
                .withEnv(Service.GATEWAY, "DETACH_GATEWAY_RATE_LIMIT_BURST", "1000000000")
                .withEnv(Service.GATEWAY, "DETACH_GATEWAY_RATE_LIMIT_PER_MINUTE", "1000000000"))) {
            footprint.attach(stack);
            Api api = new Api(stack);
            LoadClient load = new LoadClient();
            // let the JVMs finish their start-up work (JIT, pools) before calling them idle
            Thread.sleep(Duration.ofSeconds(quick ? 3 : 15).toMillis());
            footprint.recordIdle();

            // the pipeline runs before the HTTP section: the thousands of journal entries written there
            // leave the consumers a backlog that would otherwise delay every notification
            if (only.contains("pipeline")) {
                section(report, "pipeline", () -> {
                    System.out.println("> event pipeline: contact -> notification on the SSE stream; Kafka's own tools");
                    PipelineBench pipeline = new PipelineBench(stack, api, settings, root);
                    report.pipeline = pipeline;
                    pipeline.run();
                });
            }
            if (only.contains("http")) {
                section(report, "http", () -> {
                    System.out.println("> HTTP: through the gateway, directly, and pgbench");
                    footprint.startSampling();
                    try {
                        HttpBench http = new HttpBench(stack, api, load, settings);
                        report.http = http;
                        http.run(work);
                    } finally {
                        footprint.stopSampling();
                    }
                });
            }
            report.footprint = footprint.table();
            System.out.print(report.footprint.markdown());
            if (only.contains("growth")) {
                section(report, "growth", () -> {
                    System.out.println("> growth: cost against data size");
                    GrowthBench growth = new GrowthBench(stack, api, load, settings, root);
                    report.growth = growth;
                    growth.run();
                });
            }
            report.minutes = (System.nanoTime() - begin) / 60e9;
            report.write();
        }
        System.out.printf("> benchmarks done in %.1f min; results in %s%n", (System.nanoTime() - begin) / 60e9, results);
    }

    interface Section {
        void run() throws Exception;
    }

    /** A failing section is reported (in BENCHMARKS.md too), the others still run. */
    private static void section(Report report, String name, Section body) {
        long t = System.nanoTime();
        try {
            body.run();
        } catch (Exception | Error e) {
            e.printStackTrace();
            report.failures.add(name + ": " + e);
        }
        System.out.printf("> section %s took %.0f s%n", name, (System.nanoTime() - t) / 1e9);
    }

    static List<String> list(String... s) {
        return new ArrayList<>(List.of(s));
    }
}
