package app.detach.streak.messaging;

import app.detach.outbox.ErasureRequests;
import app.detach.streak.erasure.Erasure;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** erasure-requested → delete the user's streak data → data-erased; retried, each event id handled once. */
@ApplicationScoped
public class AccountEventsConsumer {

    static final String CONSUMER = "streak-service.account";

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
