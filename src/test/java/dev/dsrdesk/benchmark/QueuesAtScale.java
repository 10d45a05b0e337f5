package dev.dsrdesk.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsrdesk.support.FreshPostgresDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Scenario 3: the queues filled with open tasks spread over the five entity groups (created by the engine itself,
 * so identity links and authorizations are real), then what an entity's Tasklist asks for its filter (count, and
 * the first page sorted by due date) and the managers' dashboard, timed as a user of each.
 */
final class QueuesAtScale {

    private static final int PER_INSTANCE = 5_000;
    private static final int SAMPLES = 40;

    private QueuesAtScale() {
    }

    static Figures run(String baseUrl, String jdbcUrl, int openTasks) throws Exception {
        EndToEnd.Rest rest = new EndToEnd.Rest(baseUrl);
        rest.deploy("open-tasks.bpmn");
        for (int created = 0; created < openTasks; created += PER_INSTANCE) {
            int count = Math.min(PER_INSTANCE, openTasks - created);
            rest.post("/process-definition/key/benchmark-open-tasks/start",
                    "{\"variables\":{\"count\":{\"value\":" + count + ",\"type\":\"Integer\"}}}");
        }
        fillTheDesksTables(jdbcUrl, openTasks);
        JsonNode filters = rest.getAs("rome", "/filter?resourceType=Task");
        String filter = filters.get(0).get("id").asText();
        List<Long> counts = new ArrayList<>();
        List<Long> pages = new ArrayList<>();
        List<Long> dashboards = new ArrayList<>();
        long seen = 0;
        for (int sample = 0; sample < SAMPLES; sample++) {
            long start = System.nanoTime();
            seen = rest.postAs("rome", "/filter/" + filter + "/count", "{}").get("count").asLong();
            counts.add(System.nanoTime() - start);
            start = System.nanoTime();
            rest.postAs("rome", "/filter/" + filter + "/list?firstResult=0&maxResults=15", "{\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}");
            pages.add(System.nanoTime() - start);
            start = System.nanoTime();
            dashboard(baseUrl);
            dashboards.add(System.nanoTime() - start);
        }
        return new Figures(openTasks, seen, LoadFigures.of(counts, 0, java.time.Duration.ofSeconds(1)),
                LoadFigures.of(pages, 0, java.time.Duration.ofSeconds(1)), LoadFigures.of(dashboards, 0, java.time.Duration.ofSeconds(1)));
    }

    /**
     * The dashboard reads the desk's own tables: as many open steps there as open tasks in the engine (a fifth of
     * them late), spread over the five entities, and as many steps answered in the last 90 days, written straight
     * into PostgreSQL because driving them through the process would take hours. Then the planner's statistics are
     * brought up to date for the engine's tables too.
     */
    private static void fillTheDesksTables(String jdbcUrl, int openSteps) throws Exception {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            // H2 in a file is held by the desk's process; its dashboard then reads only the real requests
            return;
        }
        int requests = Math.max(1, openSteps / 5);
        try (Connection db = DriverManager.getConnection(jdbcUrl, FreshPostgresDatabase.user(), FreshPostgresDatabase.password());
             Statement sql = db.createStatement()) {
            fill(sql, 900_000_000L, requests, "IN_FULFILMENT", "null", "OPEN", "null");
            fill(sql, 910_000_000L, requests, "CLOSED", "now() - (g % 80) * interval '1 day'",
                    "DONE", "now() - (g % 29) * interval '1 day'");
            // what autovacuum would have done by the time a person opens a queue after such a load
            sql.execute("analyze");
        }
    }

    /** {@code requests} requests in one state, each with a step of that state at all five entities. */
    private static void fill(Statement sql, long firstId, int requests, String status, String closedAt, String stepState,
                             String completedAt) throws Exception {
        sql.executeUpdate("""
                insert into data_subject_request (id, reference, request_type, status, full_name, email, country,
                    language, received_at, due_date, closed_at, version, channel)
                select %d + g, 'BENCH-%s-' || g, 'ACCESS', '%s', 'Bench Subject', 'bench' || g || '@example.invalid',
                    'IT', 'en', now() - (g %% 40) * interval '1 day', current_date + (g %% 60) - 20, %s, 0, 'SELF_SERVICE'
                from generate_series(1, %d) g""".formatted(firstId, status.charAt(0), status, closedAt, requests));
        sql.executeUpdate("""
                insert into entity_step (request_id, entity_id, action, state, due_date, opened_at, completed_at)
                select %d + g, e, 'ACCESS', '%s', current_date + (g %% 50) - 10, now() - (g %% 30 + 1) * interval '1 day', %s
                from generate_series(1, %d) g
                cross join (values ('rome'), ('trento'), ('sao-paulo'), ('pleasant-hill'), ('google-analytics')) entity(e)"""
                .formatted(firstId, stepState, completedAt, requests));
    }

    private static void dashboard(String baseUrl) throws Exception {
        HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl + "/dashboard"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("manager:demo".getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("dashboard answered " + response.statusCode());
        }
    }

    /** Latencies are in the p50/p95 of each LoadFigures; the rest of their fields do not apply. */
    record Figures(int openTasks, long romeSees, LoadFigures filterCount, LoadFigures filterFirstPage, LoadFigures dashboard) {
    }
}
