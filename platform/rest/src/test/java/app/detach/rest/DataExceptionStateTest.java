package app.detach.rest;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A data exception from the database (SQLSTATE class 22) is the client's bad value, found through wrappers. */
class DataExceptionStateTest {

    /** Shaped like the reactive PostgreSQL client's PgException. */
    static final class FakePgException extends RuntimeException {
        private final String state;

        FakePgException(String state) {
            super("invalid byte sequence for encoding \"UTF8\": 0x00");
            this.state = state;
        }

        public String getSqlState() {
            return state;
        }
    }

    @Test
    void findsTheStateOfADataExceptionBehindWrappers() {
        assertEquals("22021", ProblemMappers.dataExceptionState(new CompletionException(new FakePgException("22021"))));
        assertEquals("22003", ProblemMappers.dataExceptionState(new RuntimeException(new SQLException("out of range", "22003"))));
    }

    @Test
    void otherFailuresStayUnexpected() {
        assertNull(ProblemMappers.dataExceptionState(new FakePgException("23505")));
        assertNull(ProblemMappers.dataExceptionState(new IllegalStateException("boom")));
        assertNull(ProblemMappers.dataExceptionState(new RuntimeException(new SQLException("no state"))));
    }
}
