package dev.dsrdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.support.DeskDriver;
import dev.dsrdesk.support.DeskServerTest;
import dev.dsrdesk.support.SharedSmtpServer;
import dev.dsrdesk.support.WebappSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The mail server goes away just before a request closes: the request still closes, its answer waits in the
 * outbox, the delivery job retries until it becomes an incident that managers see; the server comes back, an
 * operator retries from Cockpit, and the requester gets exactly one answer. Real SMTP (GreenMail) throughout.
 */
@DeskServerTest
class MailOutageTest {

    @LocalServerPort int port;
    @Autowired DeskDriver desk;
    @Autowired RuntimeService runtime;
    @Autowired MailDelivery delivery;
    @Autowired MailOutbox outbox;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    /** The server is shared: whatever happened here, it runs again for the tests after. */
    @AfterEach
    void mailServerBack() {
        SharedSmtpServer.start();
    }

    @Test
    void anAnswerWaitsOutAMailServerOutageAndIsDeliveredExactlyOnce() throws Exception {
        String email = DeskDriver.uniqueEmail();
        DataSubjectRequest request = desk.acceptedRequest("ERASURE", email);
        desk.entityTasks(request.getReference()).forEach(step -> desk.complete(step, DeskDriver.doneAnswer(step)));
        desk.runJobs(request.getReference());
        assertThat(subjectsTo(email)).as("mail before the outage").hasSize(2);

        SharedSmtpServer.stop();
        desk.complete(desk.taskOf(request.getReference(), "Task_ReviewResponse"), Map.of("approved", true));
        Job delivering = desk.runJobsUntilIncident(request.getReference());

        assertThat(desk.statusOf(request.getReference())).as("the work went on").isEqualTo("CLOSED");
        Incident incident = runtime.createIncidentQuery().processInstanceId(delivering.getProcessInstanceId()).singleResult();
        assertThat(incident).as("an incident in Cockpit").isNotNull();
        assertThat(incident.getActivityId()).isEqualTo("Task_DeliverMail");
        assertThat(incident.getIncidentMessage()).contains("CLOSURE").contains("not delivered").doesNotContain(email);
        assertThat(health("manager").get("status").asText()).as("the desk stays up").isEqualTo("UP");
        assertThat(health("manager").at("/components/mailServer/status").asText()).isEqualTo("DEGRADED");
        assertThat(health("manager").at("/components/mailServer/details/waiting").asLong()).isPositive();
        String dashboard = get("/dashboard", "manager").body();
        assertThat(dashboard).containsPattern("id=\"mail-waiting\">[1-9]");

        SharedSmtpServer.start();
        WebappSession manager = WebappSession.login(port, "cockpit", "manager", "demo");
        assertThat(manager.put("/job/" + delivering.getId() + "/retries", "{\"retries\":1}").statusCode())
                .as("managers watch; they do not retry").isEqualTo(403);
        WebappSession operator = WebappSession.login(port, "cockpit", "operator", "demo");
        assertThat(operator.put("/job/" + delivering.getId() + "/retries", "{\"retries\":1,\"dueDate\":null}").statusCode()).isEqualTo(204);
        desk.runJobs(request.getReference());

        assertThat(subjectsTo(email)).as("one answer, once").containsExactly("Your privacy request " + request.getReference() + " is complete");
        assertThat(runtime.createIncidentQuery().incidentId(incident.getId()).count()).as("incident resolved").isZero();
        assertThat(health("manager").at("/components/mailServer/status").asText()).isEqualTo("UP");
        assertThat(jdbc.queryForList("select body from queued_mail where reference = ? and kind = 'CLOSURE'", String.class,
                request.getReference())).as("delivered mail keeps no body").containsExactly((String) null);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where reference = ? and event_type = 'MAIL_SENT' "
                + "and details = 'CLOSURE'", Long.class, request.getReference())).isEqualTo(1);
    }

    @Test
    void aRetryOfADeliveredMailSendsNothing() throws Exception {
        String email = DeskDriver.uniqueEmail();
        DataSubjectRequest request = desk.awaitingVerification("ACCESS", email);
        Long acknowledgement = jdbc.queryForObject("select id from queued_mail where reference = ? and kind = 'ACKNOWLEDGEMENT'",
                Long.class, request.getReference());
        List<String> before = subjectsTo(email);
        assertThat(before).hasSize(2);

        delivery.deliver(acknowledgement);

        assertThat(subjectsTo(email)).isEqualTo(before);
    }

    @Test
    void mailForWorkThatRolledBackIsNeverQueuedNorSent() {
        String email = DeskDriver.uniqueEmail();
        long queuedBefore = jdbc.queryForObject("select count(*) from queued_mail", Long.class);
        long deliveriesBefore = runtime.createProcessInstanceQuery().processDefinitionKey(MailOutbox.DELIVERY_PROCESS).count();

        transactions.executeWithoutResult(status -> {
            outbox.enqueue(null, "STAFF_DIGEST", new OutgoingMail(email, "Never", "This work is rolled back"));
            status.setRollbackOnly();
        });
        desk.deliverStaffMail();

        assertThat(jdbc.queryForObject("select count(*) from queued_mail", Long.class)).isEqualTo(queuedBefore);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(MailOutbox.DELIVERY_PROCESS).count())
                .isEqualTo(deliveriesBefore);
        assertThat(subjectsTo(email)).isEmpty();
    }

    private List<String> subjectsTo(String email) {
        return SharedSmtpServer.mailbox().subjects(email);
    }

    private JsonNode health(String user) throws Exception {
        return json.readTree(get("/actuator/health", user).body());
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basic(user)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }
}
