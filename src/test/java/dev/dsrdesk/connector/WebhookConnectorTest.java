package dev.dsrdesk.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.dsrdesk.fulfilment.EntityStep;
import dev.dsrdesk.fulfilment.EntityStepRepository;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.support.DeskDriver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The analytics processor answers through an API, played by an HTTP server on loopback: requests are signed, an
 * immediate answer is taken, a later one arrives through a signed callback, silence hands the step to the liaison,
 * and an API that fails stands as an incident.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(DeskDriver.class)
class WebhookConnectorTest {

    private static final String SECRET = "processor-shared-secret-for-tests";
    private static final Processor PROCESSOR = new Processor();

    @Autowired DeskDriver desk;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired EntityStepRepository steps;

    @DynamicPropertySource
    static void processorApi(DynamicPropertyRegistry registry) {
        registry.add("dsr.stores[0].id", () -> "ga-api");
        registry.add("dsr.stores[0].entity", () -> "google-analytics");
        registry.add("dsr.stores[0].name", () -> "Google Analytics deletion API");
        registry.add("dsr.stores[0].type", () -> "WEBHOOK");
        registry.add("dsr.stores[0].webhook.url", () -> "http://127.0.0.1:" + PROCESSOR.port() + "/dsr");
        registry.add("dsr.stores[0].webhook.secret", () -> SECRET);
        registry.add("dsr.stores[0].webhook.answer-within", () -> "P2D");
    }

    @AfterAll
    static void stopProcessor() {
        PROCESSOR.stop();
    }

    @Test
    void aProcessorAnsweringAtOnceGetsASignedRequestAndItsRecordsAreKept() throws Exception {
        PROCESSOR.answer(200, """
                {"status":"DONE","records":[{"category":"Web navigation","field":"client id","value":"GA1.2.3456","source":"GA property 42"}]}""");
        String email = DeskDriver.uniqueEmail();
        DataSubjectRequest request = desk.acceptedRequest("ACCESS", email);
        desk.runJobs(request.getReference());

        JsonNode sent = json.readTree(PROCESSOR.lastBody());
        assertThat(PROCESSOR.lastSignature()).isEqualTo(WebhookConnector.sign(SECRET, PROCESSOR.lastBody()));
        assertThat(sent.get("reference").asText()).isEqualTo(request.getReference());
        assertThat(sent.get("action").asText()).isEqualTo("EXPORT");
        assertThat(sent.at("/subject/email").asText()).isEqualTo(email);
        assertThat(sent.at("/subject").has("fullName")).as("a typed name is no verified identifier").isFalse();
        assertThat(sent.get("identifiers").toString()).isEqualTo(
                "[{\"type\":\"EMAIL\",\"value\":\"" + email + "\",\"verified\":true,\"verifiedBy\":\"EMAIL_LINK\"}]");
        assertThat(sent.get("callbackUrl").asText()).startsWith("http://localhost:8080/connector-callback/");
        EntityStep step = step(request);
        assertThat(step.getState().name()).isEqualTo("DONE");
        assertThat(step.getRecordsJson()).contains("GA1.2.3456");
        assertThat(step.getCompletedBy()).isEqualTo("api:ga-api");
        assertThat(entityTasks(request)).doesNotContain("google-analytics");
    }

    @Test
    void aProcessorAnsweringLaterIsHeardOnlyThroughItsSignedCallback() throws Exception {
        PROCESSOR.answer(202, "");
        DataSubjectRequest request = desk.acceptedRequest("ERASURE", DeskDriver.uniqueEmail());
        desk.runJobs(request.getReference());
        String callback = callbackPath();
        assertThat(step(request).getState().name()).as("waiting").isEqualTo("OPEN");

        String answer = "{\"status\":\"DONE\",\"actionTaken\":\"User deletion request 991 completed\"}";
        mvc.perform(callback(callback, answer, WebhookConnector.sign("a forger's secret", answer))).andExpect(status().isUnauthorized());
        String offContract = "{\"status\":\"MAYBE\"}";
        mvc.perform(callback(callback, offContract, WebhookConnector.sign(SECRET, offContract))).andExpect(status().isBadRequest());
        assertThat(step(request).getState().name()).as("nothing changed").isEqualTo("OPEN");

        mvc.perform(callback(callback, answer, WebhookConnector.sign(SECRET, answer))).andExpect(status().isNoContent());
        desk.runJobs(request.getReference());

        assertThat(step(request).getState().name()).isEqualTo("DONE");
        assertThat(step(request).getReport().actionTaken()).isEqualTo("User deletion request 991 completed");
        mvc.perform(callback(callback, answer, WebhookConnector.sign(SECRET, answer))).andExpect(status().isGone());
        mvc.perform(callback("/connector-callback/" + "A".repeat(43), answer, WebhookConnector.sign(SECRET, answer)))
                .andExpect(status().isGone());
    }

