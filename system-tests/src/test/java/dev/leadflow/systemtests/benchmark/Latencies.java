package dev.leadflow.systemtests.benchmark;

import java.util.Arrays;

/** Percentiles of a set of latencies in milliseconds (nearest-rank). */
record Latencies(double[] sortedMillis) {

    static Latencies of(double[] millis) {
        double[] copy = millis.clone();
        Arrays.sort(copy);
        return new Latencies(copy);
    }

    double percentile(double p) {
        if (sortedMillis.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedMillis.length);
        return sortedMillis[Math.max(0, Math.min(sortedMillis.length - 1, rank - 1))];
    }

    double max() {
        return sortedMillis.length == 0 ? Double.NaN : sortedMillis[sortedMillis.length - 1];
    }

    int count() {
        return sortedMillis.length;
    }
}
