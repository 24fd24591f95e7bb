package app.detach.notification.rule;

import app.detach.events.content.ArticlePublished;
import app.detach.events.streak.ContactLogged;
import app.detach.events.streak.MilestoneReached;
import app.detach.events.streak.UrgeResisted;
import app.detach.notification.delivery.Deliveries;
import app.detach.notification.delivery.Draft;
import app.detach.notification.fanout.FanOutJobs;
import app.detach.notification.inbox.Notification;
import app.detach.notification.preference.PreferenceStore;
import app.detach.notification.preference.Preferences;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * From streak and content events (and admin broadcasts) to messages. Each method runs in the
 * caller's transaction: the consumer's, or one fan-out chunk's.
 */
@ApplicationScoped
public class Rules {

    private final Deliveries deliveries;
    private final PreferenceStore preferences;
    private final Clock clock;
    private final FanOutJobs jobs;

    Rules(Deliveries deliveries, PreferenceStore preferences, Clock clock, FanOutJobs jobs) {
        this.deliveries = deliveries;
        this.preferences = preferences;
        this.clock = clock;
        this.jobs = jobs;
    }

    public Uni<Void> milestoneReached(MilestoneReached e) {
        Texts.Text text = Texts.milestone(e.day());
        return deliveries.deliver(new Draft(e.userId(), "milestone", text.title(), text.body(), Texts.STREAK_LINK,
                "milestone:" + e.streakId() + ":" + e.day(), true)).replaceWithVoid();
    }

    public Uni<Void> contactLogged(ContactLogged e) {
        if (!e.breaksStreak()) {
            return Uni.createFrom().voidItem(); // contact that did not break the streak needs no comfort message
        }
        return deliveries.deliver(new Draft(e.userId(), "slip", Texts.SLIP.title(), Texts.SLIP.body(),
                Texts.AFTER_A_SLIP_LINK, "slip:" + e.contactId(), false)).replaceWithVoid();
    }

    /** At most one encouragement per user and day (the user's day): the day is part of the source key. */
    public Uni<Void> urgeResisted(UrgeResisted e) {
        return preferences.of(e.userId()).flatMap(prefs -> {
            LocalDate today = prefs.days().dayOf(clock.instant());
            return deliveries.deliver(new Draft(e.userId(), "urge-resisted", Texts.URGE_RESISTED.title(),
                    Texts.URGE_RESISTED.body(), Texts.STREAK_LINK, "urge:" + today, true), prefs);
        }).replaceWithVoid();
    }

    /**
     * The digest of new guides is for every opted-in user: the event only records a fan-out job
     * (keyed by the event id), which {@code FanOutWorker} delivers in chunks through
     * {@link #newGuides}.
     */
    public Uni<Void> articlePublished(String eventId, ArticlePublished e) {
        return jobs.newGuides(eventId, e.title(), e.slug());
    }

    /**
     * One digest per opted-in user and the user's day: the first article makes the message, later
     * ones the same day are added to it. {@code users}: one fan-out chunk, with their preferences.
     */
    public Uni<Void> newGuides(Map<String, Preferences> users, String title, String slug) {
        String line = "\n• " + title;
        Instant now = clock.instant();
        List<Draft> drafts = users.entrySet().stream().map(u -> new Draft(u.getKey(), "new-guides", Texts.NEW_GUIDES_TITLE,
                Texts.NEW_GUIDES_INTRO + line, Texts.GUIDES_LINK + "/" + slug,
                "new-guides:" + u.getValue().days().dayOf(now), true)).toList();
        return deliveries.deliverAll(drafts, users, existing -> merge(existing, line));
    }

    /** One copy of an admin broadcast per user (the broadcast id is the source key). */
    public Uni<Void> broadcast(Map<String, Preferences> users, String broadcastId, String title, String body, String link) {
        List<Draft> drafts = users.keySet().stream()
                .map(user -> new Draft(user, "broadcast", title, body, link, "broadcast:" + broadcastId, true)).toList();
        return deliveries.deliverAll(drafts, users, null);
    }

    private static Notification merge(Notification digest, String line) {
        if (!digest.body.contains(line)) { // the same article republished the same day is listed once
            digest.body = digest.body + line;
            digest.link = Texts.GUIDES_LINK; // several guides: point to the list
        }
        return digest;
    }
}
