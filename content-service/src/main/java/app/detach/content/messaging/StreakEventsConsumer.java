package app.detach.content.messaging;

import app.detach.events.EventType;
import app.detach.events.streak.ContactKind;
import app.detach.events.streak.ContactLogged;
import app.detach.events.streak.StreakReset;
import app.detach.events.streak.StreakStarted;
import app.detach.events.streak.UrgeResisted;
import app.detach.outbox.ProcessedEvents;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/** Projects {@code detach.streak.v1} into the reader state: streak start and zone, slips, contacts, urges. */
@ApplicationScoped
public class StreakEventsConsumer {

    static final String CONSUMER = "content-service.streak";
    private static final Set<EventType> HANDLED = Set.of(EventType.STREAK_STARTED, EventType.STREAK_RESET,
            EventType.CONTACT_LOGGED, EventType.URGE_RESISTED);

    private final ProcessedEvents processed;
    private final ReaderProjection projection;
    private final Clock clock;

    StreakEventsConsumer(ProcessedEvents processed, ReaderProjection projection, Clock clock) {
        this.processed = processed;
        this.projection = projection;
        this.clock = clock;
    }

    @Incoming("streak-events")
    @WithTransaction
    public Uni<Void> onEvent(ConsumerRecord<String, String> record) {
        Optional<IncomingEvent> event = IncomingEvent.read(record, HANDLED);
        if (event.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        IncomingEvent e = event.get();
        return processed.firstTime(CONSUMER, e.id())
                .flatMap(first -> first ? apply(e) : Uni.createFrom().voidItem());
    }

    private Uni<Void> apply(IncomingEvent e) {
        var now = clock.instant();
        return switch (e.type()) {
            case STREAK_STARTED -> {
                StreakStarted d = e.as(StreakStarted.class);
                yield projection.streakStarted(d.userId(), d.startedAt(), d.timeZone(), now);
            }
            case STREAK_RESET -> {
                StreakReset d = e.as(StreakReset.class);
                yield projection.streakReset(d.userId(), d.resetAt(), now);
            }
            case CONTACT_LOGGED -> {
                ContactLogged d = e.as(ContactLogged.class);
                if (d.breaksStreak()) {
                    yield projection.slipped(d.userId(), d.occurredAt(), now);
                }
                yield d.kind() == ContactKind.THEY_CONTACTED_IGNORED
                        ? projection.reachedOut(d.userId(), d.occurredAt(), now)
                        : Uni.createFrom().voidItem();
            }
            case URGE_RESISTED -> {
                UrgeResisted d = e.as(UrgeResisted.class);
                yield projection.urge(d.userId(), d.urgeId(), d.intensity(), d.occurredAt());
            }
            default -> Uni.createFrom().voidItem();
        };
    }
}
