package app.detach.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PercentilesTest {

    @Test
    void nearestRankOnOneToHundred() {
        long[] samples = new long[100];
        for (int i = 0; i < 100; i++) {
            samples[99 - i] = (i + 1) * 1_000_000L; // unsorted on purpose
        }
        Percentiles p = new Percentiles(samples);
        assertEquals(50.0, p.millis(50));
        assertEquals(99.0, p.millis(99));
        assertEquals(100.0, p.millis(100));
        assertEquals(1.0, p.millis(0.5));
    }

    @Test
    void smallSamplesRoundUp() {
        Percentiles p = new Percentiles(new long[] {30, 10, 20});
        assertEquals(20, p.percentileNanos(50)); // ceil(1.5) = 2nd
        assertEquals(30, p.percentileNanos(99)); // a p99 of three samples is the worst one
        assertEquals(10, p.percentileNanos(33));
    }

    @Test
    void emptyAndInvalid() {
        assertTrue(Double.isNaN(new Percentiles(new long[0]).millis(50)));
        assertThrows(IllegalArgumentException.class, () -> new Percentiles(new long[] {1}).millis(0));
    }
}
