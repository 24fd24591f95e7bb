package app.detach.journal.messaging;

import app.detach.events.EventType;
import app.detach.events.account.ErasureRequested;
import app.detach.journal.erasure.Erasure;
import app.detach.outbox.IncomingEvent;
import app.detach.outbox.ProcessedEvents;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Erases a user's journal when the account asks for it (erasure-requested → data-erased). */
@ApplicationScoped
public class AccountEventsConsumer {

    static final String CONSUMER = "journal-service.account";

    private final Erasure erasure;
    private final ProcessedEvents processed;
    private final ObjectMapper mapper;

    AccountEventsConsumer(Erasure erasure, ProcessedEvents processed, ObjectMapper mapper) {
        this.erasure = erasure;
        this.processed = processed;
        this.mapper = mapper;
    }

    @Incoming("account-events")
    @WithTransaction
    public Uni<Void> onAccountEvent(ConsumerRecord<String, String> record) {
        return Uni.createFrom().item(() -> IncomingEvent.read(record, mapper, EventType.ERASURE_REQUESTED))
                .flatMap(event -> event.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : processed.firstTime(CONSUMER, event.get().id())
                                .flatMap(first -> first
                                        ? erasure.erase(((ErasureRequested) event.get().data()).userId())
                                        : Uni.createFrom().voidItem()));
    }
}
