package dev.dsrdesk.dashboard;

import java.util.Locale;

/** Spans of days as the board shows them: minutes under an hour, hours under two days, days beyond. */
final class DurationInWords {

    private DurationInWords() {
    }

    static String ofDays(double days) {
        double minutes = days * 24 * 60;
        if (minutes < 1) {
            return "under 1 min";
        }
        if (minutes < 60) {
            return Math.round(minutes) + " min";
        }
        double hours = minutes / 60;
        if (hours < 48) {
            return String.format(Locale.ROOT, "%.1f h", hours);
        }
        return String.format(Locale.ROOT, "%.1f days", days);
    }
}
