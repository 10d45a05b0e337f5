package dev.dsrdesk.process;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates as staff read them on a task: "Tue 1 Dec 2026, 22:24 CET", never an ISO instant. Staff pages are English,
 * and a moment is shown in the desk's own time zone, named, so that an operator in another zone is not misled.
 */
public final class StaffDates {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm zzz", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    private StaffDates() {
    }

    public static String moment(Instant instant, ZoneId zone) {
        return MOMENT.format(instant.atZone(zone));
    }

    public static String day(LocalDate day) {
        return DAY.format(day);
    }
}
