package app.detach.outbox;

import jakarta.enterprise.context.ApplicationScoped;

import app.detach.events.EventData;
import app.detach.events.EventType;
import app.detach.events.UserEventData;
import io.smallrye.mutiny.Uni;

/**
 * The users whose data this service has erased ({@code erased_user}). Erasure deletes a user's rows
 * when {@code erasure-requested} arrives, but events travel on several topics: an entry recorded
 * just before the erasure can reach a consumer after it and would bring a projection row back. So
 * the erasure remembers the id in its transaction, and consumers skip later events about that user
 * ({@link ConsumerTransactions#consume} does it for every consumer).
 */
@ApplicationScoped
public class ErasedUsers {

    /** Remembers that {@code userId} was erased, in the caller's transaction (the erasure's). */
    public Uni<Void> remember(String userId) {
        return Transactions.requireCurrent("ErasedUsers.remember")
                .flatMap(session -> session.createNativeQuery(
                                "INSERT INTO erased_user (user_id) VALUES (:user) ON CONFLICT DO NOTHING")
                        .setParameter("user", userId)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * Whether an event is about a user erased here, so it must not be applied. The erasure request
     * itself never is (a redelivered one is a no-op anyway), nor an event about no user (content).
     */
    public Uni<Boolean> concernsErasedUser(EventType type, EventData data) {
        if (type == EventType.ERASURE_REQUESTED || !(data instanceof UserEventData user)) {
            return Uni.createFrom().item(false);
        }
        return Transactions.requireCurrent("ErasedUsers.concernsErasedUser")
                .flatMap(session -> session.createNativeQuery(
                                "SELECT count(*) FROM erased_user WHERE user_id = :user", Long.class)
                        .setParameter("user", user.userId())
                        .getSingleResult())
                .map(count -> count > 0);
    }
}
