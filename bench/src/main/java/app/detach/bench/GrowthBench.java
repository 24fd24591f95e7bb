package app.detach.bench;

import app.detach.journal.crypto.BodyCipher;
import app.detach.journal.crypto.KeyRing;
import app.detach.local.LocalStack;
import com.fasterxml.jackson.databind.JsonNode;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

import javax.crypto.SecretKey;

/**
 * Section 3: how cost grows with data. Bulk data goes in with SQL (COPY / INSERT … SELECT), as the
 * API would take hours; journal bodies are still real ciphertext, made by the journal's own
 * BodyCipher under the user's own data key (created by a first entry through the API and unwrapped
 * with the local stack's KEK), so the service decrypts every row it lists.
 */
public final class GrowthBench {

    /** One measured point: a cost at a data size. */
    record Point(String series, long size, double p50, double p99, String unit) {
    }

    private static final String[] EMOTIONS = {"calm", "hopeful", "tired", "lonely", "proud", "sad", "relieved", "anxious", "strong", "free"};
    private static final String[] BODIES = {
        "Walked the long way home so I would not pass their street. It worked, and the evening felt lighter.",
        "Woke up thinking about them again. Made tea, wrote this, and let the feeling pass without acting on it.",
        "A friend asked how I was and I told the truth. That helped more than checking their profile ever did.",
        "Deleted the draft message. Not sending it is a small win, and I am counting small wins now.",
    };

    private final LocalStack stack;
    private final Api api;
    private final LoadClient load;
    private final Settings settings;
    private final Path root;
    final List<Point> points = new ArrayList<>();
    final Table table = new Table("growth", "measure", "size", "p50", "p99", "unit", "note");
    final List<String> notes = new ArrayList<>();

    public GrowthBench(LocalStack stack, Api api, LoadClient load, Settings settings, Path root) {
        this.stack = stack;
        this.api = api;
        this.load = load;
        this.settings = settings;
        this.root = root;
    }

