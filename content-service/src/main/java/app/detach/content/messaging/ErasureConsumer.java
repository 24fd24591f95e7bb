package app.detach.content.messaging;

import app.detach.events.account.DataErased;
import app.detach.outbox.ErasureRequests;
import app.detach.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * {@code erasure-requested}: deletes everything this service holds about the user (projection and
 * reading history) and records {@code data-erased} in the same transaction. Articles and audit
 * rows are editorial records, not the reader's data.
 */
@ApplicationScoped
public class ErasureConsumer {

    static final String CONSUMER = "content-service.account";

    private final ErasureRequests erasureRequests;
    private final ReaderProjection projection;
    private final Outbox outbox;
    private final Clock clock;
    private final String service;

    ErasureConsumer(ErasureRequests erasureRequests, ReaderProjection projection, Outbox outbox, Clock clock,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.erasureRequests = erasureRequests;
        this.projection = projection;
        this.outbox = outbox;
        this.clock = clock;
        this.service = service;
    }

    @Incoming("account-events")
    public Uni<Void> onEvent(ConsumerRecord<String, String> record) {
        return erasureRequests.handle(CONSUMER, record, this::erase);
    }

    private Uni<Void> erase(String userId) {
        return projection.erase(userId)
                .flatMap(v -> outbox.record(new DataErased(userId, service, clock.instant().truncatedTo(ChronoUnit.MICROS))))
                .replaceWithVoid();
    }
}
