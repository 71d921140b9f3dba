package io.ledgerline.bench;

import java.util.Arrays;

/** Nearest-rank percentiles of a set of measurements. */
final class Percentiles {
    private final double[] sorted;

    Percentiles(double[] values) {
        this.sorted = values.clone();
        Arrays.sort(this.sorted);
    }

    /** The smallest value at or above {@code p} percent of the measurements (p in 0..100). */
    double at(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    int count() {
        return sorted.length;
    }
}
