package app.detach.notification.rule;

import app.detach.events.journal.EntryDeleted;
import app.detach.events.journal.EntryRecorded;
import app.detach.notification.delivery.Deliveries;
import app.detach.notification.delivery.Draft;
import app.detach.notification.inbox.Notification;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A run of low moods: {@value #LOW_NEEDED} of the last {@value #WINDOW} journal moods at or below
 * {@value #LOW_MOOD}. The service keeps only those last moods per user (table mood_entry), never
 * anything else of the entry. At most one suggestion per user and {@link #QUIET_PERIOD}.
 */
@ApplicationScoped
public class MoodRule {

    static final int WINDOW = 5;
    static final int LOW_NEEDED = 3;
    static final int LOW_MOOD = 3;
    static final Duration QUIET_PERIOD = Duration.ofDays(7);

    private final Deliveries deliveries;
    private final Clock clock;

    MoodRule(Deliveries deliveries, Clock clock) {
        this.deliveries = deliveries;
        this.clock = clock;
    }

    public Uni<Void> entryRecorded(EntryRecorded e) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                                "INSERT INTO mood_entry (user_id, entry_id, recorded_at, mood) VALUES (:u, :e, :at, :m)"
                                        + " ON CONFLICT (user_id, entry_id) DO UPDATE SET mood = EXCLUDED.mood")
                        .setParameter("u", e.userId()).setParameter("e", e.entryId())
                        .setParameter("at", e.recordedAt().atOffset(ZoneOffset.UTC)).setParameter("m", e.mood())
                        .executeUpdate()
                        .chain(() -> s.createNativeQuery("DELETE FROM mood_entry WHERE user_id = :u AND entry_id NOT IN"
                                        + " (SELECT entry_id FROM mood_entry WHERE user_id = :u ORDER BY recorded_at DESC LIMIT "
                                        + WINDOW + ")")
                                .setParameter("u", e.userId()).executeUpdate())
                        .chain(() -> s.createNativeQuery("SELECT mood FROM mood_entry WHERE user_id = :u",
                                        Integer.class)
                                .setParameter("u", e.userId()).getResultList()))
                .flatMap(moods -> isLowRun(moods) ? suggest(e) : Uni.createFrom().voidItem());
    }

    public Uni<Void> entryDeleted(EntryDeleted e) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "DELETE FROM mood_entry WHERE user_id = :u AND entry_id = :e")
                .setParameter("u", e.userId()).setParameter("e", e.entryId()).executeUpdate()).replaceWithVoid();
    }

    static boolean isLowRun(List<Integer> lastMoods) {
        return lastMoods.stream().filter(m -> m <= LOW_MOOD).count() >= LOW_NEEDED;
    }

    private Uni<Void> suggest(EntryRecorded e) {
        Instant since = clock.instant().minus(QUIET_PERIOD);
        return Notification.count("userId = ?1 and kind = 'low-mood' and createdAt > ?2", e.userId(), since)
                .flatMap(recent -> recent > 0
                        ? Uni.createFrom().voidItem()
                        : deliveries.deliver(new Draft(e.userId(), "low-mood", Texts.LOW_MOOD.title(),
                                Texts.LOW_MOOD.body(), Texts.HELP_LINK, "low-mood:" + e.entryId(), false))
                                .replaceWithVoid());
    }
}
