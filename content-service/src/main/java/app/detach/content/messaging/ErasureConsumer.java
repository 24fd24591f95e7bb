package app.detach.content.messaging;

import app.detach.events.EventType;
import app.detach.events.account.DataErased;
import app.detach.events.account.ErasureRequested;
import app.detach.outbox.Outbox;
import app.detach.outbox.ProcessedEvents;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

/**
 * {@code erasure-requested}: deletes everything this service holds about the user (projection and
 * reading history) and records {@code data-erased} in the same transaction. Articles and audit
 * rows are editorial records, not the reader's data.
 */
@ApplicationScoped
public class ErasureConsumer {

    static final String CONSUMER = "content-service.account";
    private static final Set<EventType> HANDLED = Set.of(EventType.ERASURE_REQUESTED);

    private final ProcessedEvents processed;
    private final ReaderProjection projection;
    private final Outbox outbox;
    private final Clock clock;
    private final String service;

    ErasureConsumer(ProcessedEvents processed, ReaderProjection projection, Outbox outbox, Clock clock,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.processed = processed;
        this.projection = projection;
        this.outbox = outbox;
        this.clock = clock;
        this.service = service;
    }

    @Incoming("account-events")
    @WithTransaction
    public Uni<Void> onEvent(ConsumerRecord<String, String> record) {
        Optional<IncomingEvent> event = IncomingEvent.read(record, HANDLED);
        if (event.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        IncomingEvent e = event.get();
        ErasureRequested request = e.as(ErasureRequested.class);
        return processed.firstTime(CONSUMER, e.id()).flatMap(first -> first
                ? projection.erase(request.userId())
                        .flatMap(v -> outbox.record(new DataErased(request.userId(), service,
                                clock.instant().truncatedTo(ChronoUnit.MICROS))))
                        .replaceWithVoid()
                : Uni.createFrom().voidItem());
    }
}
