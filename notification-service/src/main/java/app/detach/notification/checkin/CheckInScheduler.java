package app.detach.notification.checkin;

import app.detach.notification.delivery.Deliveries;
import app.detach.notification.delivery.Draft;
import app.detach.notification.job.DueBatches;
import app.detach.notification.preference.Preference;
import app.detach.notification.preference.PreferenceStore;
import app.detach.notification.rule.Texts;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;


/**
 * Sends each user's daily check-in at their local time. Every user with the check-in on has a
 * {@code next_check_in_at} instant (indexed); each tick claims the due rows with
 * {@code FOR UPDATE SKIP LOCKED}, so several replicas share the work and never both take a user,
 * writes the message and moves the instant to the next local day in one transaction. The message's
 * source key is the local date, so a day's check-in exists at most once even after a crash.
 */
@ApplicationScoped
public class CheckInScheduler {

    private static final Logger LOG = Logger.getLogger(CheckInScheduler.class);
    static final int BATCH = 100;

    private final Clock clock;
    private final Deliveries deliveries;
    private final PreferenceStore preferences;

    CheckInScheduler(Clock clock, Deliveries deliveries, PreferenceStore preferences) {
        this.clock = clock;
        this.deliveries = deliveries;
        this.preferences = preferences;
    }

    @Scheduled(every = "${detach.notification.check-in.every:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "daily-check-in")
    Uni<Void> tick() {
        return DueBatches.drain(LOG, "daily check-in", () -> sendDue().map(n -> n == BATCH));
    }

    /** Sends the due check-ins of one batch; returns how many users it handled. */
    Uni<Integer> sendDue() {
        Instant now = clock.instant();
        return preferences.claimDue(PreferenceStore.Schedule.CHECK_IN, now, BATCH)
                .flatMap(rows -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Preference row : rows) {
                        chain = chain.call(() -> send(row, now));
                    }
                    return chain.replaceWith(rows.size());
                });
    }

    private Uni<?> send(Preference row, Instant now) {
        try {
            row.toPreferences();
        } catch (DateTimeException e) {
            // an unreadable stored zone must not block everyone else's check-in
            LOG.warnf("skipping check-in of a user with an unreadable time zone %s", row.timeZone);
            row.nextCheckInAt = now.plus(Duration.ofDays(1));
            return Uni.createFrom().voidItem();
        }
        return preferences.of(row).flatMap(prefs -> {
            // the user's day this check-in is for (their zone, their day-start hour)
            LocalDate day = prefs.days().dayOf(row.nextCheckInAt);
            // missed days (the service was down) are not sent late: the next one is after now
            row.nextCheckInAt = prefs.checkInEnabled() ? CheckInTimes.next(now, prefs.zone(), prefs.checkInTime()) : null;
            return CheckIns.checkedIn(row.userId, day).flatMap(done -> {
                if (done) {
                    return Uni.createFrom().voidItem(); // "I kept no contact today" already said: no reminder
                }
                Draft draft = new Draft(row.userId, "check-in", Texts.CHECK_IN.title(), Texts.CHECK_IN.body(),
                        Texts.QUICK_ACTIONS_LINK, CheckIns.sourceKey(day), false);
                return deliveries.deliver(draft, prefs);
            });
        });
    }

}
