package app.detach.notification.live;

import app.detach.notification.inbox.NotificationView;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live streams connected to <b>this</b> replica, by user. A signal (from any replica, through
 * PostgreSQL NOTIFY) names a message and its user; when that user has a stream here, the hub
 * reads the message (scoped by the same user id) and pushes it. Replicas without that user's
 * stream ignore the signal. Plain class so a test can run a second, independent hub.
 */
public class LiveHub {

    private static final Logger LOG = Logger.getLogger(LiveHub.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Pool pool;
    private final Map<String, Set<MultiEmitter<? super NotificationView>>> streams = new ConcurrentHashMap<>();

    public LiveHub(Pool pool) {
        this.pool = pool;
    }

    /** First item of every stream, once it is registered: from then on, nothing signalled is missed. */
    public static final NotificationView READY = new NotificationView(new UUID(0, 0), "ready", "", "", null,
            java.time.Instant.EPOCH, null, false);

    /**
     * A stream of the user's new messages, starting with {@link #READY}; ends when the subscriber
     * cancels (client gone).
     */
    public Multi<NotificationView> stream(String userId) {
        return Multi.createFrom().emitter(emitter -> {
            streams.computeIfAbsent(userId, u -> ConcurrentHashMap.newKeySet()).add(emitter);
            emitter.onTermination(() -> streams.computeIfPresent(userId, (u, set) -> {
                set.remove(emitter);
                return set.isEmpty() ? null : set;
            }));
            emitter.emit(READY);
        });
    }

    /** How many streams of this user are connected here. */
    public int connected(String userId) {
        Set<?> set = streams.get(userId);
        return set == null ? 0 : set.size();
    }

    /** Handles one NOTIFY payload {@code {"id","userId"}}. */
    public void onSignal(String payload) {
        String id;
        String userId;
        try {
            JsonNode json = JSON.readTree(payload);
            id = json.path("id").asText(null);
            userId = json.path("userId").asText(null);
            UUID.fromString(id);
        } catch (Exception e) {
            LOG.warnf("ignoring a malformed live signal");
            return;
        }
        Set<MultiEmitter<? super NotificationView>> targets = streams.get(userId);
        if (targets == null || targets.isEmpty()) {
            return; // the user is connected to another replica, or not at all
        }
        load(UUID.fromString(id), userId).subscribe().with(view -> {
            if (view != null) {
                targets.forEach(emitter -> emitter.emit(view));
            }
        }, e -> LOG.warn("could not load a signalled message", e));
    }

    private Uni<NotificationView> load(UUID id, String userId) {
        return pool.preparedQuery("SELECT id, kind, title, body, link, deliver_at, read_at FROM notification"
                        + " WHERE id = $1 AND user_id = $2")
                .execute(Tuple.of(id, userId))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return null;
                    }
                    Row r = rows.iterator().next();
                    OffsetDateTime readAt = r.getOffsetDateTime("read_at");
                    return new NotificationView(r.getUUID("id"), r.getString("kind"), r.getString("title"),
                            r.getString("body"), r.getString("link"), r.getOffsetDateTime("deliver_at").toInstant(),
                            readAt == null ? null : readAt.toInstant(), readAt != null);
                });
    }
}
