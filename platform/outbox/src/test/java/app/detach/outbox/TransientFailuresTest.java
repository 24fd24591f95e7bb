package app.detach.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import app.detach.events.InvalidEventException;
import io.smallrye.config.WithDefault;
import io.smallrye.mutiny.CompositeException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

class TransientFailuresTest {

    @Test
    void failuresOfTheMomentAreTransientWhereverTheyAreInTheCauseChain() {
        for (String state : new String[] {"40001", "40P01", "55P03", "57014", "57P01", "08006", "53300"}) {
            assertTrue(TransientFailures.isTransient(pg(state)), state);
            assertTrue(TransientFailures.isTransient(new CompletionException(new RuntimeException(pg(state)))), state);
            assertTrue(TransientFailures.isTransient(new RuntimeException(new SQLException("x", state))), state);
        }
        assertTrue(TransientFailures.isTransient(new RuntimeException(ClosedConnectionException.INSTANCE)));
        assertTrue(TransientFailures.isTransient(new io.smallrye.mutiny.TimeoutException()));
        assertTrue(TransientFailures.isTransient(new jakarta.persistence.OptimisticLockException("stale")));
        // the attempt failed, then its rollback on the dead connection
        assertTrue(TransientFailures.isTransient(
                new CompositeException(new IllegalStateException("rollback failed"), pg("57P01"))));
    }

    @Test
    void failuresOfTheRecordOrTheCodeAreNot() {
        assertFalse(TransientFailures.isTransient(pg("23505")), "unique violation");
        assertFalse(TransientFailures.isTransient(pg("22P02")), "invalid text representation");
        assertFalse(TransientFailures.isTransient(pg("40002")), "a deferred constraint at commit");
        assertFalse(TransientFailures.isTransient(new NullPointerException()));
        assertFalse(TransientFailures.isTransient(new IllegalStateException("no transaction")));
    }

    @Test
    void poisonIsNeverTransientEvenAroundATransientCause() {
        assertTrue(TransientFailures.isPoison(new PoisonRecordException("not JSON")));
        assertTrue(TransientFailures.isPoison(new RuntimeException(new InvalidEventException("t", java.util.List.of("v")))));
        assertFalse(TransientFailures.isTransient(new PoisonRecordException("cannot be read", pg("40001"))));
        assertFalse(TransientFailures.isTransient(new CompositeException(pg("40001"), new PoisonRecordException("x"))));
    }

    @Test
    void sqlStateIsReadThroughWrappers() {
        assertEquals("40P01", TransientFailures.sqlState(new CompletionException(pg("40P01"))));
        assertEquals("57P01", TransientFailures.sqlState(new CompositeException(new RuntimeException(), pg("57P01"))));
        assertEquals("08006", TransientFailures.sqlState(new RuntimeException(new SQLException("x", "08006"))));
        assertEquals(null, TransientFailures.sqlState(new RuntimeException("no database")));
    }

    @Test
    void theDefaultBackOffStaysWellUnderTheConnectorsSixtySeconds() {
        ConsumerRetryConfig defaults = (ConsumerRetryConfig) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ConsumerRetryConfig.class}, (proxy, method, args) -> method.isDefault()
                        ? InvocationHandler.invokeDefault(proxy, method, args)
                        : parse(method.getReturnType(), method.getAnnotation(WithDefault.class).value()));

        // 0.75 + 1.5 + 3 + 6 + 8 s: each delay stretched by the jitter, the last one capped at max-backoff
        assertEquals(Duration.ofMillis(19_250), defaults.worstCaseWait());
        assertTrue(defaults.worstCaseWait().compareTo(Duration.ofSeconds(30)) < 0);
    }

    /** A {@code @WithDefault} value as the mapping reads it (the forms used in ConsumerRetryConfig). */
    private static Object parse(Class<?> type, String value) {
        if (type == int.class) {
            return Integer.parseInt(value);
        }
        if (type == double.class) {
            return Double.parseDouble(value);
        }
        return value.endsWith("ms") ? Duration.ofMillis(Long.parseLong(value.replace("ms", "")))
                : Duration.ofSeconds(Long.parseLong(value.replace("s", "")));
    }

    private static PgException pg(String sqlState) {
        return new PgException("simulated", "ERROR", sqlState, null);
    }
}
