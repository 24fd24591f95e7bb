package app.detach.journal.erasure;

import app.detach.events.account.DataErased;
import app.detach.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;

/**
 * Deletes everything the journal holds about a user and destroys their data key
 * (crypto-shredding: copies of the ciphertext in backups become unreadable too), then records
 * data-erased, all in the caller's transaction.
 */
@ApplicationScoped
public class Erasure {

    public static final String SERVICE = "journal-service";
    private static final Logger LOG = Logger.getLogger(Erasure.class);
    private static final List<String> TABLES = List.of("journal_entry", "journal_draft", "journal_reasons", "prompt_pick",
            "streak_state", "day_settings", "user_key");

    private final Outbox outbox;
    private final Clock clock;

    Erasure(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<Void> erase(String userId) {
        Uni<Integer> deleted = Uni.createFrom().item(0);
        for (String table : TABLES) {
            deleted = deleted.flatMap(sum -> Panache.getSession()
                    .flatMap(session -> session.createNativeQuery("DELETE FROM " + table + " WHERE user_id = :userId")
                            .setParameter("userId", userId)
                            .executeUpdate())
                    .map(count -> sum + count));
        }
        return deleted
                .invoke(count -> LOG.infof("erased the journal of a user (%d rows, data key destroyed)", count))
                .call(() -> outbox.record(new DataErased(userId, SERVICE, clock.instant())))
                .replaceWithVoid();
    }
}
