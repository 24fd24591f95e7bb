package app.detach.outbox;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/**
 * Idempotent consumers: remembers, per consumer, the ids of the events it has handled, in the
 * consumer's own transaction. Consumers use it through {@link ConsumerTransactions#once}, which
 * puts the mark and the work in one transaction and retries them together:
 *
 * <pre>{@code
 * @Incoming("streak-events")
 * public Uni<Void> onEvent(ConsumerRecord<String, String> record) {
 *     return transactions.consume("notification-service.streak", record, this::apply, EventType.MILESTONE_REACHED);
 * }
 * }</pre>
 *
 * Because the insert commits or rolls back with the side effect, a redelivered event is handled
 * exactly once in effect; a failed attempt leaves no mark and can be retried.
 */
@ApplicationScoped
public class ProcessedEvents {

    /**
     * Marks {@code eventId} as processed by {@code consumer}, inside the caller's transaction.
     *
     * @return {@code true} the first time (go ahead), {@code false} for an event already processed
     */
    public Uni<Boolean> firstTime(String consumer, String eventId) {
        if (consumer == null || consumer.isBlank() || eventId == null || eventId.isBlank()) {
            return Uni.createFrom().failure(new IllegalArgumentException("consumer and eventId are required"));
        }
        return Transactions.requireCurrent("ProcessedEvents.firstTime")
                .flatMap(session -> session.createNativeQuery(
                        "INSERT INTO processed_event (consumer, event_id) VALUES (:consumer, :eventId)"
                                + " ON CONFLICT DO NOTHING")
                        .setParameter("consumer", consumer)
                        .setParameter("eventId", eventId)
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
