package app.detach.outbox;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.detach.events.EventType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The transaction of a Kafka consumer, retried when it fails for a reason of the moment.
 * <p>
 * Each attempt runs in a fresh reactive transaction ({@code Panache.withTransaction}); a transient
 * failure ({@link TransientFailures}: a lost connection, a deadlock or serialization victim, a lock
 * or statement timeout) rolls it back and, after an exponential back-off with jitter
 * ({@code detach.consumer.retry.*}, {@link ConsumerRetryConfig}), the work runs again from the start.
 * A poison record or a deterministic failure fails at once, and so does the last attempt: the
 * failure reaches the connector unchanged, which parks the record in {@code <topic>.dlq.<service>}
 * with its message as the reason. Use it instead of {@code @WithTransaction} on an
 * {@code @Incoming} method: the interceptor would run all attempts in one, already failed,
 * transaction. Call it from the method itself, not inside another session or transaction.
 *
 * <pre>{@code
 * @Incoming("streak-events")
 * public Uni<Void> onEvent(ConsumerRecord<String, String> record) {
 *     return transactions.consume("journal-service.streak", record, this::apply,
 *             EventType.STREAK_STARTED, EventType.STREAK_RESET);
 * }
 * }</pre>
 *
 * While a record is retried the channel waits (the connector hands over one record at a time), so
 * the back-off is bounded: see {@link ConsumerRetryConfig} for the limit it must stay under.
 */
@ApplicationScoped
public class ConsumerTransactions {

    private static final Logger LOG = Logger.getLogger(ConsumerTransactions.class);

    private final ProcessedEvents processed;
    private final ErasedUsers erased;
    private final ObjectMapper mapper;
    private final ConsumerRetryConfig config;

    ConsumerTransactions(ProcessedEvents processed, ErasedUsers erased, ObjectMapper mapper, ConsumerRetryConfig config) {
        this.processed = processed;
        this.erased = erased;
        this.mapper = mapper;
        this.config = config;
        if (config.maxAttempts() < 1) {
            throw new IllegalArgumentException("detach.consumer.retry.max-attempts must be >= 1: " + config.maxAttempts());
        }
        if (config.worstCaseWait().toSeconds() >= 45) {
            LOG.warnf("detach.consumer.retry.* may hold a record %s: close to SmallRye Kafka's 60 s"
                    + " unprocessed-record-max-age, past which the channel turns unhealthy", config.worstCaseWait());
        }
    }

    /**
     * The usual consumer: reads the record ({@link IncomingEvent#read}; a record that cannot be read
     * fails at once), skips a type not in {@code handled}, and applies the event once per consumer
     * ({@link #once}) - unless it is about a user erased here ({@link ErasedUsers}): then it is only
     * marked processed.
     */
    public Uni<Void> consume(String consumer, ConsumerRecord<String, String> record,
            Function<IncomingEvent, Uni<Void>> apply, EventType... handled) {
        return Uni.createFrom().item(() -> IncomingEvent.read(record, mapper, handled))
                .flatMap(event -> event.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : once(consumer, event.get().id(), () -> erased.concernsErasedUser(event.get().type(), event.get().data())
                                .flatMap(skip -> skip ? Uni.createFrom().voidItem() : apply.apply(event.get()))));
    }

    /**
     * The processed-event mark and the work in one transaction, retried as a unit: a redelivered
     * event is a no-op, a failed attempt leaves no mark.
     */
    public Uni<Void> once(String consumer, String eventId, Supplier<Uni<Void>> work) {
        return inTransaction(consumer, () -> processed.firstTime(consumer, eventId)
                .flatMap(first -> first ? work.get() : Uni.createFrom().voidItem()));
    }

    /**
     * Runs {@code work} in a transaction of its own, again in a new one after a transient failure.
     * {@code work} is called once per attempt, so it must build its whole unit afresh each time.
     *
     * @param consumer names the consumer in the retry log lines
     */
    public <T> Uni<T> inTransaction(String consumer, Supplier<Uni<T>> work) {
        // the context is taken when the consumer subscribes, where @WithTransaction would have needed it
        return Uni.createFrom().deferred(() -> withRetries(consumer, work, Vertx.currentContext()));
    }

    private <T> Uni<T> withRetries(String consumer, Supplier<Uni<T>> work, Context context) {
        AtomicInteger attempts = new AtomicInteger();
        return Uni.createFrom().deferred(() -> {
                    attempts.incrementAndGet();
                    return Panache.withTransaction(work);
                })
                // a retry is resubscribed on Mutiny's timer thread; the session needs the record's Vert.x context
                .runSubscriptionOn(on(context))
                .onFailure(failure -> retry(failure, attempts.get()))
                .invoke(failure -> LOG.warnf("%s: attempt %d of %d failed for a transient reason (%s), retrying",
                        consumer, attempts.get(), config.maxAttempts(), describe(failure)))
                .onFailure(failure -> retry(failure, attempts.get())).retry()
                .withBackOff(config.initialBackoff(), config.maxBackoff()).withJitter(config.jitter())
                .atMost(config.maxAttempts()) // a safety net: retry(...) stops after max-attempts in all
                .onFailure(failure -> attempts.get() > 1 && TransientFailures.isTransient(failure))
                .invoke(failure -> LOG.warnf("%s: giving up after %d attempts (%s)", consumer, attempts.get(),
                        describe(failure)));
    }

    private boolean retry(Throwable failure, int attempts) {
        return attempts < config.maxAttempts() && TransientFailures.isTransient(failure);
    }

    /** Class and SQLSTATE only: messages of database errors can quote values, and logs carry no user data. */
    private static String describe(Throwable failure) {
        String state = TransientFailures.sqlState(failure);
        return failure.getClass().getName() + (state == null ? "" : ", SQLSTATE " + state);
    }

    /** Runs a subscription on {@code context} (no hop when already there); as is without a context. */
    private static Executor on(Context context) {
        return task -> {
            if (context == null || Vertx.currentContext() == context) {
                task.run();
            } else {
                context.runOnContext(ignored -> task.run());
            }
        };
    }
}
