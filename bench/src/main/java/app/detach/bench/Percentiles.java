package app.detach.bench;

import java.util.Arrays;

/** Latency samples (nanoseconds) and their percentiles by the nearest-rank method. */
public final class Percentiles {

    private final long[] sorted;

    public Percentiles(long[] samples) {
        this.sorted = samples.clone();
        Arrays.sort(this.sorted);
    }

    public int count() {
        return sorted.length;
    }

    /**
     * The smallest sample such that at least {@code p} percent of the samples are less than or
     * equal to it (nearest rank: index ceil(p/100 * n) - 1). NaN when there is no sample.
     */
    public double percentileNanos(double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        }
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    public double millis(double p) {
        return percentileNanos(p) / 1e6;
    }

    public double maxMillis() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6;
    }
}
