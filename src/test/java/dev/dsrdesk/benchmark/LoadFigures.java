package dev.dsrdesk.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Throughput and latency percentiles of a load run. */
record LoadFigures(long requests, long errors, double perSecond, double p50Millis, double p95Millis, double p99Millis) {

    static LoadFigures of(List<Long> latencyNanos, long errors, Duration duration) {
        List<Long> sorted = new ArrayList<>(latencyNanos);
        Collections.sort(sorted);
        return new LoadFigures(sorted.size(), errors, sorted.size() / (duration.toMillis() / 1000.0),
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99));
    }

    private static double percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1_000_000.0;
    }
}
