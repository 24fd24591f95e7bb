package app.detach.notification.checkin;

import app.detach.notification.delivery.Deliveries;
import app.detach.notification.delivery.Draft;
import app.detach.notification.inbox.Notification;
import app.detach.notification.preference.PreferenceStore;
import app.detach.notification.rule.Texts;
import app.detach.rest.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * "Later": today's check-in comes again after {@code detach.notification.check-in.snooze} (1 h),
 * as a new message — still deferred by quiet hours, and withdrawn if the user checks in first.
 * Snoozing again replaces a snoozed message that is still waiting.
 */
@ApplicationScoped
public class CheckInSnooze {

    private final Clock clock;
    private final PreferenceStore preferences;
    private final Deliveries deliveries;
    private final Duration snooze;

    CheckInSnooze(Clock clock, PreferenceStore preferences, Deliveries deliveries,
            @ConfigProperty(name = "detach.notification.check-in.snooze", defaultValue = "PT1H") Duration snooze) {
        this.clock = clock;
        this.preferences = preferences;
        this.deliveries = deliveries;
        this.snooze = snooze;
    }

    /** @return when the check-in comes again; 409 when there is no check-in today to snooze. Needs a transaction. */
    public Uni<Instant> snooze(String userId) {
        Instant now = clock.instant();
        return preferences.of(userId).flatMap(prefs -> {
            LocalDate today = prefs.days().dayOf(now);
            String key = CheckIns.sourceKey(today);
            Uni<Notification> shown = CheckIns.checkedIn(userId, today).flatMap(done -> {
                if (done) {
                    throw ProblemException.conflict("You already checked in today: there is nothing to snooze.");
                }
                return Notification.<Notification>find("userId = ?1 and sourceKey = ?2 and deliverAt <= ?3",
                        userId, key, now).firstResult();
            });
            return shown.flatMap(message -> {
                if (message == null) {
                    throw ProblemException.conflict("There is no check-in today to snooze.");
                }
                if (message.readAt == null) {
                    message.readAt = now; // answered with "later": it no longer counts as unread
                }
                // snoozing again replaces a snoozed check-in that is still waiting
                return Notification.delete("userId = ?1 and deliverAt > ?2 and sourceKey like ?3",
                        userId, now, key + ":snooze:%");
            }).flatMap(withdrawn -> {
                Draft again = new Draft(userId, "check-in", Texts.CHECK_IN_AGAIN.title(), Texts.CHECK_IN_AGAIN.body(),
                        Texts.QUICK_ACTIONS_LINK, key + ":snooze:" + now.toEpochMilli(), false);
                return deliveries.deliverNotBefore(again, prefs, now.plus(snooze));
            }).map(message -> message.deliverAt);
        });
    }
}
