package app.detach.notification.export;

import app.detach.notification.delivery.Deliveries;
import app.detach.notification.delivery.Draft;
import app.detach.notification.job.DueBatches;
import app.detach.notification.preference.Preference;
import app.detach.notification.preference.PreferenceStore;
import app.detach.notification.preference.Preferences;
import app.detach.notification.rule.Texts;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Sends the weekly export email to the users who asked for it: on Sunday at 10:00 in their zone, a
 * message saying their archive is ready, linking to the download in the app (behind sign-in; the
 * archive is never attached, see ADR 0005). Claims due rows like the daily check-in does (replica
 * safe), writes the message and moves the instant to the next Sunday in one transaction; the local
 * Sunday is the source key, so a week's email exists at most once even after a crash. A week missed
 * while the service was down is sent once when it is back, not skipped: a late reminder to save a
 * copy is still worth having.
 */
@ApplicationScoped
public class WeeklyExportScheduler {

    private static final Logger LOG = Logger.getLogger(WeeklyExportScheduler.class);
    static final int BATCH = 100;

    private final Clock clock;
    private final Deliveries deliveries;
    private final PreferenceStore preferences;

    WeeklyExportScheduler(Clock clock, Deliveries deliveries, PreferenceStore preferences) {
        this.clock = clock;
        this.deliveries = deliveries;
        this.preferences = preferences;
    }

    @Scheduled(every = "${detach.notification.weekly-export.every:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "weekly-export")
    Uni<Void> tick() {
        return DueBatches.drain(LOG, "weekly export", () -> sendDue().map(n -> n == BATCH));
    }

    /** Writes the due weekly export messages of one batch; returns how many users it handled. */
    Uni<Integer> sendDue() {
        Instant now = clock.instant();
        return preferences.claimDue(PreferenceStore.Schedule.WEEKLY_EXPORT, now, BATCH).flatMap(rows -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Preference row : rows) {
                chain = chain.call(() -> send(row, now));
            }
            return chain.replaceWith(rows.size());
        });
    }

    private Uni<?> send(Preference row, Instant now) {
        try {
            ZoneId.of(row.timeZone);
        } catch (DateTimeException e) {
            // an unreadable stored zone must not block everyone else's email
            LOG.warnf("skipping the weekly export of a user with an unreadable time zone %s", row.timeZone);
            row.nextExportAt = WeeklyExportTimes.next(now, ZoneId.of("UTC"));
            return Uni.createFrom().voidItem();
        }
        return preferences.of(row).flatMap(prefs -> {
            LocalDate week = WeeklyExportTimes.weekOf(row.nextExportAt, prefs.zone());
            row.nextExportAt = prefs.weeklyExport() ? WeeklyExportTimes.next(now, prefs.zone()) : null;
            if (!prefs.wantsEmail(Preferences.WEEKLY_EXPORT_KIND)) {
                return Uni.createFrom().voidItem();
            }
            Draft draft = new Draft(row.userId, Preferences.WEEKLY_EXPORT_KIND, Texts.WEEKLY_EXPORT.title(),
                    Texts.WEEKLY_EXPORT.body(), Texts.ARCHIVE_LINK, "weekly-export:" + week, false);
            return deliveries.deliver(draft, prefs);
        });
    }
}
