package app.detach.bench;

import app.detach.local.LocalStack;
import app.detach.local.Service;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Section 1: four requests of a signed-in user, each through the gateway and directly to the
 * service, side by side; pgbench runs the equivalent single-row insert and page select on the same
 * PostgreSQL. Maximum throughput by a short closed-loop ramp; latency at half of it, open model.
 */
public final class HttpBench {

    /** One endpoint measured through one route. */
    public record Row(String endpoint, String via, double maxRps, int bestConcurrency, double rate, double p50, double p99,
            long errors) {
    }

    private static final int[] RAMP = {1, 4, 16, 48};
    private static final String ENTRY_JSON = "{\"body\":\"A quiet evening. I wrote instead of writing to them, and that felt like keeping a promise to myself.\","
            + "\"mood\":6,\"urge\":3,\"emotions\":[\"calm\",\"determined\"]}";

    private final LocalStack stack;
    private final Api api;
    private final LoadClient load;
    private final Settings settings;
    public final Table summary = new Table("http", "endpoint", "via", "max req/s", "best concurrency", "rate at 50% (req/s)",
            "p50 (ms)", "p99 (ms)", "errors");
    public final Table ramp = new Table("http_ramp", "endpoint", "via", "concurrency", "req/s", "p50 (ms)", "p99 (ms)", "errors");
    public final List<Row> rows = new ArrayList<>();

    public HttpBench(LocalStack stack, Api api, LoadClient load, Settings settings) {
        this.stack = stack;
        this.api = api;
        this.load = load;
        this.settings = settings;
    }

    public void run(Path work) {
        String token = api.token("demo", "demo");
        String user = Api.subject(token);
        api.send("PUT", stack.gatewayUrl() + "/api/streak", token,
                Map.of("startedAt", Instant.now().minus(Duration.ofDays(12)).toString(), "timeZone", "Europe/Berlin"), 200);
        for (int i = 0; i < 25; i++) {
            api.send("POST", stack.gatewayUrl() + "/api/journal/entries", token, jsonTree(ENTRY_JSON), 201);
        }
        measure("GET /api/streak", Service.STREAK, "/api/streak", false);
        measure("GET /api/content/today", Service.CONTENT, "/api/content/today", false);
        measure("GET /api/journal/entries", Service.JOURNAL, "/api/journal/entries", false);
        pgbench(work, "pgbench select (page of 20)", "select",
                "SELECT id, body_ciphertext, mood, urge, emotions, prompt_id, no_contact_day, created_at, updated_at"
                        + " FROM journal_entry WHERE user_id = '" + user + "' ORDER BY created_at DESC, id DESC LIMIT 21;");
        measure("POST /api/journal/entries", Service.JOURNAL, "/api/journal/entries", true);
        prepareInsertTable();
        pgbench(work, "pgbench insert (one entry row)", "insert",
                "INSERT INTO bench_entry (id, user_id, body_ciphertext, mood, urge, emotions) VALUES"
                        + " (gen_random_uuid(), 'pgbench', '\\x" + "ab".repeat(130) + "'::bytea, 6, 3, '{calm,determined}');");
    }

    private void measure(String endpoint, Service service, String path, boolean post) {
        for (String via : List.of("gateway", "direct")) {
            String base = via.equals("gateway") ? stack.gatewayUrl() : stack.serviceUrl(service);
            String token = api.token("demo", "demo");
            String url = base + path;
            Supplier<HttpRequest> request = post ? () -> Api.postJson(url, token, ENTRY_JSON) : () -> Api.get(url, token);
            double best = 0;
            int bestC = 0;
            for (int c : RAMP) {
                LoadClient.Result r = load.closed(request, c, settings.warmup(), settings.step());
                ramp.add(endpoint, via, c, r.throughput(), r.latency().millis(50), r.latency().millis(99), r.errors());
                System.out.printf("  %-28s %-7s c=%-3d %8.0f req/s  p50 %6.1f ms  p99 %6.1f ms  errors %d%s%n", endpoint, via, c,
                        r.throughput(), r.latency().millis(50), r.latency().millis(99), r.errors(),
                        r.firstError() == null ? "" : " (" + r.firstError() + ")");
                if (r.throughput() > best) {
                    best = r.throughput();
                    bestC = c;
                } else if (r.throughput() < best * 0.9) {
                    break; // past the knee: more concurrency only queues
                }
            }
            double rate = Math.max(1, best / 2);
            LoadClient.Result r = load.open(request, rate, settings.warmup(), settings.latencyWindow());
            System.out.printf("  %-28s %-7s at %.0f req/s: p50 %.1f ms, p99 %.1f ms, errors %d%s%n", endpoint, via, rate,
                    r.latency().millis(50), r.latency().millis(99), r.errors(), r.firstError() == null ? "" : " (" + r.firstError() + ")");
            Row row = new Row(endpoint, via, best, bestC, rate, r.latency().millis(50), r.latency().millis(99), r.errors());
            rows.add(row);
            summary.add(endpoint, via, best, bestC, rate, row.p50(), row.p99(), r.errors());
        }
    }

    private void pgbench(Path work, String label, String name, String sql) {
        PgBench pg = new PgBench(stack.postgresPort(), "journal", work);
        int seconds = (int) settings.step().plus(settings.warmup()).toSeconds();
        PgBench.Run max = pg.max(name, sql, 8, seconds);
        PgBench.Run at = pg.atRate(name, sql, max.tps() / 2, 8, (int) settings.latencyWindow().toSeconds());
        System.out.printf("  %-28s max %.0f tps; at %.0f tps: p50 %.2f ms, p99 %.2f ms%n", label, max.tps(), max.tps() / 2,
                at.latency().millis(50), at.latency().millis(99));
        rows.add(new Row(label, "postgresql", max.tps(), 8, max.tps() / 2, at.latency().millis(50), at.latency().millis(99), 0));
        summary.add(label, "postgresql", max.tps(), 8, max.tps() / 2, at.latency().millis(50), at.latency().millis(99), 0);
    }

    /** The same table shape and indexes as journal_entry, so pgbench's insert does the same index work. */
    private void prepareInsertTable() {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl("journal"), "journal", "journal");
             Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_entry");
            s.execute("CREATE TABLE bench_entry (LIKE journal_entry INCLUDING ALL)");
            s.execute("ALTER TABLE bench_entry ALTER COLUMN created_at SET DEFAULT now(), ALTER COLUMN updated_at SET DEFAULT now()");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object jsonTree(String json) {
        try {
            return Api.JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String settingsText() {
        return settings.warmup().toMillis() / 1000.0 + " s warm-up and " + settings.step().toSeconds() + " s measured per level, "
                + settings.latencyWindow().toSeconds() + " s at the constant rate";
    }
}
