package app.detach.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import app.detach.events.CloudEventAttributes;
import app.detach.events.EventData;
import app.detach.events.EventJson;
import app.detach.events.EventType;
import app.detach.events.Topics;
import app.detach.events.account.ErasureRequested;
import app.detach.events.streak.UrgeResisted;
import app.detach.outbox.testapp.FlakyUrgeConsumer;
import app.detach.testing.KafkaEvents;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * {@link ConsumerTransactions} against the real PostgreSQL, run the way the Kafka connector runs a
 * consumer: on a Vert.x duplicated context. The units of work are test doubles that really write
 * and really fail in the database (a serialization failure raised by PostgreSQL, the session's own
 * connection terminated, a unique violation). The test app retries 4 times at most with a
 * 20 ms - 80 ms back-off (application.properties).
 */
@QuarkusTest
class ConsumerTransactionsTest {

    private static final int MAX_ATTEMPTS = 4;

    @Inject
    ConsumerTransactions transactions;

    @Inject
    ErasureRequests erasureRequests;

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Test
    void aUnitFailingTransientlyTwiceIsRetriedAndCommitsOnceWithOneProcessedMark() throws Exception {
        String user = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        UrgeWork work = new UrgeWork(user, 2, UrgeWork.SERIALIZATION_FAILURE);

        onVertxContext(() -> transactions.once("test.retry", eventId, work));

        assertEquals(3, work.calls.get());
        assertEquals(1, OutboxRows.urgesOf(pool, user), "the failed attempts rolled back, the third committed");
        assertEquals(1, processedMarks("test.retry", eventId));
    }

    @Test
    void aLostConnectionIsRetriedInANewTransaction() throws Exception {
        String user = UUID.randomUUID().toString();
        UrgeWork work = new UrgeWork(user, 1, UrgeWork.TERMINATE_OWN_CONNECTION);

        onVertxContext(() -> transactions.once("test.retry", UUID.randomUUID().toString(), work));

        assertEquals(2, work.calls.get());
        assertEquals(1, OutboxRows.urgesOf(pool, user));
    }

    @Test
    void aRedeliveredEventIsANoOp() throws Exception {
        String user = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        UrgeWork work = new UrgeWork(user, 0, UrgeWork.SERIALIZATION_FAILURE);

        onVertxContext(() -> transactions.once("test.retry", eventId, work));
        onVertxContext(() -> transactions.once("test.retry", eventId, work));

        assertEquals(1, work.calls.get());
        assertEquals(1, OutboxRows.urgesOf(pool, user));
    }

    @Test
    void poisonIsNotRetriedAndPropagatesUnchanged() {
        String user = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        PoisonRecordException poison = new PoisonRecordException("urge-resisted " + eventId + ": intensity is 42");
        AtomicInteger calls = new AtomicInteger();

        Throwable failure = failureOf(() -> transactions.once("test.retry", eventId, () -> {
            calls.incrementAndGet();
            return new UrgeWork(user, 0, UrgeWork.SERIALIZATION_FAILURE).get()
                    .flatMap(ignored -> Uni.createFrom().failure(poison));
        }));

        assertSame(poison, failure, "the connector gets the reason for the dead-letter topic");
        assertEquals(1, calls.get());
        assertEquals(0, OutboxRows.urgesOf(pool, user));
        assertEquals(0, processedMarks("test.retry", eventId));
    }

    @Test
    void aRecordThatBreaksItsSchemaFailsBeforeAnyWork() {
        String userId = UUID.randomUUID().toString();
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.STREAK, 0, 0L, userId,
                "{\"userId\":\"" + userId + "\",\"intensity\":42}");
        String eventId = UUID.randomUUID().toString();
        record.headers().add(CloudEventAttributes.HEADER_ID, eventId.getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventAttributes.HEADER_TYPE,
                EventType.URGE_RESISTED.type().getBytes(StandardCharsets.UTF_8));
        AtomicInteger calls = new AtomicInteger();

        Throwable failure = failureOf(() -> transactions.consume("test.retry", record, event -> {
            calls.incrementAndGet();
            return Uni.createFrom().voidItem();
        }, EventType.URGE_RESISTED));

