package dev.dsrdesk.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsrdesk.support.WebappSession;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The lifecycle on the embedded default database, and what each group sees in the Camunda webapps. */
class LifecycleOnH2OverHttpTest extends LifecycleOverHttpContract {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        mailServer(registry);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:http-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @Test
    void anEntityUserWorksOnlyItsOwnTaskInTasklistThroughItsForm() throws Exception {
        String reference = acceptedRequest("ERASURE", uniqueEmail());

        WebappSession rome = WebappSession.login(port, "tasklist", "rome", "demo");
        assertThat(rome.loginStatus()).isEqualTo(200);
        assertThat(json.readTree(rome.loginBody()).get("authorizedApps").toString()).contains("tasklist").doesNotContain("cockpit");
        JsonNode filters = json.readTree(rome.get("/filter?resourceType=Task").body());
        assertThat(filters).hasSize(1);
        assertThat(filters.get(0).get("name").asText()).isEqualTo("Tasks of Interactive Media S.p.A. (group controller)");

        JsonNode listed = json.readTree(rome.post("/filter/" + filters.get(0).get("id").asText() + "/list?firstResult=0&maxResults=50",
                "{\"processInstanceBusinessKey\":\"" + reference + "\"}").body());
        assertThat(listed).hasSize(1);
        JsonNode task = listed.get(0);
        assertThat(task.get("name").asText()).isEqualTo(reference + ": ERASE (rome)");
        assertThat(task.get("due").isNull()).isFalse();

        String taskId = task.get("id").asText();
        assertThat(json.readTree(rome.get("/task/" + taskId + "/deployed-form").body()).get("id").asText()).isEqualTo("entity-step");
        JsonNode shown = json.readTree(rome.get("/task/" + taskId + "/form-variables").body());
        assertThat(shown.get("subjectName").get("value").asText()).isEqualTo("Mia Example");
        assertThat(shown.get("action").get("value").asText()).isEqualTo("ERASE");
        assertThat(shown.get("instruction").get("value").asText()).startsWith("Erase:");

        JsonNode trentoTask = onlyTaskSeenBy("trento", reference);
        assertThat(rome.get("/task/" + trentoTask.get("id").asText() + "/form-variables").statusCode()).isIn(403, 404);
        assertThat(rome.post("/task/" + trentoTask.get("id").asText() + "/submit-form",
                "{\"variables\":{\"outcome\":{\"value\":\"NO_DATA\"}}}").statusCode()).isEqualTo(403);

        assertThat(rome.post("/task/" + taskId + "/submit-form", "{\"variables\":{\"outcome\":{\"value\":\"MAYBE\"}}}").statusCode())
                .as("a refused answer is the user's mistake").isEqualTo(400);
        assertThat(rome.post("/task/" + taskId + "/submit-form",
                "{\"variables\":{\"outcome\":{\"value\":\"DONE\"},\"notes\":{\"value\":\"Deleted from the CRM\"}}}").statusCode())
                .isEqualTo(204);
        assertThat(send(engineRest("operator", "/task?processInstanceBusinessKey=" + reference
                + "&taskDefinitionKey=Task_FulfilEntityStep")).body()).doesNotContain("(rome)");
    }

    @Test
    void managersUseCockpitButNotTasklist() {
        assertThat(WebappSession.login(port, "tasklist", "manager", "demo").loginStatus()).isEqualTo(403);
        assertThat(WebappSession.login(port, "cockpit", "manager", "demo").loginStatus()).isEqualTo(200);
        assertThat(WebappSession.login(port, "cockpit", "rome", "demo").loginStatus()).isEqualTo(403);
        assertThat(WebappSession.login(port, "cockpit", "operator", "demo").loginStatus()).isEqualTo(200);
        assertThat(WebappSession.login(port, "tasklist", "operator", "wrong-password").loginStatus()).isEqualTo(401);
    }
}
