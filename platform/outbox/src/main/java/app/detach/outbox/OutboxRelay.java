package app.detach.outbox;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import app.detach.events.CloudEventAttributes;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Publishes pending outbox rows to Kafka, in insertion order, and marks them sent.
 * <p>
 * When a transaction that wrote outbox rows commits (the table's trigger NOTIFYs
 * {@value #WAKE_CHANNEL}, heard over a {@link PgListener}), and at the latest every
 * {@code detach.outbox.poll-interval}, one instance - the one holding the PostgreSQL advisory
 * lock {@link #LOCK_ID} - takes up to {@code detach.outbox.batch-size} pending rows and sends them
 * in order through the {@value #CHANNEL} channel (CloudEvents binary mode), all at once, then waits
 * for the broker's acks ({@code acks=all}) and marks the rows before the first failure sent. The
 * failed row keeps {@code attempts}, {@code last_error} and a {@code next_attempt_at} pushed out by
 * exponential back-off ({@link Backoff}); until then the relay waits, and the rows after it are sent
 * again after it. Delivery is at least once (a crash between the ack and the update, or a failure
 * mid-batch, re-sends rows): consumers de-duplicate by event id ({@link ProcessedEvents}).
 * <p>
 * Also keeps the gauge {@code detach_outbox_pending}. {@code detach.outbox.relay-enabled=false}
 * turns the relay off on an instance.
 */
@ApplicationScoped
public class OutboxRelay {

    /** The outgoing channel; its connector settings ship in this jar's microprofile-config.properties. */
    public static final String CHANNEL = "detach-outbox";
    /** The channel the outbox table's insert trigger NOTIFYs on commit (migration V0_4). */
    public static final String WAKE_CHANNEL = "detach_outbox";
    /** Key of the advisory lock that makes one replica the relay ({@code "outbox"} in ASCII). */
    public static final long LOCK_ID = 0x6f7574626f78L;

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int MAX_ERROR_LENGTH = 2000;

    private final Pool pool;
    private final MutinyEmitter<String> emitter;
    private final OutboxConfig config;
    private final Vertx vertx;
    private final AtomicLong pending = new AtomicLong();
    private final PgListener wakeUps;
    /** A run is in progress (its end schedules the next). */
    private final AtomicBoolean inRun = new AtomicBoolean();
    /** A wake-up came during a run: the next run starts at once. */
    private final AtomicBoolean wakeAgain = new AtomicBoolean();
    private volatile boolean running;
    private volatile long timerId = -1;

    OutboxRelay(Pool pool, @Channel(CHANNEL) MutinyEmitter<String> emitter, OutboxConfig config,
            MeterRegistry registry, Vertx vertx,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.pool = pool;
        this.wakeUps = new PgListener(vertx, PgListener.connectOptions(url, user, password), WAKE_CHANNEL, ignored -> wake());
        this.vertx = vertx;
        this.emitter = emitter;
        this.config = config;
        Gauge.builder("detach.outbox.pending", pending, AtomicLong::get)
                .description("Outbox events not yet published to Kafka")
                .strongReference(true)
                .register(registry);
    }

    void start(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) StartupEvent event) {
        // after SmallRye Reactive Messaging has connected the emitter (it starts at LIBRARY_BEFORE)
        if (config.relayEnabled()) {
            running = true;
            // a hint only: without the LISTEN connection the relay still polls (it reconnects by itself)
            wakeUps.connect().subscribe().with(ignored -> { },
                    e -> LOG.warnf("outbox relay cannot LISTEN on %s (%s): polling only", WAKE_CHANNEL, e.toString()));
            scheduleNext(config.pollInterval());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        vertx.cancelTimer(timerId);
        wakeUps.stop();
    }

    /**
     * A transaction that wrote outbox rows has committed: run now rather than at the next poll. If a
     * run is in progress, the next one starts as soon as it ends; if the timer has just fired, that
     * run sees the rows (the NOTIFY comes after the commit).
     */
    void wake() {
        if (!running) {
            return;
        }
        if (inRun.get()) {
            wakeAgain.set(true);
        } else if (vertx.cancelTimer(timerId)) {
            scheduleNext(Duration.ZERO);
        }
    }

    /**
     * The loop: a Vert.x timer, not {@code @Scheduled} - Quarkus' scheduler checks its triggers once
     * a second, too coarse for a sub-second poll interval. Runs never overlap (the next one is
     * scheduled when the previous one ends); a full batch, or a wake-up during the run, is followed
     * at once by the next.
     */
    private void scheduleNext(Duration delay) {
        if (!running) {
            return;
        }
        timerId = vertx.setTimer(Math.max(1, delay.toMillis()), id -> {
            inRun.set(true);
            relay()
                    .onFailure().invoke(e -> {
                        if (running) {
                            LOG.warnf("outbox relay run failed: %s", e.toString());
                        }
                    })
                    .onFailure().recoverWithItem(0)
                    .subscribe().with(published -> {
                        boolean now = wakeAgain.getAndSet(false) || published >= config.batchSize();
                        scheduleNext(now ? Duration.ZERO : config.pollInterval());
                        inRun.set(false);
                        if (wakeAgain.getAndSet(false)) {
                            wake(); // came between the two lines above
                        }
                    });
        });
    }

    /**
     * One relay run (what the schedule does): publishes due pending rows if this instance gets the
     * lock, then refreshes the pending gauge.
     *
     * @return how many rows were published (0 when another instance holds the lock)
     */
    public Uni<Integer> relay() {
        return pool.withConnection(connection -> tryLock(connection)
                .flatMap(locked -> locked
                        ? publishBatch(connection).eventually(() -> unlock(connection))
                        : Uni.createFrom().item(0)))
                .call(this::refreshPending);
    }

    /** The pending count as last seen by the relay (what the gauge shows). */
    public long pendingCount() {
        return pending.get();
    }

    private Uni<Boolean> tryLock(SqlConnection connection) {
        return connection.preparedQuery("SELECT pg_try_advisory_lock($1)").execute(Tuple.of(LOCK_ID))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    private Uni<Void> unlock(SqlConnection connection) {
        return connection.preparedQuery("SELECT pg_advisory_unlock($1)").execute(Tuple.of(LOCK_ID)).replaceWithVoid();
    }

    private Uni<Integer> publishBatch(SqlConnection connection) {
        return connection.preparedQuery("""
                SELECT id, topic, record_key, type, source, subject, occurred_at, payload::text AS payload,
                       attempts, next_attempt_at <= now() AS due
                FROM outbox WHERE sent_at IS NULL ORDER BY seq LIMIT $1""")
                .execute(Tuple.of(config.batchSize()))
                .flatMap(rows -> {
                    List<PendingRow> batch = new ArrayList<>();
                    rows.forEach(row -> batch.add(PendingRow.of(row)));
                    return publish(connection, batch);
                });
    }

    /**
     * Publishes the batch's leading due rows all at once - the producer keeps them in order per
     * partition (idempotent, at most 5 requests in flight) - then marks the ones before the first
     * failure sent in one update. Waiting for each ack before the next send made the relay as slow as
     * a broker round trip per event (about 10 events/s on the 2-core bench machine under load).
     */
    private Uni<Integer> publish(SqlConnection connection, List<PendingRow> batch) {
        int dueCount = 0;
        while (dueCount < batch.size() && batch.get(dueCount).due()) {
            dueCount++;
        }
        if (dueCount == 0) {
            return Uni.createFrom().item(0);
        }
        List<PendingRow> due = batch.subList(0, dueCount);
        // subscribed in list order, so the records enter the channel in outbox order
        List<Uni<Throwable>> sends = due.stream()
                .map(row -> send(row).map(ignored -> (Throwable) null).onFailure().recoverWithItem(failure -> failure))
                .toList();
        return Uni.join().all(sends).andCollectFailures().flatMap(failures -> {
            int sent = 0;
            while (sent < failures.size() && failures.get(sent) == null) {
                sent++;
            }
            int published = sent;
            Uni<Void> marked = sent == 0 ? Uni.createFrom().voidItem() : markSent(connection, due.subList(0, sent));
            // rows after a failed one are not marked, even if acknowledged: they go again after it
            // (consumers de-duplicate by event id), so the failed row is retried first
            return sent == failures.size()
                    ? marked.replaceWith(published)
                    : marked.chain(() -> markFailed(connection, due.get(published), failures.get(published)))
                            .replaceWith(published);
        });
    }

    private Uni<Void> send(PendingRow row) {
        OutgoingCloudEventMetadata<String> cloudEvent = OutgoingCloudEventMetadata.<String>builder()
                .withId(row.id().toString())
                .withType(row.type())
                .withSource(URI.create(row.source()))
                .withSubject(row.subject())
                .withTimestamp(row.occurredAt().toZonedDateTime())
                .withDataContentType(CloudEventAttributes.DATA_CONTENT_TYPE)
                .build();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic())
                .withKey(row.key())
                .build();
        // the producer's delivery.timeout.ms normally ends a send; this bounds it should an ack never come
        return emitter.sendMessage(Message.of(row.payload()).addMetadata(cloudEvent).addMetadata(kafka))
                .ifNoItem().after(config.sendTimeout()).fail();
    }

    private Uni<Void> markSent(SqlConnection connection, List<PendingRow> rows) {
        UUID[] ids = rows.stream().map(PendingRow::id).toArray(UUID[]::new);
        return connection.preparedQuery("UPDATE outbox SET sent_at = now(), last_error = NULL WHERE id = ANY($1)")
                .execute(Tuple.of(ids))
                .replaceWithVoid();
    }

    private Uni<Void> markFailed(SqlConnection connection, PendingRow row, Throwable failure) {
        int failures = row.attempts() + 1;
        Duration delay = Backoff.delay(failures, config.backoffInitial(), config.backoffMax());
        String error = describe(failure);
        LOG.warnf("outbox event %s (%s, key %s) not published, attempt %d, next try in %s: %s",
                row.id(), row.type(), row.key(), failures, delay, error);
        return connection.preparedQuery("""
                UPDATE outbox SET attempts = attempts + 1,
                                  next_attempt_at = now() + ($2::bigint * interval '1 millisecond'),
                                  last_error = $3
                WHERE id = $1""")
                .execute(Tuple.of(row.id(), delay.toMillis(), error))
                .replaceWithVoid();
    }

    private Uni<Void> refreshPending() {
        return pool.query("SELECT count(*) FROM outbox WHERE sent_at IS NULL").execute()
                .invoke(rows -> pending.set(rows.iterator().next().getLong(0)))
                .replaceWithVoid();
    }

    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder(failure.toString());
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append(" <- ").append(cause);
        }
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text.toString();
    }

    private record PendingRow(UUID id, String topic, String key, String type, String source, String subject,
            OffsetDateTime occurredAt, String payload, int attempts, boolean due) {

        static PendingRow of(Row row) {
            return new PendingRow(row.getUUID("id"), row.getString("topic"), row.getString("record_key"),
                    row.getString("type"), row.getString("source"), row.getString("subject"),
                    row.getOffsetDateTime("occurred_at"), row.getString("payload"), row.getInteger("attempts"),
                    row.getBoolean("due"));
        }
    }
}
