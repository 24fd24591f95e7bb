package app.detach.content.messaging;

import app.detach.events.EventType;
import app.detach.events.journal.EntryDeleted;
import app.detach.events.journal.EntryRecorded;
import app.detach.outbox.ProcessedEvents;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Optional;
import java.util.Set;

/** Projects {@code detach.journal.v1}: each entry's mood and urge (never its text, which never leaves journal-service). */
@ApplicationScoped
public class JournalEventsConsumer {

    static final String CONSUMER = "content-service.journal";
    private static final Set<EventType> HANDLED = Set.of(EventType.ENTRY_RECORDED, EventType.ENTRY_DELETED);

    private final ProcessedEvents processed;
    private final ReaderProjection projection;

    JournalEventsConsumer(ProcessedEvents processed, ReaderProjection projection) {
        this.processed = processed;
        this.projection = projection;
    }

    @Incoming("journal-events")
    @WithTransaction
    public Uni<Void> onEvent(ConsumerRecord<String, String> record) {
        Optional<IncomingEvent> event = IncomingEvent.read(record, HANDLED);
        if (event.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        IncomingEvent e = event.get();
        return processed.firstTime(CONSUMER, e.id()).flatMap(first -> {
            if (!first) {
                return Uni.createFrom().voidItem();
            }
            if (e.type() == EventType.ENTRY_RECORDED) {
                EntryRecorded d = e.as(EntryRecorded.class);
                return projection.entry(d.userId(), d.entryId(), d.recordedAt(), d.mood(), d.urge());
            }
            EntryDeleted d = e.as(EntryDeleted.class);
            return projection.entryDeleted(d.userId(), d.entryId());
        });
    }
}
