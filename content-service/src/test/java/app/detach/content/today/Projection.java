package app.detach.content.today;

import app.detach.events.EventData;
import app.detach.testing.KafkaEvents;
import app.detach.testing.TestDatabase;
import org.awaitility.Awaitility;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

/** Test helper: publishes real events on their topics and waits until the service's consumer has applied them. */
public final class Projection {

    private Projection() {
    }

    /** Publishes as the producing service would and waits until {@code consumer} recorded the event id. */
    public static String publishAndAwait(EventData data, String source, String consumer) {
        String id = KafkaEvents.fromConfig().publish(data, source);
        awaitProcessed(consumer, id);
        return id;
    }

    public static void awaitProcessed(String consumer, String eventId) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> count("SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ?",
                        consumer, eventId) == 1);
    }

    public static int count(String sql, Object... params) throws Exception {
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
