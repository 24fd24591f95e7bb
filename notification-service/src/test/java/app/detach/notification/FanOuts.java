package app.detach.notification;

import app.detach.testing.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;

/** Fan-out jobs as the tests see them in the database (delivery is asynchronous, by FanOutWorker). */
public final class FanOuts {

    private FanOuts() {
    }

    /** Waits until the job exists and its last chunk committed (generous: CI machines are shared). */
    public static void awaitFinished(String jobId) {
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200))
                .until(() -> count("SELECT count(*) FROM fan_out WHERE id = ? AND finished_at IS NOT NULL", jobId) == 1);
    }

    /** Waits until no job is left, so no message of a fan-out reaches users of a later test. */
    public static void awaitAllFinished() {
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200))
                .until(() -> count("SELECT count(*) FROM fan_out WHERE finished_at IS NULL") == 0);
    }

    public static long count(String sql, Object... parameters) {
        return Long.parseLong(column(sql, parameters).get(0));
    }

    /** The first column of every row, as text. */
    public static List<String> column(String sql, Object... parameters) {
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    values.add(r.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("test SQL failed: " + sql, e);
        }
    }
}
