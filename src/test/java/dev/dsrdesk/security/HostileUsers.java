package dev.dsrdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsrdesk.connector.DataStores;
import dev.dsrdesk.support.DeskDriver;
import dev.dsrdesk.support.DeskOverHttp;
import dev.dsrdesk.support.WebappSession;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.ActiveProfiles;

/**
 * The attacks of a hostile requester and of hostile staff, over real HTTP against the desk with the demo stores
 * (Rome's CRM holds Mario Rossi at +39 06 5550 0101 and Giulia Bianchi at +39 06 5550 0102). Each asserts the
 * refusal and that nothing changed: the stores read back, the other entity's task still open, the other request's
 * step still unanswered; a staff page opened with another person's, a planted, or a stale webapp sign-in. Run on H2 and
 * on PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "dsr.demo-stores.location=mem:hostile-${random.uuid}-")
@ActiveProfiles({"test", "demo"})
@AutoConfigureObservability(tracing = false)
@Import(DeskDriver.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HostileUsers {

    private static final String MARIO_PHONE = "+39 06 5550 0101";
    private static final String GIULIA_PHONE = "+39 06 5550 0102";
    /** João Exemplo in São Paulo's support desk; no other test touches him. */
    private static final String JOAO_PHONE = "+55 11 5555 0103";

    @LocalServerPort int port;
    @Autowired DeskDriver desk;
    @Autowired DataStores stores;
    @Autowired JdbcTemplate deskDb;
    @Autowired IdentityService identity;
    @Autowired HistoryService history;
    @Autowired ManagementService management;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    // -- unverified identifiers --

    @Test
    void anAccessRequestWithSomeoneElsesPhoneNeverExportsTheirRow() throws Exception {
        String reference = acceptedOverHttp("ACCESS", DeskDriver.uniqueEmail(), MARIO_PHONE);

        JsonNode confirmation = onlyTask("rome", reference, "Task_ConfirmAutomatedStep");
        JsonNode shown = get("rome", "/engine-rest/task/" + id(confirmation) + "/form-variables");
        assertThat(shown.at("/identifiers/value").asText()).contains("phone " + MARIO_PHONE + ": not verified")
                .contains(": verified (the requester confirmed the emailed link)");
        assertThat(shown.at("/possibleMatches/value").asText())
                .contains("1. Rome contact CRM / contact: matched only on the requester's phone (not verified)")
                .contains("m*****@example.com")
                .doesNotContain("mario.rossi@example.com").doesNotContain("Mario Rossi");
        assertThat(shown.at("/preview/value").asText()).contains("Contact: 0 records");

        complete("rome", confirmation, "{\"confirmation\":{\"value\":\"CONFIRM\"}}", 204);
        desk.runJobs(reference);
        complete("google-analytics", onlyTask("google-analytics", reference, "Task_FulfilEntityStep"),
                "{\"outcome\":{\"value\":\"NO_DATA\"}}", 204);
        desk.runJobs(reference);

        Map<String, Object> rome = step(reference, "rome");
        assertThat(rome.get("state")).isEqualTo("NO_DATA");
        assertThat(rome.get("records_json")).as("none of Mario Rossi's data goes to the attacker").isNull();
        assertThat((String) rome.get("notes")).contains("1 possible match (found only by an identifier that was not verified) left out");
        assertThat(deskDb.queryForList("select records_json from entity_step where request_id = (select id from "
                + "data_subject_request where reference = ?) and records_json is not null", String.class, reference))
                .noneMatch(records -> records.contains("Mario") || records.contains("Esempio") || records.contains("5550"));
    }

    @Test
    void anErasureWithSomeoneElsesPhoneLeavesTheirRowWhateverTheEntityIsSent() throws Exception {
        String reference = acceptedOverHttp("ERASURE", DeskDriver.uniqueEmail(), GIULIA_PHONE);
        JsonNode confirmation = onlyTask("rome", reference, "Task_ConfirmAutomatedStep");

        HttpResponse<String> unlisted = completion("rome", confirmation,
                "{\"confirmation\":{\"value\":\"CONFIRM\"},\"includeMatches\":{\"value\":\"2\"}}");
        assertThat(unlisted.statusCode()).isEqualTo(400);
        assertThat(unlisted.body()).contains("2 is not one of the listed rows");
        assertThat(onlyTask("rome", reference, "Task_ConfirmAutomatedStep").get("id")).isEqualTo(confirmation.get("id"));

        complete("rome", confirmation, "{\"confirmation\":{\"value\":\"CONFIRM\"}}", 204);
        desk.runJobs(reference);

        assertThat(store("rome-crm").queryForObject("select count(*) from contact where id = 2", Integer.class))
                .as("Giulia Bianchi's row stays").isEqualTo(1);
        assertThat(step(reference, "rome").get("state")).isEqualTo("NO_DATA");
        assertThat((String) step(reference, "rome").get("action_taken")).isNull();
    }

    @Test
    void onlyTheEntitysOwnPeopleMayIncludeAPossibleMatch() throws Exception {
        String reference = acceptedOverHttp("ACCESS", DeskDriver.uniqueEmail(), JOAO_PHONE);
        JsonNode confirmation = onlyTask("sao-paulo", reference, "Task_ConfirmAutomatedStep");

        HttpResponse<String> byOperator = completion("operator", confirmation,
                "{\"confirmation\":{\"value\":\"CONFIRM\"},\"includeMatches\":{\"value\":\"1\"}}");
        assertThat(byOperator.statusCode()).isEqualTo(400);
        assertThat(byOperator.body()).contains("own people may include a possible match");
        assertThat(step(reference, "sao-paulo").get("state")).isEqualTo("OPEN");

        complete("sao-paulo", confirmation, "{\"confirmation\":{\"value\":\"CONFIRM\"},\"includeMatches\":{\"value\":\"1\"}}", 204);
        desk.runJobs(reference);
        assertThat((String) step(reference, "sao-paulo").get("records_json")).as("the entity's person recognised the row")
                .contains("Fictícia S.A.");
        assertThat((String) step(reference, "sao-paulo").get("notes")).contains("1 possible match included by the entity's person");
    }

    @Test
    void requestDetailsSayWhichIdentifierWasVerified() throws Exception {
        String reference = acceptedOverHttp("ACCESS", DeskDriver.uniqueEmail(), GIULIA_PHONE);

        JsonNode identifiers = get("operator", "/api/requests/" + reference).get("identifiers");

        assertThat(identifiers.toString()).isEqualTo(
                "[{\"kind\":\"EMAIL\",\"verified\":true,\"verifiedBy\":\"EMAIL_LINK\"},"
                        + "{\"kind\":\"PHONE\",\"verified\":false,\"verifiedBy\":null}]");
    }

    // -- redirected task answers --

    @Test
    void anEntityCannotSendItsConfirmationToAnotherEntitysRows() throws Exception {
        // a person of this test's own in both stores, so no other test's erasure decides what this one finds
        String email = DeskDriver.uniqueEmail();
        int id = 1000 + new java.util.Random().nextInt(1_000_000);
        store("rome-crm").update("insert into contact (id, full_name, email) values (?, 'Test Person', ?)", id, email);
        store("trento-newsletter").update("insert into subscriber (id, email, first_name) values (?, ?, 'Test')", id, email);
        String reference = acceptedOverHttp("ERASURE", email, null);
        JsonNode rome = onlyTask("rome", reference, "Task_ConfirmAutomatedStep");
        JsonNode trento = onlyTask("trento", reference, "Task_ConfirmAutomatedStep");

        for (String redirect : List.of("\"entityId\":{\"value\":\"trento\"}", "\"reference\":{\"value\":\"DSR-2026-000001\"}",
                "\"confirmedBy\":{\"value\":\"trento\"}", "\"confirmed\":{\"value\":true}")) {
            HttpResponse<String> refused = completion("rome", rome, "{\"confirmation\":{\"value\":\"CONFIRM\"}," + redirect + "}");
            assertThat(refused.statusCode()).as(redirect).isEqualTo(400);
            assertThat(refused.body()).as("names the variable").contains(redirect.substring(1, redirect.indexOf('"', 1)));
        }
        desk.runJobs(reference);
        assertThat(store("trento-newsletter").queryForObject("select count(*) from subscriber where id = ?", Integer.class, id))
                .as("Trento's subscriber row is untouched").isEqualTo(1);
        assertThat(store("rome-crm").queryForObject("select count(*) from contact where id = ?", Integer.class, id))
                .as("and so is Rome's: the refusal changed nothing").isEqualTo(1);
        assertThat(onlyTask("rome", reference, "Task_ConfirmAutomatedStep").get("id")).isEqualTo(rome.get("id"));

        complete("rome", rome, "{\"confirmation\":{\"value\":\"CONFIRM\"}}", 204);
        desk.runJobs(reference);

        assertThat(store("rome-crm").queryForObject("select count(*) from contact where id = ?", Integer.class, id)).isZero();
        assertThat(store("trento-newsletter").queryForObject("select count(*) from subscriber where id = ?", Integer.class, id))
                .as("Trento's row waits for Trento").isEqualTo(1);
        assertThat(onlyTask("trento", reference, "Task_ConfirmAutomatedStep").get("id")).isEqualTo(trento.get("id"));
        assertThat(step(reference, "trento").get("state")).isEqualTo("OPEN");
    }

    @Test
    void aProcessorCannotAnswerAnotherRequestsStep() throws Exception {
        String mine = acceptedOverHttp("ACCESS", DeskDriver.uniqueEmail(), null);
        String other = acceptedOverHttp("ACCESS", DeskDriver.uniqueEmail(), null);
        JsonNode myTask = onlyTask("google-analytics", mine, "Task_FulfilEntityStep");
        Map<String, Object> otherRomeBefore = step(other, "rome");

        HttpResponse<String> refused = completion("google-analytics", myTask,
                "{\"outcome\":{\"value\":\"NO_DATA\"},\"reference\":{\"value\":\"" + other + "\"},\"entityId\":{\"value\":\"rome\"}}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("'reference' is not a field of this task's form that can be changed");
        assertThat(step(other, "rome")).as("the other request's step is as it was").isEqualTo(otherRomeBefore);
        assertThat(step(mine, "google-analytics").get("state")).isEqualTo("OPEN");
        assertThat(step(other, "google-analytics").get("state")).isEqualTo("OPEN");
        assertThat(onlyTask("google-analytics", mine, "Task_FulfilEntityStep").get("id")).isEqualTo(myTask.get("id"));
    }

    @Test
    void anEntityUserCannotEndOrBendATaskAnyOtherWay() throws Exception {
        String reference = acceptedOverHttp("ACCESS", DeskDriver.uniqueEmail(), null);
        JsonNode task = onlyTask("google-analytics", reference, "Task_FulfilEntityStep");
        String taskPath = "/engine-rest/task/" + id(task);
        String execution = task.get("executionId").asText();
        String before = get("operator", taskPath + "/variables").toString();

        Map<String, String[]> attempts = Map.of(
                "bpmnError", new String[] {"POST", taskPath + "/bpmnError", "{\"errorCode\":\"NO_DATA\"}"},
                "bpmnEscalation", new String[] {"POST", taskPath + "/bpmnEscalation", "{\"escalationCode\":\"DONE\"}"},
                "set a variable", new String[] {"PUT", taskPath + "/variables/entityId", "{\"value\":\"rome\",\"type\":\"String\"}"},
                "modify variables", new String[] {"POST", taskPath + "/variables", "{\"modifications\":{\"entityId\":{\"value\":\"rome\"}}}"},
                "delete a variable", new String[] {"DELETE", taskPath + "/variables/entityId", null},
                "set a local variable", new String[] {"PUT", taskPath + "/localVariables/outcome", "{\"value\":\"DONE\",\"type\":\"String\"}"},
                "modify local variables", new String[] {"POST", taskPath + "/localVariables", "{\"modifications\":{\"outcome\":{\"value\":\"DONE\"}}}"},
                "the execution's local variables", new String[] {"POST", "/engine-rest/execution/" + execution + "/localVariables",
                        "{\"modifications\":{\"entityId\":{\"value\":\"rome\"}}}"},
                "submit a form with more", new String[] {"POST", taskPath + "/submit-form",
                        "{\"variables\":{\"outcome\":{\"value\":\"NO_DATA\"},\"entityId\":{\"value\":\"rome\"}}}"});
        for (Map.Entry<String, String[]> attempt : attempts.entrySet()) {
            String[] call = attempt.getValue();
            HttpResponse<String> answer = send("google-analytics", call[0], call[1], call[2]);
            assertThat(answer.statusCode()).as(attempt.getKey() + ": " + answer.body()).isIn(400, 403);
        }

        assertThat(onlyTask("google-analytics", reference, "Task_FulfilEntityStep").get("id")).isEqualTo(task.get("id"));
        assertThat(get("operator", taskPath + "/variables").toString()).as("no variable changed").isEqualTo(before);
        assertThat(step(reference, "google-analytics").get("state")).isEqualTo("OPEN");
        assertThat(desk.processOf(reference)).as("the request still waits for its entities").isNotNull();
        assertThat(deskDb.queryForObject("select status from data_subject_request where reference = ?", String.class, reference))
                .isEqualTo("IN_FULFILMENT");
    }

    // -- engine operations for administrators only --

    @Test
    void onlyAnAdministratorRunsOrReschedulesAJobThatHasNotFailed() throws Exception {
        Job cleanup = history.findHistoryCleanupJobs().isEmpty()
                ? management.createJobQuery().jobId(history.cleanUpHistoryAsync(false).getId()).singleResult()
                : history.findHistoryCleanupJobs().get(0);

        for (String user : List.of("operator", "manager", "rome")) {
            HttpResponse<String> refused = send(user, "POST", "/engine-rest/job/" + cleanup.getId() + "/execute", "{}");
            assertThat(refused.statusCode()).as(user).isEqualTo(403);
            assertThat(refused.body()).contains("may run a job on demand only to retry one that failed");
        }

        for (String[] change : List.of(new String[] {"PUT", "/duedate", "{\"duedate\":\"2001-01-01T00:00:00.000+0000\"}"},
                new String[] {"PUT", "/retries", "{\"retries\":0}"}, new String[] {"PUT", "/suspended", "{\"suspended\":true}"},
                new String[] {"PUT", "/priority", "{\"priority\":99}"}, new String[] {"DELETE", "", null})) {
            HttpResponse<String> refused = send("rome", change[0], "/engine-rest/job/" + cleanup.getId() + change[1], change[2]);
            assertThat(refused.statusCode()).as(change[0] + " " + change[1] + ": " + refused.body()).isEqualTo(403);
        }

        Job after = management.createJobQuery().jobId(cleanup.getId()).singleResult();
        assertThat(after).as("the job did not run and is still there").isNotNull();
        assertThat(after.isSuspended()).isFalse();
        assertThat(after.getPriority()).isEqualTo(cleanup.getPriority());
        assertThat(after.getDuedate()).isEqualTo(cleanup.getDuedate());
        assertThat(after.getRetries()).as("a refusal is no failure of the job").isEqualTo(cleanup.getRetries());
        assertThat(after.getExceptionMessage()).isNull();
    }

    @Test
    void anotherSitesPageCannotUseAStaffBrowsersCredentialsOnTheEngine() throws Exception {
        long deployments = deskDb.queryForObject("select count(*) from act_re_deployment", Long.class);
        String boundary = "crosssite" + UUID.randomUUID().toString().replace("-", "");
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(uri("/engine-rest/deployment/create"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
                .header("Origin", "https://evil.example").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; "
                        + "name=\"deployment-name\"\r\n\r\nforged\r\n--" + boundary + "--\r\n")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(deskDb.queryForObject("select count(*) from act_re_deployment", Long.class)).isEqualTo(deployments);
        assertThat(send("rome", "GET", "/engine-rest/task/count", null).statusCode())
                .as("reading without an Origin, as programs do, still works").isEqualTo(200);
    }

    @Test
    void aUserCannotRedirectTheirOwnMailButMayChangeTheirPassword() throws Exception {
        String user = "probe" + UUID.randomUUID().toString().substring(0, 8);
        var created = identity.newUser(user);
        created.setEmail(user + "@desk.example");
        created.setPassword("first-Secret-1");
        identity.saveUser(created);

        HttpResponse<String> refused = send(user, "first-Secret-1", "PUT", "/engine-rest/user/" + user + "/profile",
                "{\"id\":\"" + user + "\",\"firstName\":\"Probe\",\"lastName\":\"User\",\"email\":\"attacker@evil.example\"}");
        HttpResponse<String> password = send(user, "first-Secret-1", "PUT", "/engine-rest/user/" + user + "/credentials",
                "{\"password\":\"second-Secret-2\",\"authenticatedUserPassword\":\"first-Secret-1\"}");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(identity.createUserQuery().userId(user).singleResult().getEmail()).isEqualTo(user + "@desk.example");
        assertThat(password.statusCode()).as(password.body()).isEqualTo(204);
        assertThat(identity.checkPassword(user, "second-Secret-2")).isTrue();
    }

    // -- the webapps' sign-in on the desk's pages --

    @Test
    void staffSignedInToCockpitOpenTheDashboardUntilTheySignOut() throws Exception {
        WebappSession manager = WebappSession.login(port, "cockpit", "manager", "demo");
        assertThat(manager.loginStatus()).isEqualTo(200);

        HttpResponse<String> dashboard = manager.deskPage("/dashboard");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("SLA dashboard");
        assertThat(manager.deskPage("/dashboard/requests.csv").statusCode()).isEqualTo(200);

        assertThat(manager.logout().statusCode()).isEqualTo(200);

        HttpResponse<String> afterwards = manager.deskPage("/dashboard");
        assertThat(afterwards.statusCode()).isEqualTo(302);
        assertThat(afterwards.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/camunda/app/welcome/default/?returnTo=%2Fdashboard"));
        assertThat(afterwards.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void anAffiliateSignedInToTasklistOpensNoStaffPageAndChangesNothing() throws Exception {
        String reference = desk.enteredByStaff("ERASURE", DeskDriver.uniqueEmail(), "POST",
                java.time.LocalDate.now(java.time.ZoneId.of("Europe/Rome")).toString()).getReference();
        String email = DeskDriver.uniqueEmail();
        WebappSession rome = WebappSession.login(port, "tasklist", "rome", "demo");
        assertThat(rome.loginStatus()).isEqualTo(200);
        // a CSRF token of rome's own session, from the public page's form: the staff forms must refuse by rights alone
        String token = URLEncoder.encode(DeskOverHttp.csrf(rome.deskPage("/").body()), StandardCharsets.UTF_8);

        HttpResponse<String> dashboard = rome.deskPage("/dashboard");
        HttpResponse<String> extension = rome.deskForm("/staff/requests/" + reference + "/extension",
                "months=2&reason=Rome+wants+more+time&_csrf=" + token);
        HttpResponse<String> intake = rome.deskForm("/staff/requests", "channel=POST&receivedAt="
                + java.time.LocalDate.now(java.time.ZoneId.of("Europe/Rome")) + "&type=ACCESS&fullName=Rome+Probe&email="
                + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&country=IT&language=en&_csrf=" + token);

        assertThat(dashboard.statusCode()).isEqualTo(403);
        assertThat(dashboard.body()).contains("You may not open this page").doesNotContain("Whitelabel");
        assertThat(extension.statusCode()).isEqualTo(403);
        assertThat(intake.statusCode()).isEqualTo(403);
        assertThat(deskDb.queryForObject("select extended_due_date from data_subject_request where reference = ?",
                java.time.LocalDate.class, reference)).as("not extended").isNull();
        assertThat(deskDb.queryForObject("select count(*) from data_subject_request where email = ?", Long.class, email))
                .as("nothing entered").isZero();
    }

    @Test
    void aSessionPlantedBeforeSignInIsWorthNothingAfterIt() throws Exception {
        HttpResponse<String> publicPage = http.send(HttpRequest.newBuilder(uri("/")).GET().build(), HttpResponse.BodyHandlers.ofString());
        String planted = publicPage.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("JSESSIONID="))
                .findFirst().orElseThrow().split(";")[0].substring("JSESSIONID=".length());

        WebappSession victim = WebappSession.loginHolding(planted, port, "cockpit", "manager", "demo");
        HttpResponse<String> attacker = http.send(HttpRequest.newBuilder(uri("/dashboard")).header("Accept", "text/html")
                .header("Cookie", "JSESSIONID=" + planted).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(victim.loginStatus()).isEqualTo(200);
        assertThat(victim.sessionId()).as("signing in starts a new session").isNotEqualTo(planted);
        assertThat(victim.deskPage("/dashboard").statusCode()).isEqualTo(200);
        assertThat(attacker.statusCode()).as("the planted session signs nobody in").isEqualTo(302);
    }

    @Test
    void aUserMovedOrDeletedWhileSignedInLosesTheStaffPagesAtOnce() throws Exception {
        String user = "probe" + UUID.randomUUID().toString().substring(0, 8);
        var created = identity.newUser(user);
        created.setPassword("probe-Secret-1");
        identity.saveUser(created);
        identity.createMembership(user, "managers");
        WebappSession session = WebappSession.login(port, "cockpit", user, "probe-Secret-1");
        assertThat(session.loginStatus()).isEqualTo(200);
        assertThat(session.deskPage("/dashboard").statusCode()).isEqualTo(200);

        identity.deleteMembership(user, "managers");
        assertThat(session.deskPage("/dashboard").statusCode()).as("no longer a manager").isEqualTo(403);

        identity.deleteUser(user);
        assertThat(session.deskPage("/dashboard").statusCode()).as("no longer a user").isEqualTo(302);
    }

    // -- helpers: the requester and staff over HTTP --

    /** Submits over the API, confirms the mailed link through its page, and accepts at triage as the operator. */
    private String acceptedOverHttp(String type, String email, String phone) throws Exception {
        String body = "{\"type\":\"" + type + "\",\"fullName\":\"Eve Example\",\"email\":\"" + email + "\",\"country\":\"IT\""
                + (phone == null ? "" : ",\"phone\":\"" + phone + "\"") + "}";
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(uri("/api/requests"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String reference = json.readTree(created.body()).get("reference").asText();
        desk.runJobs(reference);

        String secret = desk.latestVerificationSecret(email);
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/verify?token=" + secret)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String session = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpResponse<String> confirmed = http.send(HttpRequest.newBuilder(uri("/verify"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", session)
                .POST(HttpRequest.BodyPublishers.ofString("token=" + secret + "&_csrf="
                        + URLEncoder.encode(DeskOverHttp.csrf(page.body()), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(confirmed.statusCode()).isEqualTo(200);
        desk.runJobs(reference);
        complete("operator", onlyTask("operator", reference, "Task_TriageRequest"), "{\"decision\":{\"value\":\"ACCEPT\"}}", 204);
        desk.runJobs(reference);
        return reference;
    }

    private JsonNode onlyTask(String user, String reference, String key) throws Exception {
        JsonNode tasks = get(user, "/engine-rest/task?processInstanceBusinessKey=" + reference + "&taskDefinitionKey=" + key);
        assertThat(tasks).as("%s's %s of %s", user, key, reference).hasSize(1);
        return tasks.get(0);
    }

    private void complete(String user, JsonNode task, String variables, int expected) throws Exception {
        HttpResponse<String> answer = completion(user, task, variables);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(expected);
    }

    private HttpResponse<String> completion(String user, JsonNode task, String variables) throws Exception {
        return send(user, "POST", "/engine-rest/task/" + id(task) + "/complete", "{\"variables\":" + variables + "}");
    }

    private JsonNode get(String user, String path) throws Exception {
        HttpResponse<String> answer = send(user, "GET", path, null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json.readTree(answer.body());
    }

    private HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
        return send(user, "demo", method, path, body);
    }

    private HttpResponse<String> send(String user, String password, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, Object> step(String reference, String entity) {
        return deskDb.queryForMap("select state, notes, records_json, action_taken, completed_by, completed_at from entity_step "
                + "where entity_id = ? and request_id = (select id from data_subject_request where reference = ?)", entity, reference);
    }

    private JdbcTemplate store(String storeId) {
        var jdbc = stores.byId(storeId).orElseThrow().jdbc();
        return new JdbcTemplate(new DriverManagerDataSource(jdbc.url(), jdbc.username(), jdbc.password() == null ? "" : jdbc.password()));
    }

    private static String id(JsonNode task) {
        return task.get("id").asText();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
