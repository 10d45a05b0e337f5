package dev.dsrdesk.report;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The days a report covers, both included. The report counts the requests received in these days, whatever the day
 * they were answered.
 */
public record ReportPeriod(LocalDate from, LocalDate to, boolean wholeYear) {

    /** Longer ranges are a mistake more often than a question; five years of requests is what a board compares. */
    static final int MOST_YEARS = 5;

    /**
     * The period a caller asked for: {@code year}, or {@code from} and {@code to}, or, with neither, the current year.
     *
     * @throws BadPeriod with a sentence the caller can act on
     */
    static ReportPeriod of(String year, String from, String to, LocalDate today) {
        boolean range = present(from) || present(to);
        if (present(year) && range) {
            throw new BadPeriod("Choose either a year (year=2026) or a range (from=2026-01-01&to=2026-03-31), not both.");
        }
        if (range) {
            if (!present(from) || !present(to)) {
                throw new BadPeriod("A range needs both from and to, as dates such as 2026-01-01.");
            }
            LocalDate start = date("from", from);
            LocalDate end = date("to", to);
            if (start.isAfter(end)) {
                throw new BadPeriod("The range starts (" + start + ") after it ends (" + end + ").");
            }
            if (end.isAfter(start.plusYears(MOST_YEARS).minusDays(1))) {
                throw new BadPeriod("A range covers at most " + MOST_YEARS + " years; " + start + " to " + end + " is longer.");
            }
            return new ReportPeriod(start, end, false);
        }
        int chosen = present(year) ? year(year) : today.getYear();
        return new ReportPeriod(LocalDate.of(chosen, 1, 1), LocalDate.of(chosen, 12, 31), true);
    }

    public String label() {
        return wholeYear ? String.valueOf(from.getYear()) : from + " to " + to;
    }

    /** "in 2026", "from 2026-01-01 to 2026-03-31": ISO dates, as in the address and the CSV. */
    public String heading() {
        return wholeYear ? "in " + from.getYear() : "from " + from + " to " + to;
    }

    public String fileName() {
        return wholeYear ? String.valueOf(from.getYear()) : from + "_" + to;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static LocalDate date(String name, String value) {
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (date.getYear() < 1900 || date.getYear() > 9998) {
                throw new BadPeriod(name + " must be a date between 1900 and 9998.");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new BadPeriod(name + " must be a date such as 2026-01-31 (year-month-day); \"" + shortened(value)
                    + "\" is not.");
        }
    }

    private static int year(String value) {
        try {
            int year = Integer.parseInt(value.strip());
            if (year < 1900 || year > 9998) {
                throw new BadPeriod("year must be between 1900 and 9998.");
            }
            return year;
        } catch (NumberFormatException | DateTimeException e) {
            throw new BadPeriod("year must be a year such as 2026; \"" + shortened(value) + "\" is not.");
        }
    }

    /** The caller's text goes back in the message: short, so a page never echoes a long payload. */
    private static String shortened(String value) {
        String stripped = value.strip();
        return stripped.length() > 20 ? stripped.substring(0, 20) + "…" : stripped;
    }

    /** A period the report cannot cover, with what to do instead. */
    static final class BadPeriod extends RuntimeException {
        BadPeriod(String message) {
            super(message);
        }
    }
}
