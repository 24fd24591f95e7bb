package app.detach.notification.messaging;

import app.detach.outbox.ConsumerTransactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.nio.charset.StandardCharsets;

/**
 * The Kafka consumers, one per topic (group {@code notification-service}). Each record is applied
 * in one transaction with its processed-event mark, retried with back-off after a transient failure
 * ({@link ConsumerTransactions}); a poison record, or the last failed attempt, nacks it and the
 * connector parks it in {@code <topic>.dlq.notification-service} with the reason (failure-strategy
 * dead-letter-queue).
 */
@ApplicationScoped
public class EventConsumers {

    private final EventRouter router;
    private final ConsumerTransactions transactions;

    EventConsumers(EventRouter router, ConsumerTransactions transactions) {
        this.router = router;
        this.transactions = transactions;
    }

    @Incoming("streak-events")
    public Uni<Void> onStreak(ConsumerRecord<String, String> record) {
        return route(record);
    }

    @Incoming("journal-events")
    public Uni<Void> onJournal(ConsumerRecord<String, String> record) {
        return route(record);
    }

    @Incoming("content-events")
    public Uni<Void> onContent(ConsumerRecord<String, String> record) {
        return route(record);
    }

    @Incoming("account-events")
    public Uni<Void> onAccount(ConsumerRecord<String, String> record) {
        return route(record);
    }

    private Uni<Void> route(ConsumerRecord<String, String> record) {
        return transactions.inTransaction(EventRouter.consumerFor(record.topic()), () -> router.route(record.topic(),
                header(record, "ce_id"), header(record, "ce_type"), record.value()));
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