    public void run() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Runnable part : List.<Runnable>of(this::journalList, this::search, this::milestones, this::fanOut)) {
            try {
                part.run();
            } catch (RuntimeException e) {
                e.printStackTrace();
                failures.add(e.toString());
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(String.join("; ", failures));
        }
    }

    private void add(String series, long size, double p50, double p99, String unit, String note) {
        points.add(new Point(series, size, p50, p99, unit));
        table.add(series, size, p50, p99, unit, note);
        System.out.printf("  %-40s %9d: p50 %.2f, p99 %.2f %s %s%n", series, size, p50, p99, unit, note);
    }

    // ---- journal: list and insights with 10 / 1,000 / 100,000 entries ---------------------------

    private void journalList() {
        long[] sizes = settings.quick() ? new long[] {10, 100, 1000} : new long[] {10, 1000, 100_000};
        int requests = settings.quick() ? 20 : 100;
        KeyRing keys = devKeyRing();
        BodyCipher cipher = new BodyCipher();
        for (long size : sizes) {
            String username = api.createUser("growth-" + size);
            String token = api.token(username, "bench");
            String user = Api.subject(token);
            // the first entry through the API creates the user's data key (DEK)
            api.send("POST", stack.gatewayUrl() + "/api/journal/entries", token,
                    Map.of("body", BODIES[0], "mood", 6, "urge", 2, "emotions", List.of("calm")), 201);
            long t = System.nanoTime();
            try (Connection c = journalDb()) {
                SecretKey dek;
                try (PreparedStatement ps = c.prepareStatement("SELECT kek_version, wrapped_dek FROM user_key WHERE user_id = ?")) {
                    ps.setString(1, user);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        dek = keys.unwrap(rs.getBytes(2), user, rs.getString(1));
                    }
                }
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                Instant now = Instant.now();
                int batch = 10_000;
                for (long done = 1; done < size; done += batch) {
                    StringBuilder rows = new StringBuilder();
                    for (long i = done; i < Math.min(size, done + batch); i++) {
                        UUID id = UUID.randomUUID();
                        // spread over the last two years, one every ~10 minutes at most
                        Instant at = now.minusSeconds(60 + (i * 631L) % (2 * 365 * 86400L));
                        byte[] ct = cipher.encrypt(dek, user, id, BODIES[(int) (i % BODIES.length)]);
                        rows.append(id).append('\t').append(user).append('\t').append(at).append('\t').append(at).append('\t')
                                .append("\\\\x").append(HexFormat.of().formatHex(ct)).append('\t')
                                .append(1 + i % 10).append('\t').append(i % 11).append('\t')
                                .append('{').append(EMOTIONS[(int) (i % EMOTIONS.length)]).append("}\n");
                    }
                    copy.copyIn("COPY journal_entry (id, user_id, created_at, updated_at, body_ciphertext, mood, urge, emotions) FROM STDIN",
                            new StringReader(rows.toString()));
                }
                try (Statement s = c.createStatement()) {
                    s.execute("ANALYZE journal_entry");
                }
            } catch (SQLException | IOException e) {
                throw new IllegalStateException(e);
            }
            System.out.printf("  journal: %d entries for one user in %.1f s (bodies encrypted by BodyCipher)%n", size, (System.nanoTime() - t) / 1e9);
            String tok = api.token(username, "bench");
            JsonNode page = api.send("GET", stack.gatewayUrl() + "/api/journal/entries?limit=20", tok, null, 200);
            String first = page.path("items").path(0).path("body").asText();
            if (first.isEmpty()) {
                throw new IllegalStateException("the journal list returned no decrypted body: " + page);
            }
            LoadClient.Result list = load.sequential(() -> Api.get(stack.gatewayUrl() + "/api/journal/entries?limit=20", tok), 10, requests);
            add("journal list, first page of 20", size, list.latency().millis(50), list.latency().millis(99), "ms", errors(list));
            LoadClient.Result filtered = load.sequential(() -> Api.get(stack.gatewayUrl() + "/api/journal/entries?limit=20&emotion=hopeful&minMood=9", tok),
                    5, requests);
            add("journal list, filter matching nothing", size, filtered.latency().millis(50), filtered.latency().millis(99), "ms",
                    errors(filtered));
            LoadClient.Result insights = load.sequential(() -> Api.get(stack.gatewayUrl() + "/api/journal/insights?days=365", tok), 3,
                    Math.max(10, requests / 5));
            add("journal insights, 365 days", size, insights.latency().millis(50), insights.latency().millis(99), "ms", errors(insights));
        }
        notes.add("Journal bodies: one entry per user goes through `POST /api/journal/entries` (which creates the user's data key); "
                + "the rest are encrypted in the bench with the journal's own `BodyCipher` under that key (unwrapped by the journal's "
                + "`KeyRing` with the local stack's KEK from journal-service's application.properties) and COPYed in; the first page is "
                + "checked to come back decrypted. The filter `emotion=hopeful&minMood=9` matches none of the bulk rows "
                + "(their hopeful ones have mood 2), so the service walks all of the user's entries: the worst case of a filter.");
    }

    /**
     * The journal's KEK as the local stack runs it: the launcher starts the services with the
     * profiles {@code prod,local}, where production reads the key from the environment and the
     * {@code %local} lines hold the local value. So a {@code %…local….} line wins over the plain one.
     */
    private KeyRing devKeyRing() {
        Properties file = new Properties();
        try (Reader in = Files.newBufferedReader(root.resolve("journal-service/src/main/resources/application.properties"))) {
            file.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> plain = new LinkedHashMap<>();
        Map<String, String> local = new LinkedHashMap<>();
        for (String name : file.stringPropertyNames()) {
            if (!name.startsWith("%")) {
                plain.put(name, file.getProperty(name));
            } else if (List.of(name.substring(1, name.indexOf('.')).split(",")).contains("local")) {
                local.put(name.substring(name.indexOf('.') + 1), file.getProperty(name));
            }
        }
        plain.putAll(local);
        String prefix = "detach.journal.kek.keys.";
        Map<String, String> keys = new LinkedHashMap<>();
        plain.forEach((name, value) -> {
            if (name.startsWith(prefix)) {
                keys.put(name.substring(prefix.length()), value.trim());
            }
        });
        return new KeyRing(plain.get("detach.journal.kek.current").trim(), keys);
    }

    // ---- content: search with 50 vs 5,000 articles ----------------------------------------------

    private void search() {
        long[] sizes = settings.quick() ? new long[] {50, 500} : new long[] {50, 5000};
        int requests = settings.quick() ? 20 : 100;
        String token = api.token("demo", "demo");
        for (long size : sizes) {
            long published;
            try (Connection c = db("content"); Statement s = c.createStatement()) {
                published = count(c, "SELECT count(*) FROM article WHERE status = 'PUBLISHED'");
                long missing = size - published;
                if (missing > 0) {
                    // copies of the published library with new ids, slugs and a numbered title: real
                    // texts, so the ranking works on real words; the tsvector is a generated column
                    s.execute("CREATE TEMP TABLE src AS SELECT a.id, row_number() OVER () AS n FROM article a WHERE a.status = 'PUBLISHED'"
                            + " AND a.slug NOT LIKE 'bench-%'");
                    long library = count(c, "SELECT count(*) FROM src");
                    s.execute("CREATE TEMP TABLE copies AS SELECT gen_random_uuid() AS new_id, g AS k, src.id AS src_id"
                            + " FROM generate_series(1, " + missing + ") g JOIN src ON src.n = 1 + (g % " + library + ")");
                    s.execute("INSERT INTO article (id, slug, title, status, published_at, created_at, updated_at, current_revision,"
                            + " published_revision, first_published_at) SELECT cp.new_id, 'bench-' || cp.new_id, a.title || ' (' || cp.k || ')',"
                            + " 'PUBLISHED', now() - (cp.k || ' minutes')::interval, now(), now(), 1, 1, now() FROM copies cp JOIN article a ON a.id = cp.src_id");
                    s.execute("INSERT INTO article_revision (id, article_id, number, title, summary, body_markdown, body_html, stages, tags,"
                            + " reading_minutes, author, created_at) SELECT gen_random_uuid(), cp.new_id, 1, r.title || ' (' || cp.k || ')', r.summary,"
                            + " r.body_markdown, r.body_html, r.stages, r.tags, r.reading_minutes, 'bench', now() FROM copies cp"
                            + " JOIN article a ON a.id = cp.src_id JOIN article_revision r ON r.article_id = a.id AND r.number = a.published_revision");
                    s.execute("DROP TABLE copies");
                    s.execute("DROP TABLE src");
                    s.execute("ANALYZE article");
                    s.execute("ANALYZE article_revision");
                }
                published = count(c, "SELECT count(*) FROM article WHERE status = 'PUBLISHED'");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            String tok = api.token("demo", "demo");
            for (String q : List.of("contact", "sleep routine")) {
                String url = stack.gatewayUrl() + "/api/content/articles?limit=20&q=" + q.replace(" ", "+");
                LoadClient.Result r = load.sequential(() -> Api.get(url, tok), 5, requests);
                add("content search q=\"" + q + "\"", published, r.latency().millis(50), r.latency().millis(99), "ms", errors(r));
            }
        }
        notes.add("Articles: the published library is copied with SQL (new ids and slugs, a numbered title, same texts), so the "
                + "search index holds real words; the `tsvector` is the table's generated column.");
    }

    // ---- streak: the milestone job with 10,000 vs 1,000,000 streaks ------------------------------

    private void milestones() {
        long[] sizes = settings.quick() ? new long[] {1000, 10_000} : new long[] {10_000, 1_000_000};
        int due = settings.quick() ? 200 : 1000;
        long have = 0;
        for (long size : sizes) {
            try (Connection c = db("streak"); Statement s = c.createStatement()) {
                long t = System.nanoTime();
                // current streaks whose next milestone lies 1–30 days ahead: the usual state
                s.execute("INSERT INTO streak_user (user_id, time_zone, current_streak_id) SELECT 'bench-ms-' || g, 'UTC', NULL"
                        + " FROM generate_series(" + (have + 1) + ", " + size + ") g");
                s.execute("INSERT INTO streak (id, user_id, started_at, start_date, next_milestone_day, next_milestone_at)"
                        + " SELECT gen_random_uuid(), 'bench-ms-' || g, now() - interval '1 day', current_date - 1, 3,"
                        + " date_trunc('day', now()) + ((1 + g % 30) || ' days')::interval FROM generate_series(" + (have + 1) + ", " + size + ") g");
                s.execute("ANALYZE streak");
                s.execute("ANALYZE streak_user");
                have = size;
                System.out.printf("  streak: %d current streaks in %.1f s%n", size, (System.nanoTime() - t) / 1e9);
                // an idle tick: the claim query with nothing due (what the job runs every 5 s)
                long[] ticks = new long[settings.quick() ? 20 : 50];
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement("SELECT id FROM streak WHERE ended_at IS NULL AND next_milestone_at <= now()"
                        + " ORDER BY next_milestone_at LIMIT 100 FOR UPDATE SKIP LOCKED")) {
                    for (int i = -5; i < ticks.length; i++) {
                        long q = System.nanoTime();
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                // drain
                            }
                        }
                        c.rollback();
                        if (i >= 0) {
                            ticks[i] = System.nanoTime() - q;
                        }
                    }
                }
                c.setAutoCommit(true);
                Percentiles idle = new Percentiles(ticks);
                add("milestone job: idle tick (claim query, nothing due)", size, idle.millis(50), idle.millis(99), "ms", "");
                // a busy tick: `due` streaks reach day 3 now; the running job emits them
                s.execute("UPDATE streak SET started_at = now() - interval '3 days', start_date = current_date - 3,"
                        + " next_milestone_at = date_trunc('day', now()) WHERE id IN (SELECT id FROM streak WHERE user_id LIKE 'bench-ms-%'"
                        + " AND next_milestone_day = 3 AND next_milestone_at > now() LIMIT " + due + ")");
                long start = System.nanoTime();
                long first = 0;
                long emitted = 0;
                long before = count(c, "SELECT count(*) FROM milestone_emitted WHERE user_id LIKE 'bench-ms-%'");
                long deadline = start + TimeUnit.SECONDS.toNanos(120);
                while (emitted < due && System.nanoTime() < deadline) {
                    emitted = count(c, "SELECT count(*) FROM milestone_emitted WHERE user_id LIKE 'bench-ms-%'") - before;
                    if (emitted > 0 && first == 0) {
                        first = System.nanoTime();
                    }
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(25));
                }
                double seconds = first == 0 ? Double.NaN : (System.nanoTime() - first) / 1e9;
                add("milestone job: " + due + " due streaks emitted", size, seconds * 1000 / due, Double.NaN, "ms per streak",
                        emitted + " emitted in " + Table.format(seconds) + " s (from the first row seen), batches of 100");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        notes.add("Streaks: inserted with SQL (`INSERT … SELECT generate_series`), each current with its next milestone 1–30 days ahead. "
                + "Idle tick = the job's own claim query (copied from `MilestoneJob`) in a rolled-back transaction, nothing due. "
                + "Busy = the running job (every 5 s) emitting day-3 milestones for streaks made due at once, timed from the first "
                + "`milestone_emitted` row seen (polled every 25 ms) to the last, divided by their number.");
    }

    // ---- notification: article-published fan-out to opted-in users ----------------------------

    private void fanOut() {
        long[] sizes = settings.quick() ? new long[] {100, 1000} : new long[] {1000, 10_000, 100_000};
        double lastRate = Double.NaN;
        for (long planned : sizes) {
            long size = planned;
            // keep the whole run near 20 minutes: at the rate just measured, the largest size may not fit
            if (!Double.isNaN(lastRate) && planned / lastRate > 150) {
                size = Math.max(1000, (long) (lastRate * 150) / 1000 * 1000);
                notes.add("Fan-out to " + planned + " users was scaled down to " + size + ": at the " + Table.format(lastRate)
                        + " messages/s measured one size before, it would have taken " + Table.format(planned / lastRate / 60)
                        + " minutes, beyond the run's ~20-minute budget.");
            }
            try (Connection c = db("notification"); Statement s = c.createStatement()) {
                s.execute("DELETE FROM notification WHERE user_id LIKE 'bench-fan-%'");
                s.execute("DELETE FROM preference WHERE user_id LIKE 'bench-fan-%'");
                s.execute("INSERT INTO preference (user_id, time_zone, check_in_enabled, check_in_time, channel_in_app, channel_email,"
                        + " new_guides, updated_at) SELECT 'bench-fan-' || g, 'UTC', false, '20:00', true, false, true, now()"
                        + " FROM generate_series(1, " + size + ") g");
                s.execute("ANALYZE preference");
                long others = count(c, "SELECT count(*) FROM preference WHERE new_guides AND user_id NOT LIKE 'bench-fan-%'");
                String admin = api.token("admin", "admin");
                JsonNode article = api.send("POST", stack.gatewayUrl() + "/api/admin/content/articles", admin, Map.of(
                        "title", "Bench guide " + size, "summary", "A short guide written by the benchmark run.",
                        "body", "Some words for the fan-out benchmark: keep going, one day at a time.",
                        "stages", List.of("healing"), "tags", List.of("bench")), 201);
                api.send("POST", stack.gatewayUrl() + "/api/admin/content/articles/" + article.get("id").asText() + "/publish", admin, null, 0);
                long start = System.nanoTime();
                long deadline = start + TimeUnit.SECONDS.toNanos(180);
                long made = 0;
                long first = 0;
                while (made < size && System.nanoTime() < deadline) {
                    made = count(c, "SELECT count(*) FROM notification WHERE user_id LIKE 'bench-fan-%' AND kind = 'new-guides'");
                    if (made > 0 && first == 0) {
                        first = System.nanoTime();
                    }
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                lastRate = made / seconds;
                double floor = databaseFloor(c, size);
                add("article-published fan-out", size, seconds, Double.NaN, "s to the last message",
                        made + " of " + size + " messages" + (made < size ? " (deadline reached)" : "") + ", "
                                + Table.format(made / seconds) + " messages/s" + (others > 0 ? " (+" + others + " other opted-in users)" : "")
                                + "; " + Table.format(seconds / floor) + " × the database's own time");
                add("PostgreSQL alone: the same rows in one INSERT … SELECT", size, floor, Double.NaN, "s", "");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        notes.add("Fan-out: N opted-in users (`newGuides`, in-app only, no email) inserted into notification-service's `preference` table "
                + "with SQL; an article is created and published through the admin API; timed from the publish answer until "
                + "the N-th `new-guides` message row exists (polled every 100 ms). Side by side, the database's own time for the "
                + "same N message rows: one `INSERT … SELECT generate_series` into a temporary copy of the `notification` table "
                + "with the same indexes (no reads, no rules, one transaction: the floor, not the same work).");
    }

    /** Seconds PostgreSQL alone takes to write {@code size} digest rows into a copy of the inbox table. */
    private static double databaseFloor(Connection c, long size) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_fan_floor");
            s.execute("CREATE TEMP TABLE bench_fan_floor (LIKE notification INCLUDING ALL)");
            long start = System.nanoTime();
            s.execute("INSERT INTO bench_fan_floor (id, user_id, kind, title, body, link, source_key, urgent, created_at,"
                    + " deliver_at, dispatched_at, email_status) SELECT gen_random_uuid(), 'bench-fan-' || g, 'new-guides',"
                    + " 'New guides for you', 'Fresh reading in the library:' || chr(10) || '• Bench guide', '/#/guides/bench',"
                    + " 'new-guides:' || current_date, false, now(), now(), now(), 'NONE' FROM generate_series(1, " + size + ") g");
            double seconds = (System.nanoTime() - start) / 1e9;
            s.execute("DROP TABLE bench_fan_floor");
            return seconds;
        }
    }

    private static String errors(LoadClient.Result r) {
        return r.errors() == 0 ? "" : r.errors() + " errors: " + r.firstError();
    }

    private Connection journalDb() throws SQLException {
        return db("journal");
    }

    private Connection db(String name) throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(name), name, name);
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The points {@code which} selects as one plotted series (x = size, y = p50), if there are any. */
    private void series(Map<String, double[][]> plot, String name, Predicate<Point> which) {
        List<Point> selected = points.stream().filter(which).toList();
        if (!selected.isEmpty()) {
            plot.put(name, new double[][] {selected.stream().mapToDouble(Point::size).toArray(),
                    selected.stream().mapToDouble(Point::p50).toArray()});
        }
    }

    void report(StringBuilder md, Path results) throws IOException {
        table.writeCsv(results);
        Map<String, double[][]> latency = new LinkedHashMap<>();
        Map<String, List<double[]>> bySeries = new LinkedHashMap<>();
        for (Point p : points) {
            if (p.unit().equals("ms")) {
                bySeries.computeIfAbsent(p.series() + " p50", k -> new ArrayList<>()).add(new double[] {p.size(), p.p50()});
            }
        }
        bySeries.forEach((k, v) -> latency.put(k, new double[][] {v.stream().mapToDouble(a -> a[0]).toArray(),
                v.stream().mapToDouble(a -> a[1]).toArray()}));
        if (!latency.isEmpty()) {
            Plots.logLog(results.resolve("growth_latency.png"), "Request latency (p50) against data size", "entries / articles / streaks",
                    "ms", latency);
        }
        Map<String, double[][]> jobs = new LinkedHashMap<>();
        series(jobs, "fan-out: seconds to the last message (x = opted-in users)", p -> p.series().startsWith("article-published"));
        series(jobs, "PostgreSQL alone: the same rows, seconds (x = rows)", p -> p.series().startsWith("PostgreSQL alone"));
        series(jobs, "milestone job: ms per due streak (x = streaks)", p -> p.unit().equals("ms per streak"));
        if (!jobs.isEmpty()) {
            Plots.logLog(results.resolve("growth_jobs.png"), "Background work against data size", "users / streaks", "s or ms", jobs);
        }
        md.append("## 3. Growth: cost against data size\n\n");
        md.append("Sequential requests through the gateway (one connection; p50/p99 of ").append(settings.quick() ? 20 : 100)
                .append(" requests after a few warm-up ones) for data sets of growing size, and the background jobs timed on the database.\n\n");
        md.append(table.markdown()).append('\n');
        md.append("How the data was made:\n\n");
        notes.forEach(n -> md.append("- ").append(n).append('\n'));
        md.append("\n![growth](bench/results/growth_latency.png)\n\n![jobs](bench/results/growth_jobs.png)\n\n");
    }
}
