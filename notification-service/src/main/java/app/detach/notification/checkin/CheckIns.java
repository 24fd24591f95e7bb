package app.detach.notification.checkin;

import app.detach.events.streak.CheckedIn;
import app.detach.notification.inbox.Notification;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What the check-in messages know of the user's own check-ins ("I kept no contact today",
 * checked-in events): a day with a check-in gets no reminder, and a reminder still waiting to be
 * shown (deferred by quiet hours, or snoozed) is withdrawn. One already shown stays: nothing more
 * is sent about it.
 */
@ApplicationScoped
public class CheckIns {

    private final Clock clock;

    CheckIns(Clock clock) {
        this.clock = clock;
    }

    /** The source key of a day's check-in message; snoozed ones extend it ({@code check-in:<day>:snooze:…}). */
    static String sourceKey(LocalDate day) {
        return "check-in:" + day;
    }

    static Uni<Boolean> checkedIn(String userId, LocalDate day) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "SELECT EXISTS (SELECT 1 FROM checked_in_day WHERE user_id = :u AND local_date = :d)", Boolean.class)
                .setParameter("u", userId)
                .setParameter("d", day)
                .getSingleResult());
    }

    /** Applies a checked-in event in the consumer's transaction. */
    public Uni<Void> checkedIn(CheckedIn event) {
        String day = sourceKey(event.localDate());
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                                "INSERT INTO checked_in_day (user_id, local_date, checked_in_at) VALUES (:u, :d, :at)"
                                        + " ON CONFLICT DO NOTHING")
                        .setParameter("u", event.userId())
                        .setParameter("d", event.localDate())
                        .setParameter("at", event.checkedInAt().atOffset(ZoneOffset.UTC))
                        .executeUpdate())
                .chain(() -> Notification.delete("userId = ?1 and kind = 'check-in' and deliverAt > ?2"
                                + " and (sourceKey = ?3 or sourceKey like ?4)",
                        event.userId(), clock.instant(), day, day + ":%"))
                .replaceWithVoid();
    }
}
