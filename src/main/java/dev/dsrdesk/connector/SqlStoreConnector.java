package dev.dsrdesk.connector;

import dev.dsrdesk.fulfilment.EntityAction;
import dev.dsrdesk.fulfilment.EntityRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reaches an entity's relational database over JDBC: finds the subject's rows by email (trimmed, any case) and
 * carries out the action on exactly those rows, all tables of a store in one transaction. Any JDBC database with
 * its driver on the class path works; H2, PostgreSQL and MariaDB are tested.
 */
@Component
class SqlStoreConnector {

    private final Map<String, DataSource> connections = new ConcurrentHashMap<>();

    /** What the store holds about the subject; changes nothing. */
    StoreFindings find(DataStore store, Subject subject) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource(store));
        List<EntityRecord> records = new ArrayList<>();
        List<StoreFindings.TableCount> counts = new ArrayList<>();
        for (SqlTable table : store.tables()) {
            // the configured columns by name: one that does not exist fails the search instead of finding nothing
            List<Map<String, Object>> rows = jdbc.queryForList("select " + String.join(", ", columnsOf(table))
                    + " from " + table.table() + " where " + matches(table, subject), parameters(table, subject));
            counts.add(new StoreFindings.TableCount(table.table(), rows.size()));
            for (Map<String, Object> row : rows) {
                table.categories().forEach((category, columns) -> columns.forEach(column -> {
                    Object value = valueOf(row, column);
                    if (value != null && !value.toString().isBlank()) {
                        records.add(new EntityRecord(category, column, value.toString(), store.name() + " / " + table.table()));
                    }
                }));
            }
        }
        return new StoreFindings(store.id(), store.name(), counts, records);
    }

    private static List<String> columnsOf(SqlTable table) {
        java.util.LinkedHashSet<String> columns = new java.util.LinkedHashSet<>(table.matchOn());
        columns.addAll(table.matchOnPhone());
        table.categories().values().forEach(columns::addAll);
        return List.copyOf(columns);
    }

    /** Whether this store can carry out the action by itself. */
    boolean automates(DataStore store, EntityAction action) {
        return switch (action) {
            case EXPORT, ERASE -> true;
            case RESTRICT -> store.tables().stream().anyMatch(table -> table.restrictColumn() != null);
            case STOP_PROCESSING, STOP_DIRECT_MARKETING -> store.tables().stream().anyMatch(table -> table.objectColumn() != null);
            case RECORD_CONSENT_WITHDRAWAL -> store.tables().stream().anyMatch(table -> table.consentColumn() != null);
            case RECTIFY -> !rectifiableFields(store).isEmpty();
        };
    }

    /** The columns a correction may change, as "table.column": those that make up the data categories. */
    List<String> rectifiableFields(DataStore store) {
        List<String> fields = new ArrayList<>();
        store.tables().forEach(table -> table.categories().values()
                .forEach(columns -> columns.forEach(column -> fields.add(table.table() + "." + column))));
        return fields.stream().distinct().toList();
    }

    /**
     * Sets one field of the subject's rows to the corrected value, in one transaction; returns the values it had
     * and what changed. A store without that field changes nothing.
     */
    Correction rectify(DataStore store, Subject subject, String field, String value) {
        if (!rectifiableFields(store).contains(field)) {
            return new Correction(List.of(), List.of());
        }
        String tableName = field.substring(0, field.indexOf('.'));
        String column = field.substring(field.indexOf('.') + 1);
        SqlTable table = store.tables().stream().filter(each -> each.table().equals(tableName)).findFirst().orElseThrow();
        DataSource dataSource = dataSource(store);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        return new TransactionTemplate(new DataSourceTransactionManager(dataSource)).execute(status -> {
            String where = " where " + matches(table, subject);
            List<String> before = jdbc.queryForList("select " + column + " from " + table.table() + where, Object.class,
                    parameters(table, subject)).stream().map(String::valueOf).distinct().toList();
            Object[] match = parameters(table, subject);
            Object[] update = new Object[match.length + 1];
            update[0] = value;
            System.arraycopy(match, 0, update, 1, match.length);
            int rows = jdbc.update("update " + table.table() + " set " + column + " = ?" + where, update);
            return new Correction(before, rows == 0 ? List.of()
                    : List.of("corrected " + field + " on " + rows + " row" + (rows == 1 ? "" : "s") + " in " + store.name()));
        });
    }

    record Correction(List<String> valuesBefore, List<String> changes) {
    }

    /** Carries out the action on the subject's rows, every table of the store in one transaction; returns what changed. */
    List<String> apply(DataStore store, EntityAction action, Subject subject) {
        DataSource dataSource = dataSource(store);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        return new TransactionTemplate(new DataSourceTransactionManager(dataSource)).execute(status -> {
            List<String> changes = new ArrayList<>();
            for (SqlTable table : store.tables()) {
                String statement = statementFor(table, action, subject);
                if (statement == null) {
                    continue;
                }
                int rows = jdbc.update(statement, statementParameters(table, action, subject));
                if (rows > 0) {
                    changes.add(describe(action, table, rows) + " in " + store.name());
                }
            }
            return changes;
        });
    }

    private static String statementFor(SqlTable table, EntityAction action, Subject subject) {
        String where = " where " + matches(table, subject);
        return switch (action) {
            case ERASE -> table.erase() == SqlTable.Erasure.DELETE_ROW
                    ? "delete from " + table.table() + where
                    : "update " + table.table() + " set " + String.join(", ",
                            table.eraseColumns().stream().map(column -> column + " = null").toList()) + where;
            case RESTRICT -> table.restrictColumn() == null ? null : "update " + table.table() + " set " + table.restrictColumn() + " = ?" + where;
            case STOP_PROCESSING, STOP_DIRECT_MARKETING -> table.objectColumn() == null ? null
                    : "update " + table.table() + " set " + table.objectColumn() + " = ?" + where;
            case RECORD_CONSENT_WITHDRAWAL -> table.consentColumn() == null ? null
                    : "update " + table.table() + " set " + table.consentColumn() + " = ?" + where;
            case EXPORT, RECTIFY -> null;
        };
    }

    private static Object[] statementParameters(SqlTable table, EntityAction action, Subject subject) {
        Object[] match = parameters(table, subject);
        Boolean flag = switch (action) {
            case RESTRICT, STOP_PROCESSING, STOP_DIRECT_MARKETING -> Boolean.TRUE;
            case RECORD_CONSENT_WITHDRAWAL -> Boolean.FALSE;
            default -> null;
        };
        if (flag == null) {
            return match;
        }
        Object[] all = new Object[match.length + 1];
        all[0] = flag;
        System.arraycopy(match, 0, all, 1, match.length);
        return all;
    }

    private static String describe(EntityAction action, SqlTable table, int rows) {
        String what = rows + " row" + (rows == 1 ? "" : "s") + " of " + table.table();
        return switch (action) {
            case ERASE -> table.erase() == SqlTable.Erasure.DELETE_ROW ? "deleted " + what
                    : "blanked " + String.join(", ", table.eraseColumns()) + " in " + what;
            case RESTRICT -> "marked " + what + " as restricted (" + table.restrictColumn() + ")";
            case STOP_PROCESSING, STOP_DIRECT_MARKETING -> "marked " + what + " as objected to (" + table.objectColumn() + ")";
            case RECORD_CONSENT_WITHDRAWAL -> "withdrew consent on " + what + " (" + table.consentColumn() + ")";
            case EXPORT, RECTIFY -> what;
        };
    }

    /**
     * Every email column compared trimmed and lower-cased, so " Ada@Example.org" finds "ada@example.org"; every phone
     * column compared as digits only (spaces, dashes, dots, slashes, brackets and "+" removed, in SQL every database
     * speaks), when the requester gave a phone number.
     */
    private static String matches(SqlTable table, Subject subject) {
        List<String> conditions = new ArrayList<>(table.matchOn().stream().map(column -> "lower(trim(" + column + ")) = ?").toList());
        if (subject.phoneDigits() != null) {
            table.matchOnPhone().forEach(column -> conditions.add(digitsOnly(column) + " = ?"));
        }
        return "(" + String.join(" or ", conditions) + ")";
    }

    private static String digitsOnly(String column) {
        String expression = column;
        for (String separator : List.of(" ", "-", ".", "/", "(", ")", "+")) {
            expression = "replace(" + expression + ", '" + separator + "', '')";
        }
        return expression;
    }

    private static Object[] parameters(SqlTable table, Subject subject) {
        List<Object> values = new ArrayList<>();
        table.matchOn().forEach(column -> values.add(subject.normalisedEmail()));
        if (subject.phoneDigits() != null) {
            table.matchOnPhone().forEach(column -> values.add(subject.phoneDigits()));
        }
        return values.toArray();
    }

    /** Whom to look for: the requester's email and, when given, phone number. */
    record Subject(String email, String phone) {

        String normalisedEmail() {
            return email.trim().toLowerCase(Locale.ROOT);
        }

        /** The phone number's digits, or null when none was given (or too few digits to identify anyone). */
        String phoneDigits() {
            if (phone == null) {
                return null;
            }
            String digits = phone.replaceAll("[^0-9]", "");
            return digits.length() < 6 ? null : digits;
        }
    }

    /** Column labels differ in case between databases (H2 upper-cases, PostgreSQL lower-cases). */
    private static Object valueOf(Map<String, Object> row, String column) {
        for (Map.Entry<String, Object> entry : row.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(column)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private DataSource dataSource(DataStore store) {
        return connections.computeIfAbsent(store.id(), id -> connect(store.jdbc()));
    }

    /** A connection source for a store's settings; the connector keeps one per store. */
    static DataSource connect(DataStore.Jdbc jdbc) {
        return new DriverManagerDataSource(jdbc.url(), jdbc.username() == null ? "" : jdbc.username(),
                jdbc.password() == null ? "" : jdbc.password());
    }
}
