package app.detach.notification.live;

import app.detach.notification.inbox.Notification;
import app.detach.notification.preference.Preferences;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Tells every replica that a message is ready for live delivery: a PostgreSQL NOTIFY on
 * {@link #CHANNEL} carrying only {@code {"id","userId"}} (far below NOTIFY's 8000-byte limit; the
 * text never leaves the database this way). Sent in the caller's transaction, so it is delivered
 * only if the message commits.
 */
@ApplicationScoped
public class LiveSignal {

    public static final String CHANNEL = "detach_notification";

    public Uni<Void> signal(Notification n, Preferences prefs) {
        if (!prefs.inApp()) {
            return Uni.createFrom().voidItem();
        }
        return signal(n.id.toString(), n.userId);
    }

    public Uni<Void> signal(String id, String userId) {
        String payload = payload(id, userId);
        return Panache.getSession().flatMap(session -> session
                        .createNativeQuery("SELECT 1 FROM (SELECT pg_notify(:channel, :payload)) AS sent")
                        .setParameter("channel", CHANNEL)
                        .setParameter("payload", payload)
                        .getSingleResult())
                .replaceWithVoid();
    }

    /** A message ready for live delivery: what a signal names. */
    public record Ready(String id, String userId) {

        public static Ready of(Notification n) {
            return new Ready(n.id.toString(), n.userId);
        }
    }

    /**
     * The signals of many messages (a fan-out chunk, a batch of deferred ones) in one statement:
     * the payloads travel as one JSON array parameter and PostgreSQL sends one NOTIFY per element.
     */
    public Uni<Void> signalAll(List<Ready> messages) {
        if (messages.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String payloads = messages.stream().map(m -> jsonString(payload(m.id(), m.userId())))
                .collect(Collectors.joining(",", "[", "]"));
        // bound as text, then cast: a String bound where PostgreSQL expects json is sent as a JSON string
        return Panache.getSession().flatMap(session -> session
                        .createNativeQuery("SELECT count(pg_notify(:channel, p)) FROM json_array_elements_text(CAST(CAST(:payloads AS text) AS json)) p")
                        .setParameter("channel", CHANNEL)
                        .setParameter("payloads", payloads)
                        .getSingleResult())
                .replaceWithVoid();
    }

    /** A payload as a JSON string literal (it is itself JSON: quotes and backslashes escaped once more). */
    private static String jsonString(String s) {
        return "\"" + escape(s) + "\"";
    }

    static String payload(String id, String userId) {
        // ids are UUIDs and token subjects; escape anyway so a strange subject cannot break the JSON
        return "{\"id\":\"" + escape(id) + "\",\"userId\":\"" + escape(userId) + "\"}";
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
