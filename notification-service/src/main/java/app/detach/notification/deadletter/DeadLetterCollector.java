package app.detach.notification.deadletter;

import app.detach.outbox.ConsumerTransactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

/**
 * Reads this service's own dead-letter topics ({@code <topic>.dlq.notification-service}) into the
 * dead_letter table, so the admin API can list and replay them. The topic stays the durable record;
 * the table is a view of it (a replayed row is kept, marked replayed). Idempotent by
 * (topic, partition, offset). A transient database failure is retried with back-off
 * ({@link ConsumerTransactions}): this channel has no dead-letter topic of its own, a failure stops it.
 */
@ApplicationScoped
public class DeadLetterCollector {

    static final String CONSUMER = "notification-service.dead-letters";

    private final Clock clock;
    private final ConsumerTransactions transactions;

    DeadLetterCollector(Clock clock, ConsumerTransactions transactions) {
        this.clock = clock;
        this.transactions = transactions;
    }

    @Incoming("dead-letters")
    public Uni<Void> collect(ConsumerRecord<String, String> record) {
        return transactions.inTransaction(CONSUMER, () -> store(record));
    }

    private Uni<Void> store(ConsumerRecord<String, String> record) {
        return DeadLetter.count("dlqTopic = ?1 and dlqPartition = ?2 and dlqOffset = ?3",
                        record.topic(), record.partition(), record.offset())
                .flatMap(seen -> {
                    if (seen > 0) {
                        return Uni.createFrom().voidItem();
                    }
                    DeadLetter letter = new DeadLetter();
                    letter.id = UUID.randomUUID();
                    letter.dlqTopic = record.topic();
                    letter.dlqPartition = record.partition();
                    letter.dlqOffset = record.offset();
                    letter.originalTopic = header(record, "dead-letter-topic");
                    letter.recordKey = record.key();
                    letter.ceId = header(record, "ce_id");
                    letter.ceType = header(record, "ce_type");
                    letter.reason = truncate(header(record, "dead-letter-reason"), 2000);
                    letter.payload = record.value();
                    letter.receivedAt = clock.instant();
                    return letter.persist().replaceWithVoid();
                });
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
