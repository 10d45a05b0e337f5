package dev.dsrdesk.connector;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.dsrdesk.fulfilment.EntityAction;
import dev.dsrdesk.fulfilment.EntityRecord;
import dev.dsrdesk.logging.PersonalDataMask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reaches an entity's relational database over JDBC: finds the subject's rows by the identifiers the desk verified
 * (email trimmed, any case; phone by its digits) and carries out the action on exactly those rows, all tables of a store in one transaction. Any JDBC database with
 * its driver on the class path works; H2, PostgreSQL and MariaDB are tested.
 */
@Component
class SqlStoreConnector implements DisposableBean {

    private final Map<String, HikariDataSource> connections = new ConcurrentHashMap<>();

    /**
     * What the store holds about the subject; changes nothing. Rows matched by a verified identifier are the subject's;
     * rows matched only by an unverified one come back apart, as possible matches. The records read as {@code wording}
     * says: labels in the reader's language, values for people or for machines.
     */
    StoreFindings find(DataStore store, Subject subject, Wording wording) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource(store));
        List<EntityRecord> records = new ArrayList<>();
        List<StoreFindings.TableCount> counts = new ArrayList<>();
        List<PossibleMatch> possible = new ArrayList<>();
        for (SqlTable table : store.tables()) {
            Target anyIdentifier = Target.of(anyMatch(table, subject, false), anyMatch(table, subject, true));
            if (anyIdentifier == null) {
                counts.add(new StoreFindings.TableCount(wording.table(table), 0));
                continue;
            }
            // the configured columns by name: one that does not exist fails the search instead of finding nothing
            List<Map<String, Object>> rows = jdbc.queryForList("select " + String.join(", ", columnsOf(table))
                    + " from " + table.table() + " where " + anyIdentifier.where(), anyIdentifier.parameters().toArray());
            int verifiedRows = 0;
            for (Map<String, Object> row : rows) {
                List<EntityRecord> rowRecords = recordsOf(store, table, row, wording);
                String unverifiedMatch = matchedOnlyUnverified(table, subject, row);
                if (unverifiedMatch == null) {
                    verifiedRows++;
                    records.addAll(rowRecords);
                } else {
                    possible.add(new PossibleMatch(store.id(), store.name(), table.table(),
                            keyOf(table, row), unverifiedMatch,
                            PersonalDataMask.partlyHidden(firstEmail(table, row)), rowRecords));
                }
            }
            counts.add(new StoreFindings.TableCount(wording.table(table), verifiedRows));
        }
        return new StoreFindings(store.id(), wording.store(store), counts, records, possible);
    }

    private static List<EntityRecord> recordsOf(DataStore store, SqlTable table, Map<String, Object> row, Wording wording) {
        List<EntityRecord> records = new ArrayList<>();
        table.categories().forEach((category, columns) -> columns.forEach(column -> {
            Object value = valueOf(row, column);
            if (value != null && !value.toString().isBlank()) {
                records.add(new EntityRecord(wording.category(store, category), wording.column(table, column),
                        wording.value(value), wording.source(store, table)));
            }
        }));
        return records;
    }

    /** Null where a verified identifier matched the row; else the kind of the unverified identifier that did. */
    private static String matchedOnlyUnverified(SqlTable table, Subject subject, Map<String, Object> row) {
        boolean byEmail = table.matchOn().stream().anyMatch(column -> subject.normalisedEmail() != null
                && subject.normalisedEmail().equals(normalised(valueOf(row, column))));
        boolean byPhone = subject.phoneDigits() != null && table.matchOnPhone().stream()
                .anyMatch(column -> subject.phoneDigits().equals(digits(valueOf(row, column))));
        if ((byEmail && subject.emailVerified()) || (byPhone && subject.phoneVerified())) {
            return null;
        }
        return byPhone ? "phone" : "email";
    }

    private static String keyOf(SqlTable table, Map<String, Object> row) {
        Object key = table.key() == null ? null : valueOf(row, table.key());
        return key == null ? null : String.valueOf(key);
    }

    private static String firstEmail(SqlTable table, Map<String, Object> row) {
        return table.matchOn().stream().map(column -> valueOf(row, column)).filter(java.util.Objects::nonNull)
                .map(String::valueOf).findFirst().orElse(null);
    }

    /** As the SQL compares: spaces (only spaces, as SQL's trim) off both ends, lower case. */
    private static String normalised(Object email) {
        return email == null ? null : email.toString().replaceAll("^ +| +$", "").toLowerCase(Locale.ROOT);
    }

    private static String digits(Object phone) {
        return phone == null ? null : phone.toString().replaceAll("[^0-9]", "");
    }

    private static List<String> columnsOf(SqlTable table) {
        java.util.LinkedHashSet<String> columns = new java.util.LinkedHashSet<>(table.matchOn());
        columns.addAll(table.matchOnPhone());
        table.categories().values().forEach(columns::addAll);
        if (table.key() != null) {
            columns.add(table.key());
        }
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
    Correction rectify(DataStore store, Subject subject, Map<String, List<String>> includedKeys, String field, String value,
                       Wording wording) {
        if (!rectifiableFields(store).contains(field)) {
            return new Correction(List.of(), List.of());
        }
        String tableName = field.substring(0, field.indexOf('.'));
        String column = field.substring(field.indexOf('.') + 1);
        SqlTable table = store.tables().stream().filter(each -> each.table().equals(tableName)).findFirst().orElseThrow();
        DataSource dataSource = dataSource(store);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        return new TransactionTemplate(new DataSourceTransactionManager(dataSource)).execute(status -> {
            Target target = subjectsRows(table, subject, keysOf(jdbc, table, subject, includedKeys.getOrDefault(table.table(), List.of())));
            if (target == null) {
                return new Correction(List.of(), List.of());
            }
            String where = " where " + target.where();
            List<String> before = jdbc.queryForList("select " + column + " from " + table.table() + where, Object.class,
                    target.parameters().toArray()).stream().map(String::valueOf).distinct().toList();
            List<Object> update = new ArrayList<>();
            update.add(value);
            update.addAll(target.parameters());
            int rows = jdbc.update("update " + table.table() + " set " + column + " = ?" + where, update.toArray());
            return new Correction(before, rows == 0 ? List.of() : List.of(wording.corrected(store, table, column, rows)));
        });
    }

    record Correction(List<String> valuesBefore, List<String> changes) {
    }

    /**
     * Carries out the action on the subject's rows, every table of the store in one transaction; returns what changed.
     * The subject's rows are those a verified identifier matches, and the possible matches the entity's person
     * included ({@code includedKeys} per table), each of which must still match the unverified identifier.
     */
    List<String> apply(DataStore store, EntityAction action, Subject subject, Map<String, List<String>> includedKeys,
                       Wording wording) {
        DataSource dataSource = dataSource(store);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        return new TransactionTemplate(new DataSourceTransactionManager(dataSource)).execute(status -> {
            List<String> changes = new ArrayList<>();
            for (SqlTable table : store.tables()) {
                Target target = subjectsRows(table, subject,
                        keysOf(jdbc, table, subject, includedKeys.getOrDefault(table.table(), List.of())));
                String statement = target == null ? null : statementFor(table, action, target);
                if (statement == null) {
                    continue;
                }
                int rows = jdbc.update(statement, statementParameters(action, target));
                if (rows > 0) {
                    changes.add(describe(action, store, table, rows, wording));
                }
            }
            return changes;
        });
    }

    private static String statementFor(SqlTable table, EntityAction action, Target target) {
        String where = " where " + target.where();
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

    private static Object[] statementParameters(EntityAction action, Target target) {
        Object[] match = target.parameters().toArray();
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

    private static String describe(EntityAction action, DataStore store, SqlTable table, int rows, Wording wording) {
        return switch (action) {
            case ERASE -> table.erase() == SqlTable.Erasure.DELETE_ROW ? wording.deleted(store, table, rows)
                    : wording.blanked(store, table, rows);
            case RESTRICT -> wording.restricted(store, table, rows);
            case STOP_PROCESSING, STOP_DIRECT_MARKETING -> wording.objected(store, table, rows);
            case RECORD_CONSENT_WITHDRAWAL -> wording.consentWithdrawn(store, table, rows);
            case EXPORT, RECTIFY -> throw new IllegalArgumentException(action + " changes nothing here");
        };
    }

    /**
     * The key values, as the database itself gives them (a number, a UUID, a timestamp…), of the rows that still match
     * the unverified identifier and whose key reads as one of the included ones: bound as they came, they compare in
     * any database, and a key that no longer matches finds nothing.
     */
    private static List<Object> keysOf(JdbcTemplate jdbc, SqlTable table, Subject subject, List<String> included) {
        Target unverified = anyMatch(table, subject, false);
        if (table.key() == null || included.isEmpty() || unverified == null) {
            return List.of();
        }
        return jdbc.queryForList("select " + table.key() + " from " + table.table() + " where " + unverified.where(),
                        Object.class, unverified.parameters().toArray()).stream()
                .filter(key -> key != null && included.contains(String.valueOf(key))).toList();
    }

    /**
     * The rows of the subject in a table: those a verified identifier matches, and the included possible matches
     * (by key, and only while they still match the unverified identifier). Null when nothing can be targeted.
     */
    static Target subjectsRows(SqlTable table, Subject subject, List<Object> includedKeys) {
        Target verified = anyMatch(table, subject, true);
        Target included = null;
        Target unverified = anyMatch(table, subject, false);
        if (table.key() != null && !includedKeys.isEmpty() && unverified != null) {
            List<Object> parameters = new ArrayList<>(includedKeys);
            parameters.addAll(unverified.parameters());
            included = new Target("(" + table.key() + " in (" + String.join(", ", includedKeys.stream().map(key -> "?").toList())
                    + ") and " + unverified.where() + ")", parameters);
        }
        return Target.of(verified, included);
    }

    /**
     * Every email column compared trimmed and lower-cased, so " Ada@Example.org" finds "ada@example.org"; every phone
     * column compared as digits only (spaces, dashes, dots, slashes, brackets and "+" removed, in SQL every database
     * speaks), when the requester gave a phone number. Only the identifiers whose verification is {@code verified}.
     */
    private static Target anyMatch(SqlTable table, Subject subject, boolean verified) {
        List<String> conditions = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        if (subject.emailVerified() == verified && subject.normalisedEmail() != null) {
            table.matchOn().forEach(column -> {
                conditions.add("lower(trim(" + column + ")) = ?");
                values.add(subject.normalisedEmail());
            });
        }
        if (subject.phoneVerified() == verified && subject.phoneDigits() != null) {
            table.matchOnPhone().forEach(column -> {
                conditions.add(digitsOnly(column) + " = ?");
                values.add(subject.phoneDigits());
            });
        }
        return conditions.isEmpty() ? null : new Target("(" + String.join(" or ", conditions) + ")", values);
    }

    private static String digitsOnly(String column) {
        String expression = column;
        for (String separator : List.of(" ", "-", ".", "/", "(", ")", "+")) {
            expression = "replace(" + expression + ", '" + separator + "', '')";
        }
        return expression;
    }

    /** A where clause and its bound values. */
    record Target(String where, List<Object> parameters) {

        /** Either or both; null when neither. */
        static Target of(Target first, Target second) {
            if (first == null || second == null) {
                return first == null ? second : first;
            }
            List<Object> parameters = new ArrayList<>(first.parameters());
            parameters.addAll(second.parameters());
            return new Target("(" + first.where() + " or " + second.where() + ")", parameters);
        }
    }

    /**
     * Whom to look for: the requester's email and, when given, phone number, each with whether the desk verified it.
     * Only a verified identifier finds the subject's rows; an unverified one finds possible matches.
     */
    record Subject(String email, boolean emailVerified, String phone, boolean phoneVerified) {

        static Subject of(java.util.List<dev.dsrdesk.request.RequesterIdentifier> identifiers) {
            String email = null;
            String phone = null;
            boolean emailVerified = false;
            boolean phoneVerified = false;
            for (dev.dsrdesk.request.RequesterIdentifier identifier : identifiers) {
                if (identifier.kind() == dev.dsrdesk.request.RequesterIdentifier.Kind.EMAIL) {
                    email = identifier.value();
                    emailVerified = identifier.verified();
                } else {
                    phone = identifier.value();
                    phoneVerified = identifier.verified();
                }
            }
            return new Subject(email, emailVerified, phone, phoneVerified);
        }

        String normalisedEmail() {
            return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
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

    HikariDataSource dataSource(DataStore store) {
        return connections.computeIfAbsent(store.id(), id -> pool(store));
    }

    /**
     * A small pool per store: a connection is reused by the steps that follow, none is held while the desk has nothing
     * to ask (a store is another company's database), and a store that is down fails the step within
     * {@code jdbc.connect-within}, so that the job retries instead of waiting. Created at the first question, so a
     * store down at start-up stops nothing else.
     */
    private static HikariDataSource pool(DataStore store) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("store-" + store.id());
        config.setJdbcUrl(store.jdbc().url());
        config.setUsername(store.jdbc().username() == null ? "" : store.jdbc().username());
        config.setPassword(store.jdbc().password() == null ? "" : store.jdbc().password());
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(0);
        config.setIdleTimeout(Duration.ofMinutes(1).toMillis());
        config.setConnectionTimeout(store.jdbc().connectWithin().toMillis());
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    @Override
    public void destroy() {
        connections.values().forEach(HikariDataSource::close);
        connections.clear();
    }

    /** A connection source for one-off work on a store (seeding the demo's), not pooled. */
    static DataSource connect(DataStore.Jdbc jdbc) {
        return new DriverManagerDataSource(jdbc.url(), jdbc.username() == null ? "" : jdbc.username(),
                jdbc.password() == null ? "" : jdbc.password());
    }
}
