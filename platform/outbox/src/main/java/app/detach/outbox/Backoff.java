package app.detach.outbox;

import java.time.Duration;

/** Exponential back-off of the relay: {@code initial * 2^(failures-1)}, capped at {@code max}. */
public final class Backoff {

    private Backoff() {
    }

    /**
     * @param failures failed attempts so far, including the one just failed (1 for the first)
     * @return the delay before the next attempt
     */
    public static Duration delay(int failures, Duration initial, Duration max) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be >= 1: " + failures);
        }
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max: " + initial + ", " + max);
        }
        int doublings = failures - 1;
        // initial * 2^doublings would exceed max (or overflow) once 2^doublings > max / initial
        long ratio = max.toNanos() / initial.toNanos();
        if (doublings >= 62 || (1L << doublings) > ratio) {
            return max;
        }
        return initial.multipliedBy(1L << doublings);
    }
}
