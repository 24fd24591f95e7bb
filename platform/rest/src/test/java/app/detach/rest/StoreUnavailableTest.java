package app.detach.rest;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoreUnavailableTest {

    @Test
    void aRefusedConnectionDeepInTheCauseChainIsAnOutage() {
        Throwable wrapped = new IllegalStateException("HR000",
                new CompletionException(new ConnectException("Connection refused: localhost/127.0.0.1:15432")));
        assertTrue(StoreUnavailable.causedBy(wrapped));
        // what Netty raises when PostgreSQL goes down under a pooled connection
        assertTrue(StoreUnavailable.causedBy(new java.net.SocketException("Connection reset")));
    }

    @Test
    void connectionSqlStatesAreOutagesOtherStatesAreNot() {
        assertTrue(StoreUnavailable.causedBy(new RuntimeException(new SQLException("gone", "08006"))));
        assertTrue(StoreUnavailable.causedBy(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(StoreUnavailable.causedBy(new SQLException("the database system is starting up", "57P03")));
        assertFalse(StoreUnavailable.causedBy(new SQLException("duplicate key", "23505")));
    }

    @Test
    void ordinaryBugsStayBugs() {
        assertFalse(StoreUnavailable.causedBy(new NullPointerException()));
        assertFalse(StoreUnavailable.causedBy(new IllegalStateException("Connection is closed"))); // not from the SQL client
    }

    @Test
    void theMapperAnswers503WithRetryAfterForAnOutageAnd500Otherwise() {
        ProblemMappers mappers = new ProblemMappers();
        var outage = mappers.unexpected(new RuntimeException(new ConnectException("Connection refused")), null);
        assertEquals(503, outage.getStatus());
        assertEquals(StoreUnavailable.RETRY_AFTER_SECONDS, outage.getHeaderString("Retry-After"));
        assertEquals(Problem.MEDIA_TYPE, outage.getMediaType().toString());
        assertEquals(500, mappers.unexpected(new NullPointerException(), null).getStatus());
    }
}
