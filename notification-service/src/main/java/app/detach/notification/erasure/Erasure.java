package app.detach.notification.erasure;

import app.detach.events.account.DataErased;
import app.detach.outbox.ErasedUsers;
import app.detach.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;

/**
 * Erases everything this service holds about a user - inbox, preferences (with the email address
 * and check-in schedule), the mood projection, day settings, check-in days and dead letters keyed by
 * the user - and records {@code data-erased} in the same transaction, remembering the user as
 * erased so that events arriving later are skipped ({@link ErasedUsers}).
 */
@ApplicationScoped
public class Erasure {

    public static final String SERVICE = "notification-service";

    private final Outbox outbox;
    private final ErasedUsers erased;
    private final Clock clock;

    Erasure(Outbox outbox, ErasedUsers erased, Clock clock) {
        this.outbox = outbox;
        this.erased = erased;
        this.clock = clock;
    }

    public Uni<Void> erase(String userId) {
        return Panache.getSession().flatMap(s -> s
                        .createNativeQuery("DELETE FROM notification WHERE user_id = :u").setParameter("u", userId)
                        .executeUpdate()
                        .chain(() -> s.createNativeQuery("DELETE FROM preference WHERE user_id = :u")
                                .setParameter("u", userId).executeUpdate())
                        .chain(() -> s.createNativeQuery("DELETE FROM mood_entry WHERE user_id = :u")
                                .setParameter("u", userId).executeUpdate())
                        .chain(() -> s.createNativeQuery("DELETE FROM day_settings WHERE user_id = :u")
                                .setParameter("u", userId).executeUpdate())
                        .chain(() -> s.createNativeQuery("DELETE FROM checked_in_day WHERE user_id = :u")
                                .setParameter("u", userId).executeUpdate())
                        .chain(() -> s.createNativeQuery("DELETE FROM dead_letter WHERE record_key = :u")
                                .setParameter("u", userId).executeUpdate()))
                .chain(() -> outbox.record(new DataErased(userId, SERVICE, clock.instant())))
                // later events about the user (another topic, a replay) must not bring rows back
                .call(() -> erased.remember(userId))
                .replaceWithVoid();
    }
}
