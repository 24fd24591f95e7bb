package app.detach.notification.job;

import app.detach.notification.FanOuts;
import app.detach.testing.TestDatabase;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How every scheduled job of the service works through what is due, on the real database. */
@QuarkusTest
class DueBatchesTest {

    private static final Logger LOG = Logger.getLogger(DueBatchesTest.class);

    @Test
    void runsBatchAfterBatchEachInItsOwnTransactionUntilOneComesBackShort() throws Throwable {
        List<Long> transactions = new CopyOnWriteArrayList<>();
        VertxContextSupport.subscribeAndAwait(() -> DueBatches.drain(LOG, "test job", () -> transactionId()
                .invoke(transactions::add)
                .map(id -> transactions.size() < 3))); // two full batches, then a short one

        assertEquals(3, transactions.size(), "stops after the first short batch");
        assertEquals(3, new HashSet<>(transactions).size(), "one transaction per batch: " + transactions);
    }

    @Test
    void aFailedBatchEndsTheRunRolledBackWhileEarlierBatchesStayCommitted() throws Throwable {
        String prefix = "db-" + UUID.randomUUID() + "-";
        AtomicInteger batches = new AtomicInteger();
        try {
            VertxContextSupport.subscribeAndAwait(() -> DueBatches.drain(LOG, "test job", () -> {
                int batch = batches.incrementAndGet();
                Uni<Boolean> written = insertPreference(prefix + batch).replaceWith(true);
                return batch == 2 ? written.chain(() -> Uni.createFrom().failure(new IllegalStateException("lost the database")))
                        : written;
            }));

            assertEquals(2, batches.get(), "no batch after the failed one (the next tick retries)");
            assertEquals(1, FanOuts.count("SELECT count(*) FROM preference WHERE user_id = ?", prefix + 1), "committed");
            assertEquals(0, FanOuts.count("SELECT count(*) FROM preference WHERE user_id = ?", prefix + 2), "rolled back");
        } finally {
            TestDatabase.update("DELETE FROM preference WHERE user_id LIKE ?", prefix + "%");
        }
    }

    private static Uni<Long> transactionId() {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("SELECT CAST(txid_current() AS bigint)", Long.class)
                .getSingleResult());
    }

    private static Uni<Integer> insertPreference(String user) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("INSERT INTO preference (user_id, time_zone,"
                        + " check_in_enabled, check_in_time, channel_in_app, channel_email, new_guides, updated_at)"
                        + " VALUES (:user, 'UTC', false, '20:00', true, false, false, now())")
                .setParameter("user", user)
                .executeUpdate());
    }
}
