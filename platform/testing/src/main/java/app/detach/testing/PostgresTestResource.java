package app.detach.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 17 for {@code @QuarkusTest}s.
 * <p>
 * One server per test JVM (embedded binaries, files under {@code target/embedded-pg}), stopped when
 * the JVM exits. Every {@link #start()} - that is, every Quarkus application start in the test run -
 * gets a fresh, empty database with a unique name, so Flyway always migrates from scratch and test
 * runs never see each other's rows.
 * <p>
 * Returns {@code quarkus.datasource.username}, {@code .password}, {@code .jdbc.url} (Flyway) and
 * {@code .reactive.url} (Hibernate Reactive).
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private String database;

    @Override
    public Map<String, String> start() {
        database = createDatabase();
        int port = server().getPort();
        return Map.of(
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", PASSWORD,
                "quarkus.datasource.jdbc.url", jdbcUrl(port, database),
                "quarkus.datasource.reactive.url", "postgresql://localhost:" + port + "/" + database);
    }

    @Override
    public void stop() {
        if (database != null) {
            try {
                execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            } catch (RuntimeException e) {
                // best effort: the server may already be stopping with the JVM
            }
            database = null;
        }
    }

    /** Creates a new empty database on the shared server and returns its name. */
    public static String createDatabase() {
        String name = "test_" + DATABASES.incrementAndGet() + "_"
                + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        execute("CREATE DATABASE " + name);
        return name;
    }

    /** A JDBC URL for a database on the shared server (starts the server if needed). */
    public static String jdbcUrl(String database) {
        return jdbcUrl(server().getPort(), database);
    }

    private static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** The shared server, started on first use and stopped by a JVM shutdown hook. */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            Path root = TestDirectories.underTarget("embedded-pg");
            try {
                server = EmbeddedPostgres.builder()
                        .setOverrideWorkingDirectory(root.toFile())
                        .setDataDirectory(new File(root.toFile(), "data-" + UUID.randomUUID()))
                        .setCleanDataDirectory(true)
                        .setRegisterShutdownHook(true)
                        // a throw-away test server: durability is not worth the time
                        .setServerConfig("fsync", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("max_connections", "300")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
        }
        return server;
    }

    private static void execute(String sql) {
        try (Connection connection = server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("failed: " + sql, e);
        }
    }
}
