package dev.dsrdesk.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import dev.dsrdesk.support.DeskOverHttp;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Scenario 2: requests driven from intake to closure, as people and the requester would, by concurrent drivers;
 * and the engine floor, a plain BPMN of the same shape driven the same way through /engine-rest.
 */
final class EndToEnd {

    /** As often as the desk's drivers look (Awaitility's default), so neither side waits longer between steps. */
    private static final long POLL_MILLIS = 100;
    private static final List<String> ENTITY_USERS = List.of("rome", "trento", "sao-paulo", "pleasant-hill", "google-analytics");

    private EndToEnd() {
    }

    /** Closed requests per second: submitted, verified by link, triaged, answered by every entity, approved, closure mail received. */
    static double desk(String baseUrl, GreenMail smtp, int requests, int drivers) throws Exception {
        DeskOverHttp client = new DeskOverHttp() {
            @Override
            protected String baseUrl() {
                return baseUrl;
            }

            @Override
            protected GreenMail smtp() {
                return smtp;
            }
        };
        return timed(requests, drivers, () -> {
            String email = DeskOverHttp.uniqueEmail();
            String reference = client.acceptedRequest("ACCESS", email);
            client.awaitTasks("operator", reference, "Task_FulfilEntityStep", 5);
            for (String user : ENTITY_USERS) {
                client.completeTask(user, client.onlyTaskSeenBy(user, reference), "{\"outcome\":{\"value\":\"NO_DATA\"}}", 204);
            }
            client.completeTask("reviewer", client.awaitTasks("operator", reference, "Task_ReviewResponse", 1).get(0),
                    "{\"approved\":{\"value\":true}}", 204);
            client.awaitMail(email, "Your privacy request " + reference + " is complete");
            return null;
        });
    }

    /** Closed instances per second of the engine floor: the same wait states and fan-out, no application logic. */
    static double floor(String baseUrl, int requests, int drivers) throws Exception {
        Rest rest = new Rest(baseUrl);
        rest.deployFloor();
        return timed(requests, drivers, () -> {
            String id = rest.post("/process-definition/key/engine-floor/start",
                    "{\"businessKey\":\"floor-" + UUID.randomUUID() + "\"}").get("id").asText();
            // as the desk's requester, who can confirm only once the link's mail has been delivered
            awaitFloor(rest, "/execution/count?processInstanceId=" + id + "&activityId=Task_AwaitVerification");
            rest.post("/message", "{\"messageName\":\"FloorVerified\",\"processInstanceId\":\"" + id + "\"}");
            awaitFloor(rest, "/task/count?processInstanceId=" + id);
            completeFloorTasks(rest, "/task?processInstanceId=" + id);
            List<String> steps = new ArrayList<>();
            rest.get("/process-instance?superProcessInstance=" + id).forEach(step -> steps.add(step.get("id").asText()));
            String stepTasks = "processInstanceIdIn=" + String.join(",", steps);
            for (long waited = 0; rest.get("/task/count?" + stepTasks).get("count").asInt() < steps.size(); waited += POLL_MILLIS) {
                if (waited > 600_000) {
                    throw new IllegalStateException("the entity steps of " + id + " did not come");
                }
                Thread.sleep(POLL_MILLIS);
            }
            completeFloorTasks(rest, "/task?" + stepTasks);
            awaitFloor(rest, "/task/count?processInstanceId=" + id);
            completeFloorTasks(rest, "/task?processInstanceId=" + id);
            // closed once the closure's delivery has run, as the desk's closure mail is received
            for (long waited = 0; rest.get("/process-instance/count?processInstanceIds=" + id).get("count").asInt() > 0; waited += POLL_MILLIS) {
                if (waited > 600_000) {
                    throw new IllegalStateException("floor instance " + id + " did not end");
                }
                Thread.sleep(POLL_MILLIS);
            }
            return null;
        });
    }

    private static void awaitFloor(Rest rest, String countQuery) throws Exception {
        for (long waited = 0; rest.get(countQuery).get("count").asInt() == 0; waited += POLL_MILLIS) {
            if (waited > 600_000) {
                throw new IllegalStateException("nothing came for " + countQuery);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private static void completeFloorTasks(Rest rest, String query) throws Exception {
        for (JsonNode task : rest.get(query)) {
            rest.post("/task/" + task.get("id").asText() + "/complete", "{}");
        }
    }

    /** Seconds until the jobs the intake load left behind (acknowledgements, links, mail deliveries) are all done. */
    static double drain(String baseUrl) throws Exception {
        Rest rest = new Rest(baseUrl);
        long start = System.nanoTime();
        while (rest.get("/job/count?executable=true").get("count").asLong() > 0) {
            if (System.nanoTime() - start > java.time.Duration.ofMinutes(20).toNanos()) {
                throw new IllegalStateException("the job backlog did not drain within 20 minutes");
            }
            Thread.sleep(500);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static double timed(int requests, int drivers, Callable<Void> one) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(drivers);
        try {
            long start = System.nanoTime();
            List<Future<Void>> done = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                done.add(pool.submit(one));
            }
            for (Future<Void> each : done) {
                each.get();
            }
            return requests / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    /** /engine-rest as the administrator. */
    static final class Rest {

        private final HttpClient http = HttpClient.newHttpClient();
        private final ObjectMapper json = new ObjectMapper();
        private final String base;
        private final String auth = "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));

        Rest(String baseUrl) {
            this.base = baseUrl + "/engine-rest";
        }

        JsonNode get(String path) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth).GET());
        }

        /** As another desk user (password demo), for what that user's Tasklist asks. */
        JsonNode postAs(String user, String path, String body) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        JsonNode getAs(String user, String path) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8))).GET());
        }

        JsonNode post(String path, String body) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        void deployFloor() throws Exception {
            deploy("engine-floor.bpmn");
        }

        void deploy(String resource) throws Exception {
            String bpmn;
            try (InputStream in = EndToEnd.class.getResourceAsStream("/benchmark/" + resource)) {
                bpmn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String boundary = "bench" + UUID.randomUUID().toString().replace("-", "");
            String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + resource + "\r\n"
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + resource + "\"; filename=\"" + resource + "\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
            send(HttpRequest.newBuilder(URI.create(base + "/deployment/create")).header("Authorization", auth)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        private JsonNode send(HttpRequest.Builder request) throws Exception {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IOException(response.statusCode() + " " + response.body());
            }
            return response.body().isEmpty() ? json.createObjectNode() : json.readTree(response.body());
        }
    }
}
