package app.detach.notification.fanout;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.ZoneOffset;

/**
 * Records fan-out jobs in the caller's transaction; {@link FanOutWorker} delivers them later, chunk
 * by chunk. Recording is one insert, so a consumer or a request that starts a message for every
 * user returns at once whatever the number of users.
 */
@ApplicationScoped
public class FanOutJobs {

    public static final String NEW_GUIDES = "new-guides";
    public static final String BROADCAST = "broadcast";

    private final Clock clock;

    FanOutJobs(Clock clock) {
        this.clock = clock;
    }

    /**
     * The new-guides digest of one article for every opted-in user. Keyed by the event id: the
     * same event delivered again (or replayed from the dead letters) makes no second job.
     */
    public Uni<Void> newGuides(String eventId, String title, String slug) {
        return insert(eventId, NEW_GUIDES, title, slug, null, null);
    }

    /** An admin broadcast to every known user. */
    public Uni<Void> broadcast(String broadcastId, String title, String body, String link) {
        return insert(broadcastId, BROADCAST, title, null, body, link);
    }

    /** Users a broadcast accepted now would reach: anyone with preferences or a message. */
    public Uni<Long> knownUsers() {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "SELECT count(*) FROM (SELECT user_id FROM preference UNION SELECT user_id FROM notification) u",
                        Long.class)
                .getSingleResult());
    }

    private Uni<Void> insert(String id, String kind, String title, String slug, String body, String link) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                                "INSERT INTO fan_out (id, kind, title, slug, body, link, created_at)"
                                        + " VALUES (:id, :kind, :title, CAST(:slug AS text), CAST(:body AS text),"
                                        + " CAST(:link AS text), :at) ON CONFLICT (id) DO NOTHING")
                        .setParameter("id", id)
                        .setParameter("kind", kind)
                        .setParameter("title", title)
                        .setParameter("slug", slug)
                        .setParameter("body", body)
                        .setParameter("link", link)
                        .setParameter("at", clock.instant().atOffset(ZoneOffset.UTC))
                        .executeUpdate())
                .replaceWithVoid();
    }
}
