package app.detach.journal.messaging;

import app.detach.events.EventType;
import app.detach.events.streak.DaySettingsChanged;
import app.detach.events.streak.StreakReset;
import app.detach.events.streak.StreakStarted;
import app.detach.journal.daysettings.DaySettingsProjection;
import app.detach.journal.streak.Streaks;
import app.detach.outbox.ConsumerTransactions;
import app.detach.outbox.IncomingEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Clock;

/**
 * Keeps the local projections of detach.streak.v1 up to date: the streak (for the no-contact day
 * and the prompt stage) and the user's day settings (for the days of insights).
 */
@ApplicationScoped
public class StreakEventsConsumer {

    static final String CONSUMER = "journal-service.streak";

    private final Streaks streaks;
    private final DaySettingsProjection daySettings;
    private final ConsumerTransactions transactions;
    private final Clock clock;

    StreakEventsConsumer(Streaks streaks, DaySettingsProjection daySettings, ConsumerTransactions transactions,
            Clock clock) {
        this.streaks = streaks;
        this.daySettings = daySettings;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Incoming("streak-events")
    public Uni<Void> onStreakEvent(ConsumerRecord<String, String> record) {
        return transactions.consume(CONSUMER, record, this::apply,
                EventType.STREAK_STARTED, EventType.STREAK_RESET, EventType.DAY_SETTINGS_CHANGED);
    }

    private Uni<Void> apply(IncomingEvent event) {
        if (event.data() instanceof StreakStarted started) {
            return streaks.started(started.userId(), started.streakId(), started.startedAt(), started.timeZone(),
                    clock.instant());
        }
        if (event.data() instanceof DaySettingsChanged changed) {
            return daySettings.changed(changed, clock.instant());
        }
        StreakReset reset = (StreakReset) event.data();
        return streaks.reset(reset.userId(), reset.streakId(), reset.resetAt(), clock.instant());
    }
}
