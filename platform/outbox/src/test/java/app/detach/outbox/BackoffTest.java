package app.detach.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void doublesFromTheInitialDelay() {
        assertEquals(Duration.ofSeconds(1), Backoff.delay(1, SECOND, FIVE_MINUTES));
        assertEquals(Duration.ofSeconds(2), Backoff.delay(2, SECOND, FIVE_MINUTES));
        assertEquals(Duration.ofSeconds(4), Backoff.delay(3, SECOND, FIVE_MINUTES));
        assertEquals(Duration.ofSeconds(256), Backoff.delay(9, SECOND, FIVE_MINUTES));
    }

    @Test
    void isCappedAtTheMaximumAndNeverOverflows() {
        assertEquals(FIVE_MINUTES, Backoff.delay(10, SECOND, FIVE_MINUTES));
        assertEquals(FIVE_MINUTES, Backoff.delay(63, SECOND, FIVE_MINUTES));
        assertEquals(FIVE_MINUTES, Backoff.delay(Integer.MAX_VALUE, SECOND, FIVE_MINUTES));
        assertEquals(Duration.ofMillis(300), Backoff.delay(3, Duration.ofMillis(100), Duration.ofMillis(300)));
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> Backoff.delay(0, SECOND, FIVE_MINUTES));
        assertThrows(IllegalArgumentException.class, () -> Backoff.delay(1, Duration.ZERO, FIVE_MINUTES));
        assertThrows(IllegalArgumentException.class, () -> Backoff.delay(1, FIVE_MINUTES, SECOND));
    }
}
