package app.detach.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads the outbox and the test table directly, for assertions. */
final class OutboxRows {

    record Row(String id, String type, String subject, boolean sent, int attempts, String lastError) {
    }

    private OutboxRows() {
    }

    static List<Row> forKey(Pool pool, String key) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery("SELECT id, type, subject, sent_at IS NOT NULL AS sent, attempts, last_error"
                + " FROM outbox WHERE record_key = $1 ORDER BY seq")
                .execute(Tuple.of(key)).await().atMost(Duration.ofSeconds(10))
                .forEach(r -> rows.add(new Row(r.getUUID("id").toString(), r.getString("type"), r.getString("subject"),
                        r.getBoolean("sent"), r.getInteger("attempts"), r.getString("last_error"))));
        return rows;
    }

    static long urgesOf(Pool pool, String userId) {
        return pool.preparedQuery("SELECT count(*) FROM logged_urge WHERE user_id = $1")
                .execute(Tuple.of(userId)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }
}
