package app.detach.notification.live;

import app.detach.notification.inbox.Notification;
import app.detach.notification.preference.Preferences;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

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

    static String payload(String id, String userId) {
        // ids are UUIDs and token subjects; escape anyway so a strange subject cannot break the JSON
        return "{\"id\":\"" + escape(id) + "\",\"userId\":\"" + escape(userId) + "\"}";
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
