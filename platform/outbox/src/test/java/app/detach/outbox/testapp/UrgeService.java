package app.detach.outbox.testapp;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.detach.events.EventType;
import app.detach.events.streak.UrgeResisted;
import app.detach.outbox.Outbox;
import app.detach.outbox.ProcessedEvents;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** A state change and its event in one transaction, the way services use the outbox. */
@ApplicationScoped
public class UrgeService {

    private final Outbox outbox;
    private final ProcessedEvents processed;

    UrgeService(Outbox outbox, ProcessedEvents processed) {
        this.outbox = outbox;
        this.processed = processed;
    }

    /** Logs an urge and records urge-resisted; with {@code failAfterRecord} the transaction then fails. */
    @WithTransaction
    public Uni<UUID> log(String userId, int intensity, boolean failAfterRecord) {
        LoggedUrge urge = newUrge(userId, intensity);
        return urge.persist()
                .flatMap(ignored -> outbox.record(new UrgeResisted(userId, urge.id, intensity, urge.occurredAt)))
                .invoke(() -> {
                    if (failAfterRecord) {
                        throw new IllegalStateException("failing after the event was recorded");
                    }
                })
                .replaceWith(urge.id);
    }

    /** Records an event through the generic API, with data that breaks the schema. */
    @WithTransaction
    public Uni<UUID> logInvalid(String userId) {
        LoggedUrge urge = newUrge(userId, 11);
        return urge.persist().flatMap(ignored -> outbox.record(EventType.URGE_RESISTED, userId, urge.id.toString(),
                new UrgeResisted(userId, urge.id, 11, urge.occurredAt)));
    }

    /** Wrong use: a session but no transaction. */
    @WithSession
    public Uni<UUID> logWithoutTransaction(String userId) {
        LoggedUrge urge = newUrge(userId, 5);
        return outbox.record(new UrgeResisted(userId, urge.id, 5, urge.occurredAt));
    }

    @WithTransaction
    public Uni<Boolean> firstTime(String consumer, String eventId) {
        return processed.firstTime(consumer, eventId);
    }

    @WithSession
    public Uni<Boolean> firstTimeWithoutTransaction(String consumer, String eventId) {
        return processed.firstTime(consumer, eventId);
    }

    private static LoggedUrge newUrge(String userId, int intensity) {
        LoggedUrge urge = new LoggedUrge();
        urge.id = UUID.randomUUID();
        urge.userId = userId;
        urge.intensity = intensity;
        urge.occurredAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return urge;
    }
}
