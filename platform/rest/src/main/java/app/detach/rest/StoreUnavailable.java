package app.detach.rest;

import java.lang.reflect.Method;
import java.net.NoRouteToHostException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Tells a database outage (PostgreSQL down, restarting or refusing connections) from a bug, by the
 * cause chain of a failure, so that the outage is answered 503 with Retry-After instead of 500.
 * <p>
 * The reactive PostgreSQL client and Hibernate Reactive are not dependencies of this module (not
 * every service uses them), so their exceptions are recognised by class name and, for
 * {@code io.vertx.pgclient.PgException}, by SQLSTATE read reflectively.
 */
final class StoreUnavailable {

    static final String RETRY_AFTER_SECONDS = "5";

    /** Connection failures of the Vert.x SQL client and of Netty, by class name. */
    private static final Set<String> CONNECTION_FAILURES = Set.of(
            "io.vertx.sqlclient.ClosedConnectionException",
            "io.vertx.core.net.impl.ConnectionBase$ClosedException",
            "io.netty.channel.ConnectTimeoutException",
            "io.netty.channel.AbstractChannel$AnnotatedConnectException",
            "io.netty.channel.unix.Errors$NativeConnectException",
            "io.vertx.core.http.ConnectionPoolTooBusyException",
            "io.vertx.sqlclient.impl.pool.PoolTimeoutException");

    private StoreUnavailable() {
    }

    static boolean causedBy(Throwable failure) {
        return find(failure) != null;
    }

    /** The class and message of the cause that marks the outage, for the log. */
    static String describe(Throwable failure) {
        Throwable cause = find(failure);
        return cause == null ? "" : cause.getClass().getName() + ": " + cause.getMessage();
    }

    private static Throwable find(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (isOutage(t)) {
                return t;
            }
        }
        return null;
    }

    private static boolean isOutage(Throwable t) {
        // SocketException: "Connection reset" / "Broken pipe" read by Netty from a database that is going
        // down (FaultsIT met it on a PostgreSQL restart); ConnectException is one of them
        if (t instanceof java.net.SocketException || t instanceof NoRouteToHostException || t instanceof ClosedChannelException
                || t instanceof SQLTransientConnectionException) {
            return true;
        }
        if (CONNECTION_FAILURES.contains(t.getClass().getName())) {
            return true;
        }
        if (t instanceof SQLException sql) {
            return unavailableState(sql.getSQLState());
        }
        if ("io.vertx.pgclient.PgException".equals(t.getClass().getName())) {
            return unavailableState(sqlState(t));
        }
        // "Connection is closed" / "Connection reset" from the Vert.x client without a dedicated type
        String message = t.getMessage();
        return t.getClass().getName().startsWith("io.vertx.") && message != null
                && (message.contains("Connection is closed") || message.contains("Connection refused")
                || message.contains("Connection reset") || message.contains("Pending requests failed"));
    }

    /**
     * SQLSTATE class 08 (connection exception), 57P01 admin shutdown, 57P02 crash shutdown,
     * 57P03 cannot connect now (starting up or shutting down), 53300 too many connections.
     */
    static boolean unavailableState(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03") || state.equals("53300"));
    }

    private static String sqlState(Throwable t) {
        try {
            Method method = t.getClass().getMethod("getSqlState");
            Object value = method.invoke(t);
            return value == null ? null : value.toString();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
