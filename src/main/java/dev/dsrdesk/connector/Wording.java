package dev.dsrdesk.connector;

import dev.dsrdesk.language.ConfiguredTexts;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * How what a store holds reads for the person who reads it: the store's own labels for its tables, columns and
 * categories in the reader's language (the configured name where nobody gave one), values as people write them
 * (dates in the reader's words, yes and no instead of TRUE and FALSE), and what the desk changed in a sentence.
 * A portability package keeps its values as machines read them (ISO 8601 dates, true and false) under the same labels.
 */
final class Wording {

    private final MessageSource messages;
    private final Locale reader;
    private final boolean valuesForMachines;

    private Wording(MessageSource messages, Locale reader, boolean valuesForMachines) {
        this.messages = messages;
        this.reader = reader;
        this.valuesForMachines = valuesForMachines;
    }

    static Wording forPeople(MessageSource messages, Locale reader) {
        return new Wording(messages, reader, false);
    }

    static Wording forMachines(MessageSource messages, Locale reader) {
        return new Wording(messages, reader, true);
    }

    String store(DataStore store) {
        return ConfiguredTexts.in(store.label(), reader, store.name());
    }

    String table(SqlTable table) {
        return ConfiguredTexts.in(table.label(), reader, table.table());
    }

    String column(SqlTable table, String column) {
        return ConfiguredTexts.in(table.columnLabels().get(column), reader, column);
    }

    String category(DataStore store, String category) {
        return ConfiguredTexts.in(store.categoryLabels().get(category), reader, category);
    }

    /** Where a record comes from: the store, and the table where the store has more than one. */
    String source(DataStore store, SqlTable table) {
        return store.tables().size() == 1 ? store(store) : store(store) + " · " + table(table);
    }

    String value(Object value) {
        if (value instanceof Boolean yes) {
            return valuesForMachines ? yes.toString() : text(yes ? "connector.value.yes" : "connector.value.no");
        }
        if (value instanceof Timestamp timestamp) {
            return dateTime(timestamp.toLocalDateTime());
        }
        if (value instanceof java.sql.Date date) {
            return date(date.toLocalDate());
        }
        if (value instanceof Time time) {
            return time(time.toLocalTime());
        }
        if (value instanceof LocalDateTime dateTime) {
            return dateTime(dateTime);
        }
        if (value instanceof LocalDate date) {
            return date(date);
        }
        if (value instanceof LocalTime time) {
            return time(time);
        }
        if (value instanceof OffsetDateTime dateTime) {
            return instant(dateTime.toInstant());
        }
        if (value instanceof ZonedDateTime dateTime) {
            return instant(dateTime.toInstant());
        }
        if (value instanceof Instant instant) {
            return instant(instant);
        }
        if (value instanceof byte[] bytes) {
            // a file or an image: its content for a machine, its size for a person (no "[B@1f2e3d")
            return valuesForMachines ? java.util.Base64.getEncoder().encodeToString(bytes)
                    : text("connector.value.binary", bytes.length);
        }
        return value.toString();
    }

    private String dateTime(LocalDateTime dateTime) {
        return valuesForMachines ? DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(dateTime)
                : pattern("format.localDateTime").format(dateTime);
    }

    private String date(LocalDate date) {
        return valuesForMachines ? DateTimeFormatter.ISO_LOCAL_DATE.format(date) : pattern("format.date").format(date);
    }

    private String time(LocalTime time) {
        return valuesForMachines ? DateTimeFormatter.ISO_LOCAL_TIME.format(time) : pattern("format.time").format(time);
    }

    /** A moment with its zone is shown in UTC, as the report's other times are. */
    private String instant(Instant instant) {
        ZonedDateTime utc = instant.atZone(ZoneId.of("UTC"));
        return valuesForMachines ? DateTimeFormatter.ISO_INSTANT.format(instant) : pattern("format.dateTime").format(utc);
    }

    private DateTimeFormatter pattern(String key) {
        return DateTimeFormatter.ofPattern(text(key), reader);
    }

    /** A sentence about what the desk did to the subject's rows of a table, e.g. "… 2 records of ‘Tickets’ deleted". */
    String deleted(DataStore store, SqlTable table, int rows) {
        return text("connector.change.deleted", store(store), rows, table(table));
    }

    String blanked(DataStore store, SqlTable table, int rows) {
        return text("connector.change.blanked", store(store), rows, table(table), columns(table, table.eraseColumns()));
    }

    String restricted(DataStore store, SqlTable table, int rows) {
        return text("connector.change.restricted", store(store), rows, table(table));
    }

    String objected(DataStore store, SqlTable table, int rows) {
        return text("connector.change.objected", store(store), rows, table(table));
    }

    String consentWithdrawn(DataStore store, SqlTable table, int rows) {
        return text("connector.change.consentWithdrawn", store(store), rows, table(table));
    }

    String corrected(DataStore store, SqlTable table, String column, int rows) {
        return text("connector.change.corrected", store(store), rows, table(table), column(table, column));
    }

    private String columns(SqlTable table, List<String> columns) {
        return String.join(", ", columns.stream().map(column -> column(table, column)).toList());
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, reader);
    }
}
