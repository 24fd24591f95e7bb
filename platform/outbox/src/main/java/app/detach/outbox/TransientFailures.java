package app.detach.outbox;

import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import org.hibernate.StaleStateException;

import app.detach.events.InvalidEventException;
import io.smallrye.mutiny.CompositeException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;

/**
 * Which failures of a consumer's transaction are worth another try: those of the moment (the
 * database lost the connection, restarted, chose this transaction as a deadlock or serialization
 * victim, had no connection or lock to spare, timed out) rather than of the record or the code.
 * <p>
 * Anything else fails at once, as before: a poison record ({@link PoisonRecordException},
 * {@link InvalidEventException}) never is retried, even with a transient cause inside, and neither
 * is a deterministic failure (a constraint violation, a bug), which would only fail again.
 * Hibernate Reactive reports database errors as {@code JDBCException}s around an
 * {@link SQLException}; the Vert.x client as {@link DatabaseException}s: the cause chain is searched
 * for either and its SQLSTATE read.
 */
public final class TransientFailures {

    /** SQLSTATE classes of the moment: 08 connection exception, 53 insufficient resources. */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "53");
    /**
     * Single SQLSTATEs: 40001 serialization_failure, 40P01 deadlock_detected, 55P03
     * lock_not_available, 57014 query_canceled (statement timeout), 57P01 admin_shutdown, 57P02
     * crash_shutdown, 57P03 cannot_connect_now.
     */
    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "55P03", "57014", "57P01", "57P02",
            "57P03");
    private static final int MAX_DEPTH = 20;

    private TransientFailures() {
    }

    /** Whether another attempt, in a new transaction, may succeed. */
    public static boolean isTransient(Throwable failure) {
        return !isPoison(failure) && chain(failure).stream().anyMatch(TransientFailures::isTransientItself);
    }

    /** Whether the record itself is at fault (it can never be processed). */
    public static boolean isPoison(Throwable failure) {
        return chain(failure).stream()
                .anyMatch(t -> t instanceof PoisonRecordException || t instanceof InvalidEventException);
    }

    /** The first SQLSTATE in the failure's cause chain, or {@code null}. */
    public static String sqlState(Throwable failure) {
        return chain(failure).stream().map(TransientFailures::stateOf).filter(Objects::nonNull).findFirst()
                .orElse(null);
    }

    private static boolean isTransientItself(Throwable t) {
        String state = stateOf(t);
        if (state != null) {
            return TRANSIENT_STATES.contains(state)
                    || state.length() == 5 && TRANSIENT_CLASSES.contains(state.substring(0, 2));
        }
        return t instanceof ClosedConnectionException // the connection went away mid-transaction
                || t instanceof SocketException || t instanceof ClosedChannelException
                || t instanceof TimeoutException // also the pool's acquisition timeout
                || t instanceof io.smallrye.mutiny.TimeoutException // ifNoItem().after(...).fail()
                || t instanceof OptimisticLockException || t instanceof StaleStateException
                || t instanceof PessimisticLockException || t instanceof LockTimeoutException;
    }

    private static String stateOf(Throwable t) {
        return t instanceof DatabaseException db ? db.getSqlState()
                : t instanceof SQLException sql ? sql.getSQLState() : null;
    }

    /**
     * The failure and its causes, outermost first, with every failure a {@link CompositeException}
     * holds (a failed attempt whose rollback failed too). Bounded: cause chains can loop.
     */
    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.add(failure);
        while (!pending.isEmpty() && chain.size() < MAX_DEPTH) {
            Throwable t = pending.poll();
            if (t == null || chain.contains(t)) {
                continue;
            }
            chain.add(t);
            if (t instanceof CompositeException composite) {
                pending.addAll(composite.getCauses());
            }
            if (t.getCause() != null) {
                pending.add(t.getCause());
            }
        }
        return chain;
    }
}
