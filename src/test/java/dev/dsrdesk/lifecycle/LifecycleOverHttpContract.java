package dev.dsrdesk.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The lifecycle as its users live it, over real HTTP against the running app with its job executor,
 * mail to a real SMTP server (GreenMail), and every task completed through /engine-rest as the
 * contract says, by the demo user of the entity it belongs to. Subclasses choose the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // /engine-rest serves the engine named "default"; @DirtiesContext keeps one such engine alive at a time
        "camunda.bpm.generate-unique-process-engine-name=false",
        "spring.mail.host=127.0.0.1",
        // the test mail server logs recipients; the desk's own logs are what the privacy check reads
        "logging.level.com.icegreen.greenmail=warn",
        "logging.level.org.camunda.bpm.engine.context=off"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
abstract class LifecycleOverHttpContract {

    private static final Pattern LINK = Pattern.compile("https?://\\S+");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String RECORDS = """
            [{"category":"Contact information","field":"email","value":"linus@example.org","source":"Rome CRM"},
             {"category":"Contact information","field":"company","value":"Example S.r.l.","source":"Rome CRM"}]""";

    static final GreenMail SMTP = startSmtp();

    @LocalServerPort int port;

    protected final ObjectMapper json = new ObjectMapper();
    protected final HttpClient http = HttpClient.newHttpClient();

    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    /** Submits over the API, confirms from the mail and accepts at triage; returns the reference. */
    protected String acceptedRequest(String type, String email) throws Exception {
        HttpResponse<String> created = send(post("/api/requests", """
                {"type":"%s","fullName":"Mia Example","email":"%s","country":"BR"}""".formatted(type, email))
                .header("Content-Type", "application/json"));
        String reference = json.readTree(created.body()).get("reference").asText();
        URI link = URI.create(links(text(awaitMail(email, "Please confirm your privacy request " + reference))).get(0));
        HttpResponse<String> page = send(get(link.getPath() + "?" + link.getRawQuery()));
        String session = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        send(post("/verify", form(Map.of("token", link.getRawQuery().substring("token=".length()), "_csrf", csrf(page.body()))))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", session));
        completeTask("operator", awaitTasks("operator", reference, "Task_TriageRequest", 1).get(0),
                "{\"decision\":{\"value\":\"ACCEPT\"}}", 204);
        return reference;
    }

    protected static String uniqueEmail() {
        return "linus+" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

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
        assertThat(links).as("the verification mail holds exactly one link").hasSize(1);
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

    /** The requester opens the closure mail's only link, sees the confirm page, confirms, and gets the answer. */
    protected HttpResponse<String> openDownload(String closureText) throws Exception {
        return openDownload(closureText, HttpResponse.BodyHandlers.ofString());
    }

    protected <T> HttpResponse<T> openDownload(String closureText, HttpResponse.BodyHandler<T> body) throws Exception {
        List<String> links = links(closureText);
        assertThat(links).as("the closure mail holds exactly one link").hasSize(1);
        URI link = URI.create(links.get(0));
        assertThat(link.getPath()).isEqualTo("/download");
        HttpResponse<String> page = send(get(link.getPath() + "?" + link.getRawQuery()));
        assertThat(page.statusCode()).isEqualTo(200);
        String session = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        return http.send(post("/download", form(Map.of("token", link.getRawQuery().substring("token=".length()),
                        "_csrf", csrf(page.body()))))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", session).build(), body);
    }

    protected JsonNode onlyTaskSeenBy(String user, String reference) throws Exception {
        JsonNode tasks = json.readTree(send(engineRest(user, "/task?processInstanceBusinessKey=" + reference)).body());
        assertThat(tasks).as("%s sees only its own entity's task", user).hasSize(1);
        return tasks.get(0);
    }

    protected JsonNode awaitTasks(String user, String reference, String key, int count) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            found[0] = json.readTree(send(engineRest(user,
                    "/task?processInstanceBusinessKey=" + reference + "&taskDefinitionKey=" + key)).body());
            assertThat(found[0]).hasSize(count);
        });
        return found[0];
    }

    protected void completeTask(String user, JsonNode task, String variables, int expectedStatus) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/engine-rest/task/" + task.get("id").asText() + "/complete"))
                .header("Authorization", basic(user)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"variables\":" + variables + "}")));
        assertThat(response.statusCode()).as("%s completing %s: %s", user, task.get("name").asText(), response.body())
                .isEqualTo(expectedStatus);
    }

    protected JsonNode staff(String user, String path) throws Exception {
        HttpResponse<String> response = send(get(path).header("Authorization", basic(user)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    protected HttpRequest.Builder engineRest(String user, String path) {
        return get("/engine-rest" + path).header("Authorization", basic(user));
    }

    protected static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    protected HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET();
    }

    protected HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    protected HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected static String form(Map<String, String> fields) {
        return String.join("&", fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
    }

    protected static String csrf(String page) {
        Matcher matcher = CSRF.matcher(page);
        assertThat(matcher.find()).as("a CSRF token in the confirmation page").isTrue();
        return matcher.group(1);
    }

    protected static MimeMessage awaitMail(String recipient, String subject) {
        MimeMessage[] found = new MimeMessage[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            found[0] = Arrays.stream(SMTP.getReceivedMessages())
                    .filter(message -> addressedTo(message, recipient) && subjectOf(message).equals(subject))
                    .findFirst().orElse(null);
            assertThat(found[0]).as("mail '%s' to %s", subject, recipient).isNotNull();
        });
        return found[0];
    }

    private static boolean addressedTo(MimeMessage message, String recipient) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(recipient));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static String text(MimeMessage message) throws Exception {
        return (String) message.getContent();
    }

    protected static List<String> links(String text) {
        return LINK.matcher(text).results().map(java.util.regex.MatchResult::group).toList();
    }

    private static GreenMail startSmtp() {
        GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
