package dev.dsrdesk.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import dev.dsrdesk.support.AgentRequests;
import dev.dsrdesk.support.DeskOverHttp;
import dev.dsrdesk.support.DeskRunningOverHttp;
import dev.dsrdesk.support.MultipartBody;
import dev.dsrdesk.support.RawHttp;
import dev.dsrdesk.support.SampleFiles;
import dev.dsrdesk.support.WebappSession;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Requests made on the data subject's behalf, as the people involved live them, over real HTTP against the running
 * desk with its job executor, mail to a real SMTP server (GreenMail), tasks completed through /engine-rest as the demo
 * users: the agent asks, the data subject confirms at their own address (told who asked), an operator checks the
 * permission, the answer and its data go to the data subject only, the agent hears where the request stands. And the
 * documents behind it: refused when the desk does not take them, shown to operators only.
 */
@DeskRunningOverHttp
class RequestsMadeByAgentsOverHttpTest extends DeskOverHttp {

    private static final GreenMail SMTP = startSmtp();
    private static final long LARGEST_BODY = 4 * ((5L * 1024 * 1024 + 2) / 3) + 64 * 1024;

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:agents-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @Test
    void theDataSubjectConfirmsTheAgentsRequestAnOperatorAcceptsThePermissionAndOnlyTheDataSubjectGetsTheData(
            CapturedOutput logs) throws Exception {
        String subject = uniqueEmail();
        String agent = agentEmail();

        HttpResponse<String> created = send(post("/api/requests", json.writeValueAsString(AgentRequests.json("ACCESS", subject, agent,
                "Paolo Bianchi", "Privacy Agents www.agents.example"))).header("Content-Type", "application/json"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String reference = json.readTree(created.body()).get("reference").asText();

        String confirmMail = text(awaitMail(subject, "Please confirm your privacy request " + reference));
        assertThat(confirmMail).as("the link goes to the data subject, and says who asked for them")
                .contains("This request was made on your behalf by Paolo Bianchi (Privacy Agents agents[.]example)");
        assertThat(links(confirmMail)).as("the agent's typed text makes no link: the mail's are the desk's own")
                .extracting(link -> URI.create(link).getPath()).containsExactly("/verify", "/request");
        assertThat(text(awaitMail(subject, "We received your privacy request " + reference)))
                .contains("This request was made on your behalf by Paolo Bianchi");
        String agentsReceipt = text(awaitMail(agent, "We received the privacy request " + reference
                + " you made on someone’s behalf"));
        assertThat(agentsReceipt).startsWith("Hello,").contains("to confirm the request at their own email address")
                .doesNotContain("Ada Lovelace").doesNotContain(subject);
        assertThat(links(agentsReceipt)).isEmpty();
        assertThat(subjectsTo(agent)).as("the agent never gets the link").noneMatch(title -> title.contains("confirm"));

        confirm(confirmMail);
        JsonNode check = awaitTasks("operator", reference, "Task_ReviewIdentity", 1).get(0);
        assertThat(check.get("name").asText()).isEqualTo("Check the agent's permission for " + reference);
        assertThat(staff("operator", "/api/requests/" + reference).get("status").asText()).isEqualTo("AWAITING_IDENTITY_REVIEW");
        assertThat(json.readTree(send(engineRest("operator", "/task?processInstanceBusinessKey=" + reference
                + "&taskDefinitionKey=Task_TriageRequest")).body())).as("nothing is done before the permission is checked").isEmpty();
        JsonNode shown = json.readTree(send(engineRest("operator", "/task/" + check.get("id").asText() + "/form-variables")).body());
        assertThat(shown.at("/onBehalf/value").asBoolean()).isTrue();
        assertThat(shown.at("/agentName/value").asText()).isEqualTo("Paolo Bianchi");
        assertThat(shown.at("/agentOrganisation/value").asText()).isEqualTo("Privacy Agents www.agents.example");
        assertThat(shown.at("/agentDocuments/value").asText()).isEqualTo("1 document: agent permission (PDF, 1 KB)");
        assertThat(send(engineRest("operator", "/task/" + check.get("id").asText() + "/deployed-form")).body())
                .contains("/staff/requests/{{reference}}/documents");

        completeTask("operator", check, """
                {"permissionAccepted":{"value":true},"identityEvidence":{"value":"Signed by the data subject, names Paolo Bianchi"}}""",
                204);
        completeTask("operator", awaitTasks("operator", reference, "Task_TriageRequest", 1).get(0),
                "{\"decision\":{\"value\":\"ACCEPT\"}}", 204);
        answerEveryEntity(reference);
        completeTask("reviewer", awaitTasks("operator", reference, "Task_ReviewResponse", 1).get(0),
                "{\"approved\":{\"value\":true}}", 204);

        String closure = text(awaitMail(subject, "Your privacy request " + reference + " is complete"));
        assertThat(links(closure)).as("the data subject's answer holds the download link, then the request page's")
                .extracting(link -> URI.create(link).getPath()).containsExactly("/download", "/request");
        String status = text(awaitMail(agent, "Privacy request " + reference + ", made on someone’s behalf: it has ended"));
        assertThat(status).contains("is answered").contains("we send you no personal data of theirs");
        assertThat(links(status)).as("no download link for the agent").isEmpty();
        assertThat(status).doesNotContain("/download").doesNotContain("paolo.record@example.org").doesNotContain(subject);
        assertThat(openDownload(closure).body()).contains("paolo.record@example.org");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(documentsOf(reference)).as("the permission goes when the request closes").isZero());
        assertThat(subjectsTo(agent)).as("receipt and end, nothing else").hasSize(2);
        assertThat(logs.getAll()).as("the logs hold neither the agent nor the data subject")
                .doesNotContain(agent).doesNotContain("Paolo Bianchi").doesNotContain(subject);
    }

    @Test
    void aRefusedPermissionClosesTheRequestWithTheReasonsToTheDataSubjectAndToTheAgent() throws Exception {
        String subject = uniqueEmail();
        String agent = agentEmail();
        String reference = submitByAgent("ERASURE", subject, agent);
        confirm(text(awaitMail(subject, "Please confirm your privacy request " + reference)));
        JsonNode check = awaitTasks("operator", reference, "Task_ReviewIdentity", 1).get(0);

        completeTask("operator", check, """
                {"permissionAccepted":{"value":false},"identityEvidence":{"value":"Permission unsigned"}}""", 400);
        completeTask("operator", check, """
                {"permissionAccepted":{"value":false},"identityEvidence":{"value":"Permission unsigned"},
                 "permissionRefusalReason":{"value":"The permission you sent is not signed by the person it names."}}""", 204);

        String toSubject = text(awaitMail(subject, "Your privacy request " + reference + ", made on your behalf, was closed"));
        assertThat(toSubject).contains("which Paolo Bianchi (Privacy Agents Inc.) made on your behalf")
                .contains("The permission you sent is not signed by the person it names.")
                .contains("the right to lodge a complaint with a supervisory authority");
        String toAgent = text(awaitMail(agent, "We could not accept your permission for privacy request " + reference));
        assertThat(toAgent).startsWith("Hello,").contains("The permission you sent is not signed by the person it names.")
                .doesNotContain("Ada Lovelace").doesNotContain(subject);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(staff("operator", "/api/requests/" + reference).get("status").asText()).isEqualTo("REJECTED"));
        assertThat(json.readTree(send(engineRest("operator", "/task?processInstanceBusinessKey=" + reference)).body()))
                .as("no triage, no entity asked").isEmpty();
        assertThat(documentsOf(reference)).isZero();
        assertThat(subjectsTo(agent)).as("receipt and refusal: the refusal is the agent's news of the end").hasSize(2);
        assertThat(jdbc.queryForObject("""
                select a.permission from authorized_agent a join data_subject_request r on r.id = a.request_id
                where r.reference = ?""", String.class, reference)).isEqualTo("REFUSED");
    }

