package app.detach.outbox;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/**
 * Idempotent consumers: remembers, per consumer, the ids of the events it has handled, in the
 * consumer's own transaction.
 *
 * <pre>{@code
 * @Incoming("streak-events")
 * @WithTransaction
 * public Uni<Void> onEvent(Message<String> message) {
 *     String id = message.getMetadata(IncomingCloudEventMetadata.class).orElseThrow().getId();
 *     return processed.firstTime("notification-service.streak", id)
 *             .flatMap(first -> first ? handle(message) : Uni.createFrom().voidItem());
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
