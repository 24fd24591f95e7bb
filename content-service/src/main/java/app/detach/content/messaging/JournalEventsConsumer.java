package app.detach.content.messaging;

import app.detach.events.EventType;
import app.detach.events.journal.EntryDeleted;
import app.detach.events.journal.EntryRecorded;
import app.detach.outbox.ConsumerTransactions;
import app.detach.outbox.IncomingEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Projects {@code detach.journal.v1}: each entry's mood and urge (never its text, which never leaves journal-service). */
@ApplicationScoped
public class JournalEventsConsumer {

    static final String CONSUMER = "content-service.journal";

    private final ConsumerTransactions transactions;
    private final ReaderProjection projection;

    JournalEventsConsumer(ConsumerTransactions transactions, ReaderProjection projection) {
        this.transactions = transactions;
        this.projection = projection;
    }

    @Incoming("journal-events")
    public Uni<Void> onEvent(ConsumerRecord<String, String> record) {
        return transactions.consume(CONSUMER, record, this::apply, EventType.ENTRY_RECORDED, EventType.ENTRY_DELETED);
    }

    private Uni<Void> apply(IncomingEvent e) {
        if (e.data() instanceof EntryRecorded d) {
            return projection.entry(d.userId(), d.entryId(), d.recordedAt(), d.mood(), d.urge());
        }
        EntryDeleted d = (EntryDeleted) e.data();
        return projection.entryDeleted(d.userId(), d.entryId());
    }
}
