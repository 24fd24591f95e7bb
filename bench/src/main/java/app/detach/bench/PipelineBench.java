package app.detach.bench;

import app.detach.local.LocalStack;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Section 2: {@code POST /api/streak/contacts} answered → the "slip" notification arriving on the
 * same user's SSE stream (both through the gateway): streak-service outbox → Kafka → notification
 * consumer → inbox row → live push. Side by side, Kafka's own tools on the same broker.
 */
public final class PipelineBench {

    /** One rate step of the pipeline. */
    /**
     * @param broke the answered contacts that broke the streak: only those make a slip notification (a
     *              contact whose request time falls before the streak a concurrent contact just began
     *              does not break it, see streak-service's backdating rule)
     */
    record Step(String phase, double rate, int sent, int answered, int broke, int delivered, double deliveredPerSecond,
            Percentiles latency) {
    }

    private static final Pattern NUMBER = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)");

    private final LocalStack stack;
    private final Api api;
    private final Settings settings;
    private final Path root;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final List<Step> steps = new ArrayList<>();
    final Table table = new Table("pipeline", "phase", "offered contacts/s", "sent", "answered 201", "broke the streak", "notifications delivered",
            "delivered/s", "p50 (ms)", "p99 (ms)", "max (ms)");
    final Table kafka = new Table("kafka_tools", "tool", "figure", "value");
    double kafkaE2eP50 = Double.NaN;
    double kafkaE2eP99 = Double.NaN;
    double producerRecordsPerSecond = Double.NaN;
    double consumerRecordsPerSecond = Double.NaN;
    double maxSustained = Double.NaN;

    public PipelineBench(LocalStack stack, Api api, Settings settings, Path root) {
        this.stack = stack;
        this.api = api;
        this.settings = settings;
        this.root = root;
    }

    public void run() throws Exception {
        String username = api.createUser("pipeline");
        String token = api.token(username, "bench");
        api.send("PUT", stack.gatewayUrl() + "/api/streak", token,
                Map.of("startedAt", Instant.now().minus(Duration.ofDays(3)).toString(), "timeZone", "UTC"), 200);
        int steadySeconds = settings.quick() ? 4 : 20;
        int stepSeconds = settings.quick() ? 3 : 10;
        steps.add(measure(username, "steady", 5, steadySeconds));
        maxSustained = 0;
        for (double rate : settings.quick() ? new double[] {10, 20} : new double[] {10, 20, 40, 80, 160}) {
            Step s = measure(username, "ramp", rate, stepSeconds);
            steps.add(s);
            boolean sustained = s.delivered() == s.broke() && s.answered() == s.sent() && s.latency().millis(99) < 2000;
            if (!sustained) {
                break;
            }
            maxSustained = rate;
        }
        for (Step s : steps) {
            table.add(s.phase(), s.rate(), s.sent(), s.answered(), s.broke(), s.delivered(), s.deliveredPerSecond(), s.latency().millis(50),
                    s.latency().millis(99), s.latency().maxMillis());
        }
        kafkaTools();
    }

    /** Contacts at {@code rate}/s for {@code seconds}; notifications matched in order to the answers that broke the streak. */
    private Step measure(String username, String phase, double rate, int seconds) throws Exception {
        String token = api.token(username, "bench");
        ConcurrentLinkedQueue<Long> arrivals = new ConcurrentLinkedQueue<>();
        CountDownLatch ready = new CountDownLatch(1);
        CompletableFuture<HttpResponse<Stream<String>>> stream = http.sendAsync(HttpRequest.newBuilder(
                        URI.create(stack.gatewayUrl() + "/api/notifications/stream"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> read(stream, arrivals, ready), "sse-reader");
        reader.setDaemon(true);
        reader.start();
        if (!ready.await(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the SSE stream sent no 'ready' event within 20 s");
        }
        int n = (int) Math.round(rate * seconds);
        long period = (long) (1e9 / rate);
        List<Long> answers = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger answered201 = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger pending = new AtomicInteger();
        String body = "{\"kind\":\"I_CONTACTED\"}";
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long wait = start + i * period - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            pending.incrementAndGet();
            http.sendAsync(Api.postJson(stack.gatewayUrl() + "/api/streak/contacts", token, body), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((r, e) -> {
                        if (e == null && r.statusCode() == 201) {
                            long at = System.nanoTime();
                            answered201.incrementAndGet();
                            if (brokeStreak(r.body())) {
                                answers.add(at);
                            }
                        } else {
                            if (failed.getAndIncrement() == 0) {
                                System.out.println("  contact failed: " + (e != null ? e : r.statusCode() + " " + r.body()));
                            }
                        }
                        pending.decrementAndGet();
                    });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while ((pending.get() > 0 || arrivals.size() < answers.size()) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        stream.cancel(true);
        reader.interrupt();
        List<Long> answered = new ArrayList<>(answers);
        Collections.sort(answered);
        List<Long> arrived = new ArrayList<>(arrivals);
        int matched = Math.min(answered.size(), arrived.size());
        long[] latencies = new long[matched];
        for (int i = 0; i < matched; i++) {
            latencies[i] = Math.max(0, arrived.get(i) - answered.get(i));
        }
        double span = arrived.isEmpty() ? Double.NaN : (arrived.get(arrived.size() - 1) - start) / 1e9;
        Step step = new Step(phase, rate, n, answered201.get(), answered.size(), arrived.size(), arrived.size() / span,
                new Percentiles(latencies));
        System.out.printf("  pipeline %-6s %5.0f/s: sent %d, answered %d, broke the streak %d, delivered %d (%.1f/s), p50 %.1f ms, p99 %.1f ms%n",
                phase, rate, n, answered201.get(), answered.size(), arrived.size(), step.deliveredPerSecond(), step.latency().millis(50),
                step.latency().millis(99));
        return step;
    }

    private static boolean brokeStreak(String body) {
        try {
            return Api.JSON.readTree(body).path("brokeStreak").asBoolean(false);
        } catch (IOException e) {
            return false;
        }
    }

    private static void read(CompletableFuture<HttpResponse<Stream<String>>> stream, ConcurrentLinkedQueue<Long> arrivals,
            CountDownLatch ready) {
        try {
            HttpResponse<Stream<String>> response = stream.get(20, TimeUnit.SECONDS);
            if (response.statusCode() != 200) {
                System.out.println("  SSE stream answered " + response.statusCode());
                return;
            }
            String[] event = {""};
            response.body().forEach(line -> {
                if (line.startsWith("event:")) {
                    event[0] = line.substring(6).trim();
                    if (event[0].equals("ready")) {
                        ready.countDown();
                    }
                } else if (line.startsWith("data:") && event[0].equals("notification")) {
                    long now = System.nanoTime();
                    try {
                        JsonNode message = Api.JSON.readTree(line.substring(5).trim());
                        if ("slip".equals(message.path("kind").asText())) {
                            arrivals.add(now);
                        }
                    } catch (IOException e) {
                        // not JSON: not a message
                    }
                } else if (line.isEmpty()) {
                    event[0] = "";
                }
            });
        } catch (Exception e) {
            // cancelled at the end of the step
        }
    }

    /** Kafka's EndToEndLatency, ProducerPerformance and ConsumerPerformance as child JVMs on the same broker. */
    private void kafkaTools() {
        String bootstrap = stack.kafkaBootstrapServers();
        int e2eMessages = settings.quick() ? 500 : 5000;
        String e2e = tool("org.apache.kafka.tools.EndToEndLatency", List.of(bootstrap, "bench-e2e", String.valueOf(e2eMessages), "all", "200"));
        for (String line : e2e.split("\n")) {
            if (line.startsWith("Avg latency")) {
                kafka.add("EndToEndLatency (acks=all, 200 B, one at a time)", "avg (ms)", number(line, 0));
            } else if (line.startsWith("Percentiles")) {
                kafkaE2eP50 = number(line, 1);
                kafkaE2eP99 = number(line, 3);
                kafka.add("EndToEndLatency (acks=all, 200 B, one at a time)", "p50 (ms)", kafkaE2eP50);
                kafka.add("EndToEndLatency (acks=all, 200 B, one at a time)", "p99 (ms)", kafkaE2eP99);
            }
        }
        int records = settings.quick() ? 20_000 : 300_000;
        String producer = tool("org.apache.kafka.tools.ProducerPerformance", List.of("--topic", "bench-perf", "--num-records",
                String.valueOf(records), "--record-size", "500", "--throughput", "-1", "--producer-props",
                "bootstrap.servers=" + bootstrap, "acks=all"));
        String last = "";
        for (String line : producer.split("\n")) {
            if (line.contains("records sent")) {
                last = line;
            }
        }
        producerRecordsPerSecond = number(last, 1);
        kafka.add("ProducerPerformance (acks=all, 500 B)", "records/s", producerRecordsPerSecond);
        kafka.add("ProducerPerformance (acks=all, 500 B)", "MB/s", number(last, 2));
        kafka.add("ProducerPerformance (acks=all, 500 B)", "p50 (ms)", numberBefore(last, "50th"));
        kafka.add("ProducerPerformance (acks=all, 500 B)", "p99 (ms)", numberBefore(last, "99th"));
        String consumer = tool("org.apache.kafka.tools.ConsumerPerformance", List.of("--bootstrap-server", bootstrap, "--topic",
                "bench-perf", "--messages", String.valueOf(records), "--timeout", "60000"));
        String[] lines = consumer.strip().split("\n");
        String header = null;
        for (int i = 0; i < lines.length - 1; i++) {
            if (lines[i].contains("nMsg.sec")) {
                header = lines[i];
                String[] names = header.split(",\\s*");
                String[] values = lines[i + 1].split(",\\s*");
                for (int c = 0; c < names.length && c < values.length; c++) {
                    if (names[c].trim().equals("nMsg.sec")) {
                        consumerRecordsPerSecond = Double.parseDouble(values[c].trim());
                        kafka.add("ConsumerPerformance", "records/s", consumerRecordsPerSecond);
                    } else if (names[c].trim().equals("MB.sec")) {
                        kafka.add("ConsumerPerformance", "MB/s", Double.parseDouble(values[c].trim()));
                    }
                }
            }
        }
        if (header == null) {
            System.out.println("  ConsumerPerformance printed no figures:\n" + consumer);
        }
    }

    private String tool(String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", root.resolve("bench/target/lib") + "/*", mainClass));
        cmd.addAll(args);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(mainClass + " failed:\n" + out);
            }
            System.out.println("  " + mainClass.substring(mainClass.lastIndexOf('.') + 1) + ": "
                    + out.strip().lines().filter(l -> !l.contains("WARN") && !l.contains("INFO")).reduce((a, b) -> b).orElse(""));
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The index-th number in the line. */
    static double number(String line, int index) {
        Matcher m = NUMBER.matcher(line);
        for (int i = 0; m.find(); i++) {
            if (i == index) {
                return Double.parseDouble(m.group(1));
            }
        }
        return Double.NaN;
    }

    /** The number right before a label, e.g. "12 ms 50th". */
    static double numberBefore(String line, String label) {
        Matcher m = Pattern.compile("([0-9]+(?:\\.[0-9]+)?) ms " + label).matcher(line);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    void report(StringBuilder md, Path results) throws IOException {
        table.writeCsv(results);
        kafka.writeCsv(results);
        Map<String, Map<String, Double>> series = new LinkedHashMap<>();
        List<String> categories = new ArrayList<>();
        for (Step s : steps) {
            String c = s.phase() + " " + Table.format(s.rate()) + "/s";
            categories.add(c);
            series.computeIfAbsent("p50", k -> new LinkedHashMap<>()).put(c, s.latency().millis(50));
            series.computeIfAbsent("p99", k -> new LinkedHashMap<>()).put(c, s.latency().millis(99));
        }
        categories.add("Kafka EndToEndLatency");
        series.computeIfAbsent("p50", k -> new LinkedHashMap<>()).put("Kafka EndToEndLatency", kafkaE2eP50);
        series.computeIfAbsent("p99", k -> new LinkedHashMap<>()).put("Kafka EndToEndLatency", kafkaE2eP99);
        Plots.bars(results.resolve("pipeline_latency.png"), "Contact answered -> notification on the SSE stream, and Kafka's own end-to-end latency",
                "ms", categories, series, false);
        md.append("## 2. Event pipeline: a logged contact to the notification on the live stream\n\n");
        md.append("One user with a running streak and its SSE stream open through the gateway; `POST /api/streak/contacts` "
                + "`{kind: I_CONTACTED}` through the gateway at a constant rate. A contact that breaks the streak (its answer says "
                + "`brokeStreak: true`) must produce one `slip` notification; one whose request time falls before the streak a "
                + "concurrent contact has just begun does not break it and sends nothing (streak-service's back-dating rule), so "
                + "only the breaking ones are counted. Latency = the notification's arrival on the stream − the breaking POST's "
                + "201 answer, matched in order. The path: streak-service transaction with its outbox row → outbox relay → Kafka "
                + "`detach.streak.v1` → notification-service consumer (inbox row, idempotency record) → live push → gateway → client. "
                + "Then rates are doubled, from 10/s, for " + (settings.quick() ? 3 : 10) + " s each until a step loses a "
                + "notification (delivered < broke the streak), gets a non-201 or has p99 ≥ 2 s; the last clean step is the **max sustained rate**. "
                + "Side by side, Kafka's own tools (kafka-tools " + "jar, same version as the broker) on the same broker.\n\n");
        md.append(table.markdown()).append('\n');
        md.append("Kafka's own figures on the same broker:\n\n").append(kafka.markdown()).append('\n');
        Step steady = steps.isEmpty() ? null : steps.get(0);
        if (steady != null) {
            // EndToEndLatency reports whole milliseconds: a p50 of 0 means "under 1 ms", so divide by
            // its resolution and say the ratio is a lower bound rather than print Infinity
            boolean belowResolution = kafkaE2eP50 < 1;
            md.append("Ratios: our p50 ÷ Kafka's end-to-end p50 = **").append(belowResolution ? "≥ " : "")
                    .append(Table.format(steady.latency().millis(50) / Math.max(kafkaE2eP50, 1)))
                    .append(belowResolution ? "** (Kafka's p50 is under the tool's 1 ms resolution; 1 ms used)" : "**")
                    .append(", p99 ÷ p99 = **").append(Table.format(steady.latency().millis(99) / Math.max(kafkaE2eP99, 1)))
                    .append("**; max sustained rate ").append(Table.format(maxSustained)).append(" contacts/s = ")
                    .append(Table.format(maxSustained / producerRecordsPerSecond * 100)).append(" % of the producer tool's records/s")
                    .append(" (which batches, one topic, no database).\n\n");
        }
        md.append("![pipeline](bench/results/pipeline_latency.png)\n\n");
    }
}
