package app.detach.journal.messaging;

import app.detach.journal.erasure.Erasure;
import app.detach.outbox.ErasureRequests;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Erases a user's journal when the account asks for it (erasure-requested → data-erased), retried, once. */
@ApplicationScoped
public class AccountEventsConsumer {

    static final String CONSUMER = "journal-service.account";

    private final ErasureRequests erasureRequests;
    private final Erasure erasure;

    AccountEventsConsumer(ErasureRequests erasureRequests, Erasure erasure) {
        this.erasureRequests = erasureRequests;
        this.erasure = erasure;
    }

    @Incoming("account-events")
    public Uni<Void> onAccountEvent(ConsumerRecord<String, String> record) {
        return erasureRequests.handle(CONSUMER, record, erasure::erase);
    }
}
