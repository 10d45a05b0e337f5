package dev.dsrdesk.benchmark;

import dev.dsrdesk.support.FreshPostgresDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows a phase wrote (inserted, updated and deleted) in each table, as PostgreSQL's statistics count them: what a
 * request costs the database, beside what the bare engine's request costs it. PostgreSQL counts a write when it is
 * made, so a transaction rolled back (a join retried after an optimistic-locking conflict) counts too. Each session
 * reports its counts at the latest after ten idle seconds (PostgreSQL 15 and later), so a snapshot waits that long
 * after the load has stopped.
 */
final class RowsWritten {

    private static final long SESSIONS_REPORTED_MILLIS = 11_000;

    private final Map<String, Long> byTable;

    private RowsWritten(Map<String, Long> byTable) {
        this.byTable = byTable;
    }

    /** The counts once every session of the desk has reported what it wrote until now. */
    static RowsWritten settled(String jdbcUrl) throws Exception {
        Thread.sleep(SESSIONS_REPORTED_MILLIS);
        Map<String, Long> byTable = new TreeMap<>();
        try (Connection db = DriverManager.getConnection(jdbcUrl, FreshPostgresDatabase.user(), FreshPostgresDatabase.password());
             Statement sql = db.createStatement();
             ResultSet tables = sql.executeQuery("select relname, n_tup_ins + n_tup_upd + n_tup_del from pg_stat_user_tables")) {
            while (tables.next()) {
                byTable.put(tables.getString(1), tables.getLong(2));
            }
        }
        return new RowsWritten(byTable);
    }

    /** Rows written per request from {@code earlier} to these counts, the largest tables first. */
    Map<String, Double> perRequestSince(RowsWritten earlier, int requests) {
        Map<String, Double> perRequest = new LinkedHashMap<>();
        byTable.entrySet().stream()
                .map(table -> Map.entry(table.getKey(), table.getValue() - earlier.byTable.getOrDefault(table.getKey(), 0L)))
                .filter(table -> table.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .forEach(table -> perRequest.put(table.getKey(), Math.round(10.0 * table.getValue() / requests) / 10.0));
        return perRequest;
    }

    static double total(Map<String, Double> perRequest) {
        return perRequest.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
