package app.detach.outbox.testapp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import app.detach.events.EventType;
import app.detach.events.streak.UrgeResisted;
import app.detach.outbox.ConsumerTransactions;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * A consumer written the way the services write theirs, on the test topic {@value #TOPIC}: stores
 * the urge, and for a key the test registered makes PostgreSQL fail the first attempts with a
 * serialization failure (SQLSTATE 40001).
 */
@ApplicationScoped
public class FlakyUrgeConsumer {

    public static final String TOPIC = "detach.outbox-test.v1";
    public static final String CONSUMER = "outbox-test.urges";

    private static final Map<String, Integer> FAILURES = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

    private final ConsumerTransactions transactions;

    FlakyUrgeConsumer(ConsumerTransactions transactions) {
        this.transactions = transactions;
    }

    /** The next records with this key fail their first {@code failures} attempts. */
    public static void failFirstAttempts(String key, int failures) {
        FAILURES.put(key, failures);
    }

    /** How often the work ran for this key. */
    public static int calls(String key) {
        AtomicInteger calls = CALLS.get(key);
        return calls == null ? 0 : calls.get();
    }

    @Incoming("test-urges")
    public Uni<Void> onEvent(ConsumerRecord<String, String> record) {
        return transactions.consume(CONSUMER, record, event -> store((UrgeResisted) event.data()),
                EventType.URGE_RESISTED);
    }

    private Uni<Void> store(UrgeResisted urge) {
        int call = CALLS.computeIfAbsent(urge.userId(), key -> new AtomicInteger()).incrementAndGet();
        LoggedUrge row = new LoggedUrge();
        row.id = urge.urgeId();
        row.userId = urge.userId();
        row.intensity = urge.intensity();
        row.occurredAt = urge.occurredAt();
        return row.persist().flatMap(ignored -> call <= FAILURES.getOrDefault(urge.userId(), 0)
                ? Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "DO $$ BEGIN RAISE EXCEPTION 'simulated conflict' USING ERRCODE = 'serialization_failure'; END $$")
                        .executeUpdate())
                : Uni.createFrom().item(0))
                .replaceWithVoid();
    }
}