        assertTrue(failure instanceof PoisonRecordException, failure.toString());
        assertTrue(failure.getMessage().contains("intensity"), failure.getMessage());
        assertEquals(0, calls.get());
        assertEquals(0, processedMarks("test.retry", eventId));
    }

    @Test
    void anErasureIsRememberedAndALaterEventAboutThatUserIsMarkedProcessedButNotApplied() throws Exception {
        String erasedUser = UUID.randomUUID().toString();
        String otherUser = UUID.randomUUID().toString();
        AtomicInteger erasures = new AtomicInteger();
        onVertxContext(() -> erasureRequests.handle("test.account", record(Topics.ACCOUNT, erasedUser,
                EventType.ERASURE_REQUESTED, new ErasureRequested(erasedUser, Instant.now())), user -> {
                    erasures.incrementAndGet();
                    return Uni.createFrom().voidItem();
                }));
        assertEquals(1, erasures.get());

        // an urge logged just before the erasure, arriving after it on another topic
        AtomicInteger applied = new AtomicInteger();
        ConsumerRecord<String, String> late = urgeRecord(erasedUser);
        onVertxContext(() -> transactions.consume("test.streak", late, event -> {
            applied.incrementAndGet();
            return Uni.createFrom().voidItem();
        }, EventType.URGE_RESISTED));
        assertEquals(0, applied.get(), "nothing of the erased user is written again");
        assertEquals(1, processedMarks("test.streak", eventIdOf(late)), "marked processed: not redelivered");

        onVertxContext(() -> transactions.consume("test.streak", urgeRecord(otherUser), event -> {
            applied.incrementAndGet();
            return Uni.createFrom().voidItem();
        }, EventType.URGE_RESISTED));
        assertEquals(1, applied.get(), "everyone else's events are applied");
    }

    @Test
    void aDeterministicDatabaseFailureIsNotRetried() {
        String user = UUID.randomUUID().toString();
        UUID id = UUID.randomUUID();
        AtomicInteger calls = new AtomicInteger();

        Throwable failure = failureOf(() -> transactions.inTransaction("test.retry", () -> {
            calls.incrementAndGet();
            return UrgeWork.insertUrge(id, user).flatMap(ignored -> UrgeWork.insertUrge(id, user)); // same key twice
        }));

        assertEquals("23505", TransientFailures.sqlState(failure), failure.toString());
        assertEquals(1, calls.get());
        assertEquals(0, OutboxRows.urgesOf(pool, user));
    }

    @Test
    void attemptsAreBoundedAndTheLastFailureReachesTheCaller() {
        String user = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        UrgeWork work = new UrgeWork(user, Integer.MAX_VALUE, UrgeWork.SERIALIZATION_FAILURE);

        Throwable failure = failureOf(() -> transactions.once("test.retry", eventId, work));

        assertEquals(MAX_ATTEMPTS, work.calls.get());
        assertEquals("40001", TransientFailures.sqlState(failure), failure.toString());
        assertEquals(0, OutboxRows.urgesOf(pool, user));
        assertEquals(0, processedMarks("test.retry", eventId));
    }

    @Test
    void aKafkaRecordFailingTransientlyIsRetriedOnTheConnectorsContextAndCommittedOnce() {
        String user = UUID.randomUUID().toString();
        FlakyUrgeConsumer.failFirstAttempts(user, 2);
        UrgeResisted urge = new UrgeResisted(user, UUID.randomUUID(), 6, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        String eventId = KafkaEvents.fromConfig().publishRaw(FlakyUrgeConsumer.TOPIC, user,
                EventType.URGE_RESISTED.type(), "/detach/test", urge.subject(), EventJson.toTree(urge),
                UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(20)).until(() -> processedMarks(FlakyUrgeConsumer.CONSUMER, eventId) == 1);
        assertEquals(3, FlakyUrgeConsumer.calls(user));
        assertEquals(1, OutboxRows.urgesOf(pool, user));
    }

    private static ConsumerRecord<String, String> urgeRecord(String user) {
        return record(Topics.STREAK, user, EventType.URGE_RESISTED,
                new UrgeResisted(user, UUID.randomUUID(), 6, Instant.now().truncatedTo(ChronoUnit.MILLIS)));
    }

    /** A record as the outbox relay writes it: key = user, ce_id / ce_type headers, the data as JSON. */
    private static ConsumerRecord<String, String> record(String topic, String key, EventType type, EventData data) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(topic, 0, 0L, key, EventJson.toTree(data).toString());
        record.headers().add(CloudEventAttributes.HEADER_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventAttributes.HEADER_TYPE, type.type().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static String eventIdOf(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader(CloudEventAttributes.HEADER_ID).value(), StandardCharsets.UTF_8);
    }

    /** Runs {@code work} on a fresh duplicated Vert.x context, as the Kafka connector runs a consumer. */
    private <T> T onVertxContext(Supplier<Uni<T>> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Context context = VertxContext.getOrCreateDuplicatedContext(vertx);
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> work.get().subscribe().with(result::complete, result::completeExceptionally));
        return result.get(30, TimeUnit.SECONDS);
    }

    private Throwable failureOf(Supplier<Uni<Void>> work) {
        return assertThrows(ExecutionException.class, () -> onVertxContext(work)).getCause();
    }

    private long processedMarks(String consumer, String eventId) {
        return pool.preparedQuery("SELECT count(*) FROM processed_event WHERE consumer = $1 AND event_id = $2")
                .execute(Tuple.of(consumer, eventId)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }

    /**
     * The test double of a consumer's work: inserts an urge in the current transaction, then, on its
     * first {@code failures} calls, makes the database fail the transaction.
     */
    private static final class UrgeWork implements Supplier<Uni<Void>> {

        /** PostgreSQL raises SQLSTATE 40001, as it does for the loser of a serializable conflict. */
        static final String SERIALIZATION_FAILURE =
                "DO $$ BEGIN RAISE EXCEPTION 'simulated conflict' USING ERRCODE = 'serialization_failure'; END $$";
        /** The session's connection is closed by the server, as in a database restart or fail-over. */
        static final String TERMINATE_OWN_CONNECTION = "SELECT pg_terminate_backend(pg_backend_pid())";

        final AtomicInteger calls = new AtomicInteger();
        private final String user;
        private final int failures;
        private final String failingStatement;

        UrgeWork(String user, int failures, String failingStatement) {
            this.user = user;
            this.failures = failures;
            this.failingStatement = failingStatement;
        }

        @Override
        public Uni<Void> get() {
            int call = calls.incrementAndGet();
            return insertUrge(UUID.randomUUID(), user).flatMap(ignored -> call <= failures
                    ? Panache.getSession().flatMap(session -> failingStatement.startsWith("SELECT")
                            ? session.createNativeQuery(failingStatement).getResultList().replaceWithVoid()
                            : session.createNativeQuery(failingStatement).executeUpdate().replaceWithVoid())
                    : Uni.createFrom().voidItem());
        }

        static Uni<Void> insertUrge(UUID id, String user) {
            return Panache.getSession().flatMap(session -> session.createNativeQuery(
                            "INSERT INTO logged_urge (id, user_id, intensity, occurred_at) VALUES (:id, :user, 5, now())")
                    .setParameter("id", id)
                    .setParameter("user", user)
                    .executeUpdate())
                    .replaceWithVoid();
        }
    }
}
