package dev.dsrdesk.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
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

/**
 * The desk's users over real HTTP: a requester (API, mails from a real SMTP server, the pages behind the links) and
 * staff (HTTP Basic on /engine-rest and /api, as the demo users, password "demo"). Subclasses say where the desk
 * runs and which mail server it sends to.
 */
public abstract class DeskOverHttp {

    private static final Pattern LINK = Pattern.compile("https?://\\S+");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    protected final ObjectMapper json = new ObjectMapper();
    protected final HttpClient http = HttpClient.newHttpClient();

    /** Where the desk answers, e.g. http://localhost:8080. */
    protected abstract String baseUrl();

    /** The mail server the desk sends to. */
    protected abstract GreenMail smtp();

    /** Submits over the API, confirms from the mail and accepts at triage; returns the reference. */
    public String acceptedRequest(String type, String email) throws Exception {
        String reference = verifiedRequest(type, email);
        completeTask("operator", awaitTasks("operator", reference, "Task_TriageRequest", 1).get(0),
                "{\"decision\":{\"value\":\"ACCEPT\"}}", 204);
        return reference;
    }

    /** Submits over the API and confirms from the mail, as the requester does; returns the reference. */
    public String verifiedRequest(String type, String email) throws Exception {
        HttpResponse<String> created = send(post("/api/requests", """
                {"type":"%s","fullName":"Mia Example","email":"%s","country":"BR"}""".formatted(type, email))
                .header("Content-Type", "application/json"));
        String reference = json.readTree(created.body()).get("reference").asText();
        URI link = URI.create(links(text(awaitMail(email, "Please confirm your privacy request " + reference))).get(0));
        HttpResponse<String> page = send(get(link.getPath() + "?" + link.getRawQuery()));
        String session = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        send(post("/verify", form(Map.of("token", link.getRawQuery().substring("token=".length()), "_csrf", csrf(page.body()))))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", session));
        return reference;
    }

    public static String uniqueEmail() {
        return "linus+" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** The requester opens the closure mail's only link, sees the confirm page, confirms, and gets the answer. */
    public HttpResponse<String> openDownload(String closureText) throws Exception {
        return openDownload(closureText, HttpResponse.BodyHandlers.ofString());
    }

    public <T> HttpResponse<T> openDownload(String closureText, HttpResponse.BodyHandler<T> body) throws Exception {
        List<String> links = links(closureText);
        assertThat(links).as("the closure mail holds the download link, then the request page's").hasSize(2);
        assertThat(URI.create(links.get(1)).getPath()).isEqualTo("/request");
        URI link = URI.create(links.get(0));
        assertThat(link.getPath()).isEqualTo("/download");
        HttpResponse<String> page = send(get(link.getPath() + "?" + link.getRawQuery()));
        assertThat(page.statusCode()).isEqualTo(200);
        String session = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        return http.send(post("/download", form(Map.of("token", link.getRawQuery().substring("token=".length()),
                        "_csrf", csrf(page.body()))))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", session).build(), body);
    }

    public JsonNode onlyTaskSeenBy(String user, String reference) throws Exception {
        JsonNode tasks = json.readTree(send(engineRest(user, "/task?processInstanceBusinessKey=" + reference)).body());
        assertThat(tasks).as("%s sees only its own entity's task", user).hasSize(1);
        return tasks.get(0);
    }

    public JsonNode awaitTasks(String user, String reference, String key, int count) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            found[0] = json.readTree(send(engineRest(user,
                    "/task?processInstanceBusinessKey=" + reference + "&taskDefinitionKey=" + key)).body());
            assertThat(found[0]).hasSize(count);
        });
        return found[0];
    }

    public void completeTask(String user, JsonNode task, String variables, int expectedStatus) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/engine-rest/task/" + task.get("id").asText() + "/complete"))
                .header("Authorization", basic(user)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"variables\":" + variables + "}")));
        assertThat(response.statusCode()).as("%s completing %s: %s", user, task.get("name").asText(), response.body())
                .isEqualTo(expectedStatus);
    }

    public JsonNode staff(String user, String path) throws Exception {
        HttpResponse<String> response = send(get(path).header("Authorization", basic(user)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    public HttpRequest.Builder engineRest(String user, String path) {
        return get("/engine-rest" + path).header("Authorization", basic(user));
    }

    public static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    public HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET();
    }

    public HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private URI uri(String path) {
        return URI.create(baseUrl() + path);
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public static String form(Map<String, String> fields) {
        return String.join("&", fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
    }

    public static String csrf(String page) {
        Matcher matcher = CSRF.matcher(page);
        assertThat(matcher.find()).as("a CSRF token in the confirmation page").isTrue();
        return matcher.group(1);
    }

    public MimeMessage awaitMail(String recipient, String subject) {
        MimeMessage[] found = new MimeMessage[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            found[0] = Arrays.stream(smtp().getReceivedMessages())
                    .filter(message -> GreenMailbox.addressedTo(message, recipient) && GreenMailbox.subjectOf(message).equals(subject))
                    .findFirst().orElse(null);
            assertThat(found[0]).as("mail '%s' to %s", subject, recipient).isNotNull();
        });
        return found[0];
    }

    /** The subjects of every mail the server received for a recipient, in order of arrival. */
    public List<String> subjectsTo(String recipient) {
        return new GreenMailbox(this::smtp).subjects(recipient);
    }

    public static String text(MimeMessage message) {
        return GreenMailbox.textOf(message);
    }

    public static List<String> links(String text) {
        return LINK.matcher(text).results().map(java.util.regex.MatchResult::group).toList();
    }

    /** A real SMTP server on a free loopback port. */
    public static GreenMail startSmtp() {
        return startSmtp(freePort());
    }

    public static GreenMail startSmtp(int port) {
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