    @Test
    void documentsAreOpenedByOperatorsOnlyAndEveryOtherCallerIsRefusedAndChangesNothing() throws Exception {
        String subject = uniqueEmail();
        String reference = submitByAgent("ACCESS", subject, agentEmail());
        // the request's own steps are done: what is audited from here is what the callers did
        awaitMail(subject, "Please confirm your privacy request " + reference);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from queued_mail where reference = ? and delivered_at is null", Long.class, reference)).isZero());
        long id = jdbc.queryForObject("""
                select d.id from requester_document d join data_subject_request r on r.id = d.request_id
                where r.reference = ?""", Long.class, reference);
        String list = "/staff/requests/" + reference + "/documents";
        String file = list + "/" + id;
        long audited = audited(reference);
        byte[] stored = content(id);

        for (String refused : List.of("manager", "rome", "google-analytics")) {
            assertThat(send(get(list).header("Authorization", basic(refused))).statusCode()).as(refused).isEqualTo(403);
            assertThat(send(get(file).header("Authorization", basic(refused))).statusCode()).as(refused).isEqualTo(403);
        }
        assertThat(send(get(list)).statusCode()).isEqualTo(401);
        assertThat(send(get(file)).statusCode()).isEqualTo(401);
        assertThat(send(get(file).header("Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString("operator:wrong".getBytes(StandardCharsets.UTF_8)))).statusCode()).isEqualTo(401);
        WebappSession romeInTasklist = WebappSession.login(port, "tasklist", "rome", "demo");
        assertThat(romeInTasklist.deskPage(file).statusCode()).as("an entity's Tasklist session").isEqualTo(403);
        assertThat(audited(reference)).as("a refusal leaves no trace but the refusal").isEqualTo(audited);
        assertThat(content(id)).isEqualTo(stored);

        HttpResponse<String> page = send(get(list).header("Authorization", basic("operator")));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("permission.pdf").contains("agent permission").contains("PDF, 1 KB").contains(file);
        HttpResponse<byte[]> opened = http.send(get(file).header("Authorization", basic("operator")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body()).isEqualTo(stored);
        assertThat(opened.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(opened.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(opened.headers().allValues("Content-Security-Policy")).containsExactly("default-src 'none'; sandbox");
        assertThat(opened.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"" + reference + "-agent-permission-" + id + ".pdf\"");
        assertThat(opened.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(jdbc.queryForList("select event_type || ' ' || actor || ' ' || coalesce(details, '') from audit_event "
                + "where reference = ? order by id", String.class, reference))
                .endsWith("DOCUMENTS_LISTED operator ", "DOCUMENT_OPENED operator document " + id + " (AGENT_PERMISSION)");

        assertThat(send(get("/staff/requests/DSR-1999-000001/documents/" + id).header("Authorization", basic("operator")))
                .statusCode()).as("a document only under its own request").isEqualTo(404);
    }

    @Test
    void aDocumentTheDeskDoesNotTakeIsRefusedWithAMessageAndNothingIsStored() throws Exception {
        long[] before = counts();

        Map<String, Object> pngNamedPdf = AgentRequests.json("ACCESS", uniqueEmail(), agentEmail(), "Paolo Bianchi", null);
        AgentRequests.permissionOf(pngNamedPdf).put("content", SampleFiles.base64(SampleFiles.png()));
        HttpResponse<String> refused = send(post("/api/requests", json.writeValueAsString(pngNamedPdf))
                .header("Content-Type", "application/json"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(refused.body()).at("/errors/0/field").asText()).isEqualTo("agent.permission");
        assertThat(json.readTree(refused.body()).at("/errors/0/message").asText()).contains("must have a name that ends as its type does");

        Map<String, Object> tooLarge = AgentRequests.json("ACCESS", uniqueEmail(), agentEmail(), "Paolo Bianchi", null);
        AgentRequests.permissionOf(tooLarge).put("content", SampleFiles.base64(SampleFiles.pdf(5 * 1024 * 1024 + 1)));
        HttpResponse<String> large = send(post("/api/requests", json.writeValueAsString(tooLarge)).header("Content-Type", "application/json"));
        assertThat(large.statusCode()).as("inside the body limit, so the desk's own check answers").isEqualTo(400);
        assertThat(json.readTree(large.body()).at("/errors/0/message").asText()).isEqualTo("must be at most 5 MB");

        HttpResponse<String> page = sendForm(formFields(uniqueEmail()), "permission.pdf", SampleFiles.html());
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("id=\"agent.permission-error\"").contains("must be a PDF, PNG or JPEG file");
        HttpResponse<String> largeFile = sendForm(formFields(uniqueEmail()), "permission.pdf", SampleFiles.pdf(5 * 1024 * 1024 + 1));
        assertThat(largeFile.statusCode()).isEqualTo(400);
        assertThat(largeFile.body()).contains("must be at most 5 MB");
        HttpResponse<String> jpegNamedPng = sendForm(formFields(uniqueEmail()), "permission.png", SampleFiles.jpeg());
        assertThat(jpegNamedPng.body()).contains("must have a name that ends as its type does");

        assertThat(counts()).as("no request, agent, document or mail").containsExactly(before);

        HttpResponse<String> sent = sendForm(formFields(uniqueEmail()), "permission.pdf", SampleFiles.pdf(5 * 1024 * 1024));
        assertThat(sent.statusCode()).as("a 5 MB permission through the public form").isEqualTo(302);
        assertThat(sent.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).contains("/submitted/DSR-"));
    }

    @Test
    void onlyTheUploadEndpointsTakeADocumentsWorthOfBody() throws Exception {
        RawHttp client = RawHttp.from("127.0.0.1", port);

        assertThat(client.postHeadOnly("/api/requests", "application/json", LARGEST_BODY + 1).status()).isEqualTo(413);
        assertThat(client.postHeadOnly("/requests", "multipart/form-data; boundary=x", LARGEST_BODY + 1).status()).isEqualTo(413);
        assertThat(client.postHeadOnly("/request/answer", "multipart/form-data; boundary=x", LARGEST_BODY + 1).status())
                .isEqualTo(413);
        assertThat(client.postHeadOnly("/verify", "application/x-www-form-urlencoded", 64 * 1024 + 1).status()).isEqualTo(413);
        assertThat(client.postHeadOnly("/request/withdraw", "application/x-www-form-urlencoded", 64 * 1024 + 1).status())
                .isEqualTo(413);
        assertThat(client.postHeadOnly("/request/download-link", "application/x-www-form-urlencoded", 64 * 1024 + 1).status())
                .isEqualTo(413);
        assertThat(client.postHeadOnly("/download", "application/x-www-form-urlencoded", 64 * 1024 + 1).status()).isEqualTo(413);
        assertThat(client.postHeadOnly("/processor-answer", "application/x-www-form-urlencoded", 8L * 1024 * 1024 + 1).status())
                .isEqualTo(413);
    }

    // ---- the people

    private String submitByAgent(String type, String subject, String agent) throws Exception {
        HttpResponse<String> created = send(post("/api/requests", json.writeValueAsString(
                AgentRequests.json(type, subject, agent, "Paolo Bianchi", "Privacy Agents Inc."))).header("Content-Type", "application/json"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).get("reference").asText();
    }

    private static String agentEmail() {
        return "agent+" + UUID.randomUUID().toString().substring(0, 8) + "@agents.example";
    }

    /** The data subject opens the link from their mail and presses confirm. */
    private void confirm(String mail) throws Exception {
        URI link = URI.create(links(mail).get(0));
        HttpResponse<String> page = send(get(link.getPath() + "?" + link.getRawQuery()));
        String session = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpResponse<String> confirmed = send(post("/verify", form(Map.of("token", link.getRawQuery().substring("token=".length()),
                "_csrf", csrf(page.body())))).header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", session));
        assertThat(confirmed.statusCode()).isEqualTo(200);
    }

    private void answerEveryEntity(String reference) throws Exception {
        awaitTasks("operator", reference, "Task_FulfilEntityStep", 5);
        completeTask("rome", onlyTaskSeenBy("rome", reference), json.writeValueAsString(Map.of("outcome", Map.of("value", "DONE"),
                "records", Map.of("value", "[{\"category\":\"Contact information\",\"field\":\"email\","
                        + "\"value\":\"paolo.record@example.org\",\"source\":\"Rome CRM\"}]"))), 204);
        for (String user : List.of("trento", "sao-paulo", "pleasant-hill", "google-analytics")) {
            completeTask(user, onlyTaskSeenBy(user, reference), "{\"outcome\":{\"value\":\"NO_DATA\"}}", 204);
        }
    }

    private static Map<String, String> formFields(String subject) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("type", "ACCESS");
        fields.put("fullName", "Ada Lovelace");
        fields.put("email", subject);
        fields.put("country", "US");
        fields.put("agent.name", "Paolo Bianchi");
        fields.put("agent.email", agentEmail());
        return fields;
    }

    /** The public form as a browser sends it: the page's session and CSRF token, fields and file as multipart. */
    private HttpResponse<String> sendForm(Map<String, String> fields, String fileName, byte[] file) throws Exception {
        HttpResponse<String> page = send(get("/"));
        String session = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf(page.body()));
        MultipartBody body = new MultipartBody(all).file("agent.permission", fileName, file);
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + "/requests"))
                .header("Content-Type", body.contentType()).header("Cookie", session)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())));
    }

    private long documentsOf(String reference) {
        return jdbc.queryForObject("""
                select count(*) from requester_document d join data_subject_request r on r.id = d.request_id
                where r.reference = ?""", Long.class, reference);
    }

    private byte[] content(long id) {
        return jdbc.queryForObject("select content from requester_document where id = ?", byte[].class, id);
    }

    private long audited(String reference) {
        return jdbc.queryForObject("select count(*) from audit_event where reference = ?", Long.class, reference);
    }

    private long[] counts() {
        return new long[] {
                jdbc.queryForObject("select count(*) from data_subject_request", Long.class),
                jdbc.queryForObject("select count(*) from authorized_agent", Long.class),
                jdbc.queryForObject("select count(*) from requester_document", Long.class),
                SMTP.getReceivedMessages().length + jdbc.queryForObject("select count(*) from queued_mail", Long.class)};
    }

    @Override
    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    @Override
    protected GreenMail smtp() {
        return SMTP;
    }
}
