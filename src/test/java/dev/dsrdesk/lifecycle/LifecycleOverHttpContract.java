package dev.dsrdesk.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import dev.dsrdesk.support.DeskAtWorkTest;
import dev.dsrdesk.support.DeskOverHttp;
import dev.dsrdesk.support.SharedSmtpServer;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.system.CapturedOutput;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The lifecycle as its users live it, over real HTTP against the running app with its job executor,
 * mail to a real SMTP server (GreenMail), and every task completed through /engine-rest as the
 * contract says, by the demo user of the entity it belongs to. Subclasses choose the database.
 */
@DeskAtWorkTest
@ExtendWith(OutputCaptureExtension.class)
abstract class LifecycleOverHttpContract extends DeskOverHttp {

    private static final String RECORDS = """
            [{"category":"Contact information","field":"email","value":"linus@example.org","source":"Rome CRM"},
             {"category":"Contact information","field":"company","value":"Example S.r.l.","source":"Rome CRM"}]""";

    @LocalServerPort int port;

    @Test
    void aRequestTravelsFromIntakeToTheClosureMail(CapturedOutput logs) throws Exception {
        String email = uniqueEmail();

        HttpResponse<String> created = send(post("/api/requests", """
                {"type":"ACCESS","fullName":"Linus Example","email":"%s","country":"IT","details":"Newsletter subscriber"}
                """.formatted(email)).header("Content-Type", "application/json"));
        assertThat(created.statusCode()).isEqualTo(201);
        String reference = json.readTree(created.body()).get("reference").asText();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/requests/" + reference);

        MimeMessage acknowledgement = awaitMail(email, "We received your privacy request " + reference);
        assertThat(text(acknowledgement)).contains(reference);
        MimeMessage verificationMail = awaitMail(email, "Please confirm your privacy request " + reference);
        List<String> links = links(text(verificationMail));
        assertThat(links).as("the verification mail holds one verification link and the request page's")
                .hasSize(2).filteredOn(found -> URI.create(found).getPath().startsWith("/verify")).hasSize(1);
        assertThat(URI.create(links.get(1)).getPath()).isEqualTo("/request");
        URI link = URI.create(links.get(0));
        assertThat(link.getPath()).startsWith("/verify");

        HttpResponse<String> confirmPage = send(get(link.getPath() + "?" + link.getRawQuery()));
        assertThat(confirmPage.statusCode()).isEqualTo(200);
        assertThat(staff("operator", "/api/requests/" + reference).get("status").asText()).isEqualTo("AWAITING_VERIFICATION");
        String token = link.getRawQuery().substring("token=".length());
        String session = confirmPage.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpResponse<String> confirmed = send(post("/verify", form(Map.of("token", token, "_csrf", csrf(confirmPage.body()))))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", session));
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains(reference);

        JsonNode triage = awaitTasks("operator", reference, "Task_TriageRequest", 1).get(0);
        JsonNode triageShows = json.readTree(send(engineRest("operator", "/task/" + triage.get("id").asText() + "/form-variables")).body());
        assertThat(triageShows.at("/reference/value").asText()).as("the form shows the reference, from the business key")
                .isEqualTo(reference);
        assertThat(triageShows.at("/receivedAt/value").asText()).as("a date as people write it, not an ISO instant")
                .matches("(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2} \\S+");
        completeTask("operator", triage, "{\"decision\":{\"value\":\"ACCEPT\"}}", 204);

        JsonNode entitySteps = awaitTasks("operator", reference, "Task_FulfilEntityStep", 5);
        assertThat(entitySteps).allSatisfy(task -> assertThat(task.get("due").isNull()).isFalse());
        JsonNode romeStep = onlyTaskSeenBy("rome", reference);
        JsonNode trentoStep = onlyTaskSeenBy("trento", reference);
        assertThat(romeStep.get("name").asText()).contains("(rome)");
        assertThat(trentoStep.get("name").asText()).contains("(trento)");
        assertThat(send(engineRest("rome", "/task/" + trentoStep.get("id").asText() + "/variables")).statusCode())
                .as("Rome reads nothing of Trento's step").isIn(403, 404);
        completeTask("rome", trentoStep, "{\"outcome\":{\"value\":\"NO_DATA\"}}", 403);
        assertThat(send(get("/engine-rest/task")).statusCode()).isEqualTo(401);
        assertThat(send(get("/api/requests/" + reference).header("Authorization", basic("rome"))).statusCode()).isEqualTo(403);
        assertThat(send(get("/api/requests/" + reference)).statusCode()).isEqualTo(401);

        completeTask("rome", romeStep, json.writeValueAsString(Map.of(
                "outcome", Map.of("value", "DONE"), "records", Map.of("value", "[{\"category\": "))), 400);
        completeTask("rome", romeStep, json.writeValueAsString(Map.of(
                "outcome", Map.of("value", "DONE"), "records", Map.of("value", RECORDS), "notes", Map.of("value", "CRM contact"))), 204);
        for (String entityUser : List.of("trento", "sao-paulo", "pleasant-hill", "google-analytics")) {
            completeTask(entityUser, onlyTaskSeenBy(entityUser, reference), "{\"outcome\":{\"value\":\"NO_DATA\"}}", 204);
        }

        JsonNode review = awaitTasks("operator", reference, "Task_ReviewResponse", 1).get(0);
        JsonNode shown = json.readTree(send(engineRest("reviewer", "/task/" + review.get("id").asText() + "/form-variables")).body());
        assertThat(shown.at("/responseSummary/value").asText()).as("the reviewer sees the records, not a count")
                .contains("Contact information · email: linus@example.org — from Rome CRM");
        String previewPath = "/staff/requests/" + reference + "/preview";
        assertThat(shown.at("/previewAddress/value").asText()).endsWith(previewPath);
        HttpResponse<String> preview = send(get(previewPath).header("Authorization", basic("reviewer")));
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("Preview for the desk’s reviewer").contains("linus@example.org")
                .contains("Example S.r.l.").contains("id=\"rights\"");
        assertThat(send(get(previewPath).header("Authorization", basic("manager"))).statusCode())
                .as("managers watch deadlines, not requesters' data").isEqualTo(403);
        assertThat(send(get(previewPath).header("Authorization", basic("rome"))).statusCode()).isEqualTo(403);
        assertThat(send(get("/staff/requests/DSR-1999-000001/preview").header("Authorization", basic("reviewer"))).statusCode())
                .isEqualTo(404);
        completeTask("reviewer", review, "{\"approved\":{\"value\":true}}", 204);

        MimeMessage closure = awaitMail(email, "Your privacy request " + reference + " is complete");
        assertThat(text(closure)).contains("Interactive Media S.p.A. (group controller): done")
                .contains("IM Service Lab Srl: holds no personal data about you")
                .doesNotContain("linus@example.org").doesNotContain("Example S.r.l.");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(staff("manager", "/api/requests/" + reference).get("status").asText()).isEqualTo("CLOSED"));
        JsonNode view = staff("operator", "/api/requests/" + reference);
        assertThat(view.get("entities")).hasSize(5);
        assertThat(view.get("dueDate").asText()).isNotBlank();
        assertThat(view.get("entities").findValuesAsText("state")).containsOnly("DONE", "NO_DATA");

        HttpResponse<String> report = openDownload(text(closure));
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(report.body()).contains(reference).contains("linus@example.org").contains("Example S.r.l.")
                .contains("Rome CRM").contains("Interactive Media S.p.A. (group controller)")
                .contains("IM Service Lab Srl").contains("It holds no personal data about you")
                .contains("id=\"purposes\"", "id=\"categories\"", "id=\"recipients\"", "id=\"retention\"",
                        "id=\"rights\"", "id=\"complaint\"", "id=\"source\"")
                .contains("To provide customer support").contains("legitimate interest")
                .contains("Google Analytics").contains("Garante");
        assertThat(logs.getAll()).as("the logs of a whole lifecycle hold none of the requester's data")
                .doesNotContain(email).doesNotContain("Linus Example").doesNotContain("Example S.r.l.");
    }

    @Override
    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    @Override
    protected GreenMail smtp() {
        return SharedSmtpServer.server();
    }
}
