package dev.dsrdesk.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

    static Figures run(String baseUrl, int openTasks) throws Exception {
        EndToEnd.Rest rest = new EndToEnd.Rest(baseUrl);
        rest.deploy("open-tasks.bpmn");
        for (int created = 0; created < openTasks; created += PER_INSTANCE) {
            int count = Math.min(PER_INSTANCE, openTasks - created);
            rest.post("/process-definition/key/benchmark-open-tasks/start",
                    "{\"variables\":{\"count\":{\"value\":" + count + ",\"type\":\"Integer\"}}}");
        }
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
