package app.detach.content.messaging;

import app.detach.events.EventType;
import app.detach.events.streak.ContactKind;
import app.detach.events.streak.ContactLogged;
import app.detach.events.streak.StreakReset;
import app.detach.events.streak.StreakStarted;
import app.detach.events.streak.UrgeResisted;
import app.detach.outbox.ConsumerTransactions;
import app.detach.outbox.IncomingEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Clock;

/** Projects {@code detach.streak.v1} into the reader state: streak start and zone, slips, contacts, urges. */
@ApplicationScoped
public class StreakEventsConsumer {

    static final String CONSUMER = "content-service.streak";

    private final ConsumerTransactions transactions;
    private final ReaderProjection projection;
    private final Clock clock;

    StreakEventsConsumer(ConsumerTransactions transactions, ReaderProjection projection, Clock clock) {
        this.transactions = transactions;
        this.projection = projection;
        this.clock = clock;
    }

    @Incoming("streak-events")
    public Uni<Void> onEvent(ConsumerRecord<String, String> record) {
        return transactions.consume(CONSUMER, record, this::apply, EventType.STREAK_STARTED, EventType.STREAK_RESET,
                EventType.CONTACT_LOGGED, EventType.URGE_RESISTED);
    }

    private Uni<Void> apply(IncomingEvent e) {
        var now = clock.instant();
        return switch (e.type()) {
            case STREAK_STARTED -> {
                StreakStarted d = (StreakStarted) e.data();
                yield projection.streakStarted(d.userId(), d.startedAt(), d.timeZone(), now);
            }
            case STREAK_RESET -> {
                StreakReset d = (StreakReset) e.data();
                yield projection.streakReset(d.userId(), d.resetAt(), now);
            }
            case CONTACT_LOGGED -> {
                ContactLogged d = (ContactLogged) e.data();
                if (d.breaksStreak()) {
                    yield projection.slipped(d.userId(), d.occurredAt(), now);
                }
                yield d.kind() == ContactKind.THEY_CONTACTED_IGNORED
                        ? projection.reachedOut(d.userId(), d.occurredAt(), now)
                        : Uni.createFrom().voidItem();
            }
            case URGE_RESISTED -> {
                UrgeResisted d = (UrgeResisted) e.data();
                yield projection.urge(d.userId(), d.urgeId(), d.intensity(), d.occurredAt());
            }
            default -> Uni.createFrom().voidItem();
        };
    }
}
