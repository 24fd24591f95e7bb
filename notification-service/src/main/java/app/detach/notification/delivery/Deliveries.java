package app.detach.notification.delivery;

import app.detach.notification.inbox.Notification;
import app.detach.notification.live.LiveSignal;
import app.detach.notification.preference.PreferenceStore;
import app.detach.notification.preference.Preferences;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Puts drafts into inboxes: decides when each becomes visible (quiet hours, daily cap), refuses
 * a second message for the same source, and signals the live stream when it is due now. Runs in
 * the caller's transaction, so a message exists exactly when the event that caused it is marked
 * processed.
 */
@ApplicationScoped
public class Deliveries {

    /** How many days ahead the cap may push a message before it gives up deferring (and delivers). */
    private static final int MAX_DEFERRAL_DAYS = 14;

    private final Clock clock;
    private final PreferenceStore preferences;
    private final LiveSignal live;
    private final int dailyCap;

    Deliveries(Clock clock, PreferenceStore preferences, LiveSignal live,
            @ConfigProperty(name = "detach.notification.daily-cap", defaultValue = "5") int dailyCap) {
        this.clock = clock;
        this.preferences = preferences;
        this.live = live;
        this.dailyCap = dailyCap;
    }

    /** @return the new message, or null when one for this source already existed */
    public Uni<Notification> deliver(Draft draft) {
        return preferences.of(draft.userId()).flatMap(prefs -> deliver(draft, prefs));
    }

    public Uni<Notification> deliver(Draft draft, Preferences prefs) {
        return existing(draft).flatMap(found -> found != null
                ? Uni.createFrom().nullItem()
                : insert(draft, prefs));
    }

    /**
     * Like {@link #deliver} but folds into the message with the same source when there is one and
     * it is not delivered yet or still unread (the daily new-guides digest).
     */
    public Uni<Notification> deliverOrMerge(Draft draft, Preferences prefs, UnaryOperator<Notification> merge) {
        return existing(draft).flatMap(found -> found == null
                ? insert(draft, prefs)
                : Uni.createFrom().item(merge.apply(found)));
    }

    private Uni<Notification> existing(Draft draft) {
        return Notification.<Notification>find("userId = ?1 and sourceKey = ?2", draft.userId(), draft.sourceKey())
                .firstResult();
    }

    /**
     * Like {@link #deliver}, but not before {@code notBefore} (a snoozed check-in); quiet hours and
     * the cap still apply from there.
     */
    public Uni<Notification> deliverNotBefore(Draft draft, Preferences prefs, Instant notBefore) {
        return existing(draft).flatMap(found -> found != null
                ? Uni.createFrom().nullItem()
                : insert(draft, prefs, notBefore));
    }

    private Uni<Notification> insert(Draft draft, Preferences prefs) {
        return insert(draft, prefs, clock.instant());
    }

    private Uni<Notification> insert(Draft draft, Preferences prefs, Instant notBefore) {
        Instant now = clock.instant();
        Instant candidate = notBefore.isAfter(now) ? notBefore : now;
        return plan(draft, prefs, candidate, 0).flatMap(deliverAt -> {
            Notification n = new Notification();
            n.id = UUID.randomUUID();
            n.userId = draft.userId();
            n.kind = draft.kind();
            n.title = draft.title();
            n.body = draft.body();
            n.link = draft.link();
            n.sourceKey = draft.sourceKey();
            n.urgent = !draft.capped();
            n.createdAt = now;
            n.deliverAt = deliverAt;
            n.emailStatus = prefs.wantsEmail(draft.kind()) ? "PENDING" : "NONE";
            boolean dueNow = !deliverAt.isAfter(now);
            if (dueNow) {
                n.dispatchedAt = now;
            }
            Uni<Notification> saved = n.persist().replaceWith(n);
            // NOTIFY inside the transaction: PostgreSQL delivers it only if the insert commits
            return dueNow ? saved.call(() -> live.signal(n, prefs)) : saved;
        });
    }

    /** The first instant at or after {@code candidate} outside quiet hours and, if capped, under the cap. */
    private Uni<Instant> plan(Draft draft, Preferences prefs, Instant candidate, int deferredDays) {
        Instant at = prefs.hasQuietHours()
                ? new QuietHours(prefs.quietStart(), prefs.quietEnd()).deferIfQuiet(candidate, prefs.zone())
                : candidate;
        if (!draft.capped() || deferredDays >= MAX_DEFERRAL_DAYS) {
            return Uni.createFrom().item(at);
        }
        // the user's day: in their zone, from their day-start hour
        LocalDate day = prefs.days().dayOf(at);
        Instant dayStart = prefs.days().startOf(day);
        Instant nextDay = prefs.days().startOf(day.plusDays(1));
        return Notification.count("userId = ?1 and urgent = false and deliverAt >= ?2 and deliverAt < ?3",
                        draft.userId(), dayStart, nextDay)
                .flatMap(count -> count < dailyCap
                        ? Uni.createFrom().item(at)
                        // full day: the message waits for the next day (never dropped)
                        : plan(draft, prefs, nextDay, deferredDays + 1));
    }
}
