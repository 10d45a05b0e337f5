package dev.dsrdesk.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import dev.dsrdesk.support.DeskOverHttp;
import dev.dsrdesk.support.DeskProcess;
import dev.dsrdesk.support.FreshPostgresDatabase;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged desk killed with SIGKILL (as kill -9) twice in a request's life, and started again on the same
 * database: first while entity steps are open and answers are being processed, then with finished work waiting as
 * jobs. Every time it carries on where it stopped, and the requester gets each mail exactly once.
 */
class RestartIT extends DeskOverHttp {

    private static final GreenMail SMTP = startSmtp();

    @TempDir Path workDir;
    private DeskProcess desk;

    @Test
    void onTheEmbeddedH2FileAKilledDeskCarriesOnWhereItStopped() throws Exception {
        survivesHardKills(Map.of());
    }

    @Test
    void onPostgresqlAKilledDeskCarriesOnWhereItStopped() throws Exception {
        survivesHardKills(Map.of("spring.datasource.url", FreshPostgresDatabase.create(),
                "spring.datasource.username", FreshPostgresDatabase.user(),
                "spring.datasource.password", FreshPostgresDatabase.password()));
    }

    @Test
    void onPostgresqlADeskKilledRightAfterAnsweringIntakeStillAcknowledgesTheRequest() throws Exception {
        Map<String, String> database = Map.of("spring.datasource.url", FreshPostgresDatabase.create(),
                "spring.datasource.username", FreshPostgresDatabase.user(),
                "spring.datasource.password", FreshPostgresDatabase.password());
        // without a job executor the start certainly waits as a job when the desk dies: the 201 is all there was
        desk = DeskProcess.start("answers", workDir, settings(database, false));
        String email = uniqueEmail();
        HttpResponse<String> created = send(post("/api/requests", """
                {"type":"ERASURE","fullName":"Mia Example","email":"%s","country":"IT"}""".formatted(email))
                .header("Content-Type", "application/json"));
        assertThat(created.statusCode()).isEqualTo(201);
        String reference = json.readTree(created.body()).get("reference").asText();
        desk.kill();
        assertThat(subjectsTo(email)).as("nothing was sent before the kill").isEmpty();

        desk = DeskProcess.start("carries-on", workDir, settings(database, true));

        awaitMail(email, "We received your privacy request " + reference);
        awaitMail(email, "Please confirm your privacy request " + reference);
        assertThat(staff("operator", "/api/requests/" + reference).get("status").asText()).isEqualTo("AWAITING_VERIFICATION");
        assertThat(subjectsTo(email)).as("each mail once").containsExactlyInAnyOrder(
                "We received your privacy request " + reference, "Please confirm your privacy request " + reference);
    }

    private void survivesHardKills(Map<String, String> database) throws Exception {
        desk = DeskProcess.start("first", workDir, settings(database, true));
        String email = uniqueEmail();
        String reference = acceptedRequest("ACCESS", email);
        awaitTasks("operator", reference, "Task_FulfilEntityStep", 5);
        for (String entityUser : List.of("rome", "trento")) {
            completeTask(entityUser, onlyTaskSeenBy(entityUser, reference), "{\"outcome\":{\"value\":\"NO_DATA\"}}", 204);
        }
        desk.kill();

        // a node without a job executor: the answers it takes wait as jobs when it dies
        desk = DeskProcess.start("second", workDir, settings(database, false));
        assertThat(staff("operator", "/api/requests/" + reference).get("status").asText()).isEqualTo("IN_FULFILMENT");
        for (String entityUser : List.of("sao-paulo", "pleasant-hill", "google-analytics")) {
            completeTask(entityUser, onlyTaskSeenBy(entityUser, reference), "{\"outcome\":{\"value\":\"NO_DATA\"}}", 204);
        }
        assertThat(send(engineRest("operator", "/job/count?processInstanceId=" + processOf(reference))).body())
                .doesNotContain("\"count\":0");
        desk.kill();

        desk = DeskProcess.start("third", workDir, settings(database, true));
        completeTask("reviewer", awaitTasks("operator", reference, "Task_ReviewResponse", 1).get(0),
                "{\"approved\":{\"value\":true}}", 204);
        awaitMail(email, "Your privacy request " + reference + " is complete");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(staff("operator", "/api/requests/" + reference).get("status").asText()).isEqualTo("CLOSED"));
        assertThat(staff("operator", "/api/requests/" + reference).get("entities").findValuesAsText("state"))
                .hasSize(5).containsOnly("NO_DATA");
        assertThat(subjectsTo(email)).as("each mail once").containsExactlyInAnyOrder(
                "We received your privacy request " + reference,
                "Please confirm your privacy request " + reference,
                "Your privacy request " + reference + " is complete");
    }

    private String processOf(String reference) throws Exception {
        return json.readTree(send(engineRest("operator", "/process-instance?processDefinitionKey=data-subject-request&businessKey="
                + reference)).body()).get(0).get("id").asText();
    }

    private Map<String, String> settings(Map<String, String> database, boolean jobExecutor) {
        Map<String, String> settings = new LinkedHashMap<>(database);
        settings.putAll(nodeSettings(SMTP));
        settings.put("camunda.bpm.job-execution.enabled", String.valueOf(jobExecutor));
        return settings;
    }

    /** Settings every node of these tests shares: {@link DeskProcess#testSettings}, and quick job pick-up. */
    static Map<String, String> nodeSettings(GreenMail smtp) {
        Map<String, String> settings = DeskProcess.testSettings(smtp);
        // a job locked by a killed node is free again after this lease (production keeps Camunda's 5 minutes)
        settings.put("camunda.bpm.job-execution.lock-time-in-millis", "10000");
        // jobs another node created are found by polling: poll often
        settings.put("camunda.bpm.job-execution.wait-time-in-millis", "500");
        settings.put("camunda.bpm.job-execution.max-wait", "1000");
        return settings;
    }

    @AfterEach
    void stopDesk() {
        if (desk != null) {
            desk.kill();
        }
    }

    @Override
    protected String baseUrl() {
        return desk.baseUrl();
    }

    @Override
    protected GreenMail smtp() {
        return SMTP;
    }
}
