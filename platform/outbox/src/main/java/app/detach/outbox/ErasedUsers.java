package app.detach.outbox;

import jakarta.enterprise.context.ApplicationScoped;

import app.detach.events.EventData;
import app.detach.events.EventType;
import app.detach.events.UserEventData;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The users whose data this service has erased ({@code erased_user}). Erasure deletes a user's rows
 * when {@code erasure-requested} arrives, but events travel on several topics: an entry recorded
 * just before the erasure can reach a consumer after it and would bring a projection row back. So
 * the erasure remembers the id in its transaction, and consumers skip later events about that user
 * ({@link ConsumerTransactions#consume} does it for every consumer). The same table makes the
 * services refuse an erased user's access token that has not expired yet ({@link ErasedAccountFilter}).
 */
@ApplicationScoped
public class ErasedUsers {

    private final Pool pool;

    ErasedUsers(Pool pool) {
        this.pool = pool;
    }

    /**
     * Whether {@code userId} was erased here, outside any transaction: a primary-key lookup on the
     * reactive pool, usable from any thread (a request filter runs before the endpoint's session).
     */
    public Uni<Boolean> isErased(String userId) {
        return pool.preparedQuery("SELECT 1 FROM erased_user WHERE user_id = $1")
                .execute(Tuple.of(userId))
                .map(rows -> rows.size() > 0);
    }

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
