package app.detach.notification.delivery;

import app.detach.notification.inbox.Notification;
import app.detach.notification.live.LiveSignal;
import app.detach.notification.preference.PreferenceStore;
import app.detach.notification.preference.Preferences;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

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
     * The same rules as {@link #deliver} for many users at once (one fan-out chunk), in a fixed
     * number of statements whatever the number of users: one read of the messages that already
     * exist for these sources, one of the users' capped messages, one batched insert, one NOTIFY
     * statement. When {@code merge} is not null, an existing message for the same source is folded
     * into instead of skipped (the daily new-guides digest).
     *
     * @param drafts at most one per user
     * @param prefs  every drafted user's preferences
     */
    public Uni<Void> deliverAll(List<Draft> drafts, Map<String, Preferences> prefs, UnaryOperator<Notification> merge) {
        if (drafts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> users = drafts.stream().map(Draft::userId).toList();
        Set<String> keys = drafts.stream().map(Draft::sourceKey).collect(Collectors.toSet());
        return Notification.<Notification>list("userId in ?1 and sourceKey in ?2", users, keys).flatMap(found -> {
            Map<String, Notification> existing = new HashMap<>();
            found.forEach(n -> existing.put(n.userId + "\n" + n.sourceKey, n));
            List<Draft> fresh = new ArrayList<>();
            for (Draft draft : drafts) {
                Notification same = existing.get(draft.userId() + "\n" + draft.sourceKey());
                if (same == null) {
                    fresh.add(draft);
                } else if (merge != null) {
                    merge.apply(same); // a managed entity: written back when the transaction flushes
                }
            }
            return insertAll(fresh, prefs);
        });
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
        return cappedTimes(draft.capped() ? List.of(draft.userId()) : List.of(), now).flatMap(capped -> {
            Notification n = message(draft, prefs, plan(draft, prefs, candidate, capped.getOrDefault(draft.userId(), List.of())), now);
            Uni<Notification> saved = n.persist().replaceWith(n);
            // NOTIFY inside the transaction: PostgreSQL delivers it only if the insert commits
            return n.dispatchedAt != null ? saved.call(() -> live.signal(n, prefs)) : saved;
        });
    }

    private Uni<Void> insertAll(List<Draft> drafts, Map<String, Preferences> prefs) {
        if (drafts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant();
        return cappedTimes(drafts.stream().filter(Draft::capped).map(Draft::userId).toList(), now).flatMap(capped -> {
            List<Notification> messages = new ArrayList<>();
            for (Draft draft : drafts) {
                Preferences p = prefs.get(draft.userId());
                messages.add(message(draft, p, plan(draft, p, now, capped.getOrDefault(draft.userId(), List.of())), now));
            }
            List<LiveSignal.Ready> dueNow = messages.stream()
                    .filter(n -> n.dispatchedAt != null && prefs.get(n.userId).inApp()).map(LiveSignal.Ready::of).toList();
            return Panache.getSession().flatMap(s -> s.persistAll(messages.toArray()))
                    .call(() -> live.signalAll(dueNow));
        });
    }

    private Notification message(Draft draft, Preferences prefs, Instant deliverAt, Instant now) {
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
        if (!deliverAt.isAfter(now)) {
            n.dispatchedAt = now;
        }
        return n;
    }

    /**
     * When each user's capped (non-urgent) messages are delivered, from two days back: the user's
     * day that holds any instant from now on starts at most 25 hours earlier (a DST day).
     */
    private Uni<Map<String, List<Instant>>> cappedTimes(List<String> users, Instant now) {
        if (users.isEmpty()) {
            return Uni.createFrom().item(Map.of()); // urgent messages ignore the cap
        }
        return Panache.getSession().flatMap(s -> s.createSelectionQuery("select n.userId, n.deliverAt from Notification n"
                                + " where n.userId in :users and n.urgent = false and n.deliverAt >= :from", Object[].class)
                        .setParameter("users", users)
                        .setParameter("from", now.minus(Duration.ofDays(2)))
                        .getResultList())
                .map(rows -> rows.stream().collect(Collectors.groupingBy(r -> (String) r[0],
                        Collectors.mapping(r -> (Instant) r[1], Collectors.toList()))));
    }

    /**
     * The first instant at or after {@code candidate} outside quiet hours and, if capped, on a day
     * of the user's with fewer than the cap of capped messages ({@code capped}: their delivery times).
     * A full day defers the message to the next (never dropped), up to {@value #MAX_DEFERRAL_DAYS} days.
     */
    Instant plan(Draft draft, Preferences prefs, Instant candidate, List<Instant> capped) {
        Instant at = candidate;
        for (int deferredDays = 0; ; deferredDays++) {
            at = prefs.hasQuietHours()
                    ? new QuietHours(prefs.quietStart(), prefs.quietEnd()).deferIfQuiet(at, prefs.zone())
                    : at;
            if (!draft.capped() || deferredDays >= MAX_DEFERRAL_DAYS) {
                return at;
            }
            // the user's day: in their zone, from their day-start hour
            LocalDate day = prefs.days().dayOf(at);
            Instant dayStart = prefs.days().startOf(day);
            Instant nextDay = prefs.days().startOf(day.plusDays(1));
            long count = capped.stream().filter(t -> !t.isBefore(dayStart) && t.isBefore(nextDay)).count();
            if (count < dailyCap) {
                return at;
            }
            at = nextDay;
        }
    }
}
