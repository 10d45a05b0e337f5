package dev.dsrdesk.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A new, empty PostgreSQL database for one test class, on the server the machine runs
 * (DSR_TEST_PG_HOST/PORT/USER, default 127.0.0.1:5432 as postgres). Databases left by earlier runs are
 * dropped first. An unreachable server fails the test run: PostgreSQL tests never skip.
 */
public final class FreshPostgresDatabase {

    private static final String PREFIX = "dsr_it_";

    private FreshPostgresDatabase() {
    }

    public static String host() {
        return env("DSR_TEST_PG_HOST", "127.0.0.1") + ":" + env("DSR_TEST_PG_PORT", "5432");
    }

    public static String user() {
        return env("DSR_TEST_PG_USER", "postgres");
    }

    public static String password() {
        return env("DSR_TEST_PG_PASSWORD", "");
    }

    /** Points a Spring test context at the database of that URL (from {@link #create()}), as the server's user. */
    public static void use(String jdbcUrl, org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> jdbcUrl);
        registry.add("spring.datasource.username", FreshPostgresDatabase::user);
        registry.add("spring.datasource.password", FreshPostgresDatabase::password);
    }

    /** Creates the database and returns its JDBC URL. */
    public static String create() {
        String name = PREFIX + System.currentTimeMillis() + "_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + host() + "/postgres", user(), password());
             Statement statement = admin.createStatement()) {
            dropLeftovers(admin);
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + host() + " is required for the PostgreSQL tests and is not "
                    + "reachable as user " + user() + ": " + e.getMessage(), e);
        }
        return "jdbc:postgresql://" + host() + "/" + name;
    }

    private static void dropLeftovers(Connection admin) throws SQLException {
        List<String> leftovers = new ArrayList<>();
        try (Statement statement = admin.createStatement();
             var rows = statement.executeQuery("select datname from pg_database where datname like '" + PREFIX + "%'")) {
            while (rows.next()) {
                leftovers.add(rows.getString(1));
            }
        }
        long anHourAgo = System.currentTimeMillis() - 3_600_000;
        for (String database : leftovers) {
            String[] parts = database.substring(PREFIX.length()).split("_");
            // only databases of finished runs: a run in parallel keeps its fresh one
            if (parts.length > 0 && parts[0].matches("\\d+") && Long.parseLong(parts[0]) < anHourAgo) {
                try (Statement statement = admin.createStatement()) {
                    statement.execute("drop database if exists " + database + " with (force)");
                }
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
