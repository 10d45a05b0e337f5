package dev.dsrdesk.report;

import java.util.List;
import java.util.Locale;

/** Median and mean of a list of day counts; absent when there is nothing to measure. */
public record Days(int count, Double median, Double mean, Long max) {

    static Days of(List<Long> days) {
        if (days.isEmpty()) {
            return new Days(0, null, null, null);
        }
        List<Long> sorted = days.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        double mean = sorted.stream().mapToLong(Long::longValue).sum() / (double) n;
        return new Days(n, median, mean, sorted.get(n - 1));
    }

    public String medianShown() {
        return shown(median);
    }

    public String meanShown() {
        return shown(mean);
    }

    public String maxShown() {
        return max == null ? "" : max.toString();
    }

    /** One decimal, a point whatever the locale: the same text on the page and in the CSV. */
    static String shown(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.1f", value);
    }
}
