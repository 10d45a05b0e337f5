package dev.dsrdesk.export;

/** CSV cells (RFC 4180 quoting) for the files the desk hands out. */
public final class Csv {

    private Csv() {
    }

    /** The value exactly, quoted, with quotes doubled. */
    public static String quoted(String value) {
        return "\"" + (value == null ? "" : value).replace("\"", "\"\"") + "\"";
    }

    /**
     * For every CSV the desk hands out (audit reports, the portability package): text a spreadsheet would run as a
     * formula (=, +, -, @, tab, CR) gets a leading apostrophe, as free text written by requesters, staff and whoever
     * filled a data store ends up in these files.
     */
    public static String spreadsheetSafe(String value) {
        boolean formula = value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
        return quoted(formula ? "'" + value : value);
    }

    /** One line of a CSV the desk hands out: every cell spreadsheet-safe, CRLF at the end (RFC 4180). */
    public static String row(String... cells) {
        return String.join(",", java.util.Arrays.stream(cells).map(Csv::spreadsheetSafe).toList()) + "\r\n";
    }
}
