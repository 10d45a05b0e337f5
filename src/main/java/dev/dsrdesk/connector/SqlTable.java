package dev.dsrdesk.connector;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One table of a SQL store: the columns that identify the subject by email (compared trimmed and case-insensitively)
 * and by phone (compared digits only, when the requester gave a phone number), the
 * columns that make up each data category, and what erasure, restriction, objection and consent withdrawal do to a
 * row; and the column that tells rows apart ({@code key}), through which the entity's person can include a row the
 * desk found only by an identifier nobody verified. Table and column names are checked to be plain identifiers, as
 * they become part of statements; values are always bound as parameters. What requesters and staff read instead of
 * those names: the table's {@code label} and each column's in {@code columnLabels}, per language ({@code en},
 * {@code it}, {@code pt-BR}).
 */
public record SqlTable(
        @Pattern(regexp = IDENTIFIER) String table,
        @NotEmpty List<@Pattern(regexp = IDENTIFIER) String> matchOn,
        List<@Pattern(regexp = IDENTIFIER) String> matchOnPhone,
        Map<String, List<@Pattern(regexp = IDENTIFIER) String>> categories,
        Erasure erase,
        List<@Pattern(regexp = IDENTIFIER) String> eraseColumns,
        @Pattern(regexp = IDENTIFIER) String restrictColumn,
        @Pattern(regexp = IDENTIFIER) String objectColumn,
        @Pattern(regexp = IDENTIFIER) String consentColumn,
        @Pattern(regexp = IDENTIFIER) String key,
        Map<String, String> label,
        Map<String, Map<String, String>> columnLabels) {

    static final String IDENTIFIER = "[A-Za-z_][A-Za-z0-9_]{0,62}";

    public SqlTable {
        matchOnPhone = matchOnPhone == null ? List.of() : List.copyOf(matchOnPhone);
        categories = categories == null ? Map.of() : new LinkedHashMap<>(categories);
        erase = erase == null ? Erasure.DELETE_ROW : erase;
        eraseColumns = eraseColumns == null ? List.of() : List.copyOf(eraseColumns);
        label = label == null ? Map.of() : Map.copyOf(label);
        columnLabels = columnLabels == null ? Map.of() : Map.copyOf(columnLabels);
    }

    /** Delete the subject's rows, or blank the listed columns where the row must stay (e.g. an invoice). */
    public enum Erasure {
        DELETE_ROW,
        NULL_COLUMNS
    }
}
