package app.detach.streak.erasure;

import app.detach.events.account.DataErased;
import app.detach.outbox.Outbox;
import app.detach.streak.time.Clocks;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;

/**
 * Deletes everything streak-service holds about a user (streaks, contacts with their notes,
 * urges, check-ins, readiness checks, celebrated milestones, settings) and records data-erased, in the caller's transaction.
 * Events already published stay on Kafka: they carry ids and numbers only, never the notes.
 */
@ApplicationScoped
public class Erasure {

    public static final String SERVICE = "streak-service";
    private static final Logger LOG = Logger.getLogger(Erasure.class);
    // settings last: it is the row every other change of this user locks first
    private static final List<String> TABLES = List.of("milestone_emitted", "contact", "urge", "check_in", "readiness_check",
            "streak", "streak_user");

    private final Outbox outbox;
    private final Clock clock;

    Erasure(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<Void> erase(String userId) {
        // lock the settings row first, like every other writer of this user, so a concurrent
        // request cannot re-create rows between the deletes
        Uni<Integer> deleted = Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "SELECT user_id FROM streak_user WHERE user_id = :userId FOR UPDATE")
                .setParameter("userId", userId).getResultList()).replaceWith(0);
        for (String table : TABLES) {
            deleted = deleted.flatMap(sum -> Panache.getSession()
                    .flatMap(session -> session.createNativeQuery("DELETE FROM " + table + " WHERE user_id = :userId")
                            .setParameter("userId", userId)
                            .executeUpdate())
                    .map(count -> sum + count));
        }
        return deleted
                .invoke(count -> LOG.infof("erased a user's streak data (%d rows)", count))
                .call(() -> outbox.record(new DataErased(userId, SERVICE, Clocks.now(clock))))
                .replaceWithVoid();
    }
}