    @Test
    void noAnswerInTimeHandsTheStepToTheProcessorLiaison() throws Exception {
        PROCESSOR.answer(202, "");
        DataSubjectRequest request = desk.acceptedRequest("ERASURE", DeskDriver.uniqueEmail());
        desk.runJobs(request.getReference());
        String callback = callbackPath();

        Job overdue = management.createJobQuery().timers().activityId("Event_EntityAnswerOverdue")
                .processInstanceId(desk.entityStepProcess(request.getReference(), "google-analytics")).singleResult();
        assertThat(overdue.getDuedate()).isAfter(new java.util.Date(System.currentTimeMillis() + 47L * 3600 * 1000));
        management.executeJob(overdue.getId());

        assertThat(entityTasks(request)).contains("google-analytics");
        String late = "{\"status\":\"NO_DATA\"}";
        mvc.perform(callback(callback, late, WebhookConnector.sign(SECRET, late))).andExpect(status().isConflict());
        assertThat(step(request).getState().name()).as("the late answer changed nothing").isEqualTo("OPEN");
    }

    @Test
    void anApiThatFailsStandsAsAnIncidentNeverAsNoData() {
        PROCESSOR.answer(500, "{\"error\":\"boom\"}");
        DataSubjectRequest request = desk.acceptedRequest("ACCESS", DeskDriver.uniqueEmail());
        desk.runJobsUntilIncident(request.getReference());
        assertThat(runtime.createIncidentQuery().processInstanceId(desk.entityStepProcess(request.getReference(), "google-analytics")).singleResult().getIncidentMessage())
                .contains("answered HTTP 500");
        assertThat(step(request).getState().name()).isEqualTo("OPEN");
    }

    private String callbackPath() throws IOException {
        String url = json.readTree(PROCESSOR.lastBody()).get("callbackUrl").asText();
        return url.substring("http://localhost:8080".length());
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder callback(String path, String body,
                                                                                                      String signature) {
        return post(path).contentType(MediaType.APPLICATION_JSON).header(WebhookConnector.SIGNATURE_HEADER, signature).content(body);
    }

    private EntityStep step(DataSubjectRequest request) {
        return steps.findByRequestIdAndEntityId(request.getId(), "google-analytics").orElseThrow();
    }

    private List<String> entityTasks(DataSubjectRequest request) {
        return desk.entityTasks(request.getReference()).stream().map(DeskDriver::entityOf).toList();
    }

    /** The processor's API: answers with what the test sets, and keeps what it was sent. */
    private static final class Processor {

        private final HttpServer server;
        private volatile int status = 200;
        private volatile String answer = "";
        private volatile String lastBody;
        private volatile String lastSignature;

        Processor() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/dsr", exchange -> {
                lastBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                lastSignature = exchange.getRequestHeaders().getFirst(WebhookConnector.SIGNATURE_HEADER);
                byte[] reply = answer.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, reply.length == 0 ? -1 : reply.length);
                if (reply.length > 0) {
                    exchange.getResponseBody().write(reply);
                }
                exchange.close();
            });
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        void answer(int status, String answer) {
            this.status = status;
            this.answer = answer;
        }

        String lastBody() {
            return lastBody;
        }

        String lastSignature() {
            return lastSignature;
        }

        void stop() {
            server.stop(0);
        }
    }
}
