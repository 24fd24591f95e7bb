package app.detach.notification.messaging;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.nio.charset.StandardCharsets;

/**
 * The Kafka consumers, one per topic (group {@code notification-service}). Each record is applied
 * in one transaction with its processed-event mark; a failure nacks it and the connector parks it
 * in {@code <topic>.dlq.notification-service} with the reason (failure-strategy dead-letter-queue).
 */
@ApplicationScoped
public class EventConsumers {

    private final EventRouter router;

    EventConsumers(EventRouter router) {
        this.router = router;
    }

    @Incoming("streak-events")
    @WithTransaction
    public Uni<Void> onStreak(ConsumerRecord<String, String> record) {
        return route(record);
    }

    @Incoming("journal-events")
    @WithTransaction
    public Uni<Void> onJournal(ConsumerRecord<String, String> record) {
        return route(record);
    }

    @Incoming("content-events")
    @WithTransaction
    public Uni<Void> onContent(ConsumerRecord<String, String> record) {
        return route(record);
    }

    @Incoming("account-events")
    @WithTransaction
    public Uni<Void> onAccount(ConsumerRecord<String, String> record) {
        return route(record);
    }

    private Uni<Void> route(ConsumerRecord<String, String> record) {
        return router.route(record.topic(), header(record, "ce_id"), header(record, "ce_type"), record.value());
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
