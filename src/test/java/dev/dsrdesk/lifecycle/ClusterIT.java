package dev.dsrdesk.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import dev.dsrdesk.support.DeskOverHttp;
import dev.dsrdesk.support.DeskProcess;
import dev.dsrdesk.support.FreshPostgresDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two packaged desks on one PostgreSQL database, as Camunda's homogeneous cluster: 50 requests driven at once,
 * each started on one node and worked on the other. Every request closes, every job runs once (each mail arrives
 * exactly once), no task is lost, and both nodes' job executors share the work.
 */
class ClusterIT {

    private static final int REQUESTS = 50;
    private static final GreenMail SMTP = DeskOverHttp.startSmtp();
    private static final List<String> ENTITY_USERS = List.of("rome", "trento", "sao-paulo", "pleasant-hill", "google-analytics");

    @TempDir Path workDir;
    private final List<DeskProcess> nodes = new ArrayList<>();

    @Test
    void twoNodesOnOneDatabaseShareTheWorkAndDoEverythingOnce() throws Exception {
        Map<String, String> settings = new LinkedHashMap<>(RestartIT.nodeSettings(SMTP));
        settings.put("spring.datasource.url", FreshPostgresDatabase.create());
        settings.put("spring.datasource.username", FreshPostgresDatabase.user());
        settings.put("spring.datasource.password", FreshPostgresDatabase.password());
        Node a = start("node-a", settings);
        Node b = start("node-b", settings);

        ExecutorService clients = Executors.newFixedThreadPool(10);
        List<Future<Request>> driven = new ArrayList<>();
        try {
            for (int i = 0; i < REQUESTS; i++) {
                Node first = i % 2 == 0 ? a : b;
                Node second = first == a ? b : a;
                driven.add(clients.submit(() -> drive(first, second)));
            }
            List<Request> requests = new ArrayList<>();
            for (Future<Request> request : driven) {
                requests.add(request.get());
            }

            for (Request request : requests) {
                assertThat(a.staff("manager", "/api/requests/" + request.reference()).get("status").asText())
                        .as(request.reference()).isEqualTo("CLOSED");
                assertThat(a.subjectsTo(request.email())).as("%s: each mail exactly once", request.reference())
                        .containsExactlyInAnyOrder(
                                "We received your privacy request " + request.reference(),
                                "Please confirm your privacy request " + request.reference(),
                                "Your privacy request " + request.reference() + " is complete");
            }
            assertThat(count(a, "/engine-rest/incident/count")).as("no incident").isZero();
            assertThat(count(a, "/engine-rest/task/count?processDefinitionKey=entity-fulfilment")).as("no task left").isZero();
            assertThat(count(a, "/engine-rest/history/job-log/count?hostname=node-a&successLog=true")).as("node a worked").isPositive();
            assertThat(count(a, "/engine-rest/history/job-log/count?hostname=node-b&successLog=true")).as("node b worked").isPositive();
        } finally {
            clients.shutdownNow();
        }
    }

    /** Submitted, confirmed and accepted on one node; answered and approved on the other; closed by either. */
    private Request drive(Node first, Node second) throws Exception {
        String email = DeskOverHttp.uniqueEmail();
        String reference = first.acceptedRequest("ACCESS", email);
        second.awaitTasks("operator", reference, "Task_FulfilEntityStep", 5);
        for (String user : ENTITY_USERS) {
            second.completeTask(user, second.onlyTaskSeenBy(user, reference), "{\"outcome\":{\"value\":\"NO_DATA\"}}", 204);
        }
        JsonNode review = second.awaitTasks("operator", reference, "Task_ReviewResponse", 1).get(0);
        second.completeTask("reviewer", review, "{\"approved\":{\"value\":true}}", 204);
        first.awaitMail(email, "Your privacy request " + reference + " is complete");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(first.staff("operator", "/api/requests/" + reference).get("status").asText()).isEqualTo("CLOSED"));
        return new Request(reference, email);
    }

    private Node start(String name, Map<String, String> settings) throws Exception {
        Map<String, String> node = new LinkedHashMap<>(settings);
        // names the node in the engine's job log
        node.put("camunda.bpm.generic-properties.properties.hostname", name);
        Path dir = Files.createDirectories(workDir.resolve(name));
        DeskProcess process = DeskProcess.start(name, dir, node);
        nodes.add(process);
        return new Node(process);
    }

    private static long count(Node node, String path) throws Exception {
        return node.json().readTree(node.send(node.engineRest("operator", path.substring("/engine-rest".length()))).body())
                .get("count").asLong();
    }

    @AfterEach
    void stopNodes() {
        nodes.forEach(DeskProcess::kill);
    }

    private record Request(String reference, String email) {
    }

    /** One node of the cluster, as its users reach it. */
    private static final class Node extends DeskOverHttp {

        private final DeskProcess process;

        Node(DeskProcess process) {
            this.process = process;
        }

        com.fasterxml.jackson.databind.ObjectMapper json() {
            return json;
        }

        @Override
        protected String baseUrl() {
            return process.baseUrl();
        }

        @Override
        protected GreenMail smtp() {
            return SMTP;
        }
    }
}
