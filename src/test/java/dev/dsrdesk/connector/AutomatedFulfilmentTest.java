package dev.dsrdesk.connector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrdesk.fulfilment.EntityStep;
import dev.dsrdesk.fulfilment.EntityStepRepository;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.response.DownloadLinks;
import dev.dsrdesk.support.DeskDriver;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The embedded default's demo: four affiliates' data stores (application-demo.yml, here in memory) searched and
 * changed by the desk itself. An access request returns the person's real rows; an erasure waits for each entity's
 * confirmation, then removes exactly those rows; a store that fails stands as an incident.
 */
@SpringBootTest(properties = "dsr.demo-stores.location=mem:demo-${random.uuid}-")
@ActiveProfiles({"test", "demo"})
@Import(DeskDriver.class)
class AutomatedFulfilmentTest {

    private static final String MARIO = "mario.rossi@example.com";

    @Autowired DeskDriver desk;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired EntityStepRepository steps;
    @Autowired DownloadLinks downloads;
    @Autowired DataStores stores;

    @Test
    void anAccessRequestForADemoPersonReturnsTheirRowsFromEveryAffiliateStore() {
        DataSubjectRequest request = desk.acceptedRequest("ACCESS", MARIO);
        desk.runJobs(request.getReference());

        assertThat(desk.entityTasks(request.getReference())).extracting(DeskDriver::entityOf)
                .as("only the processor without a store is asked by hand").containsExactly("google-analytics");
        desk.complete(desk.entityTasks(request.getReference()).get(0), Map.of("outcome", "NO_DATA"));
        desk.runJobs(request.getReference());

        Map<String, EntityStep> byEntity = stepsOf(request);
        assertThat(byEntity.get("rome").getRecordsJson()).contains("Esempio Costruzioni S.r.l.").contains("Via dell'Esempio 1")
                .doesNotContain("Rossini").doesNotContain("Giulia");
        assertThat(byEntity.get("trento").getRecordsJson()).as("stored as ' Mario.Rossi@Example.com '")
                .contains("Newsletter subscription").contains("2021-03-04");
        assertThat(byEntity.get("sao-paulo").getRecordsJson()).contains("Esempio Costruzioni S.r.l.").doesNotContain("Chatbot");
        assertThat(byEntity.get("pleasant-hill").getRecordsJson()).contains("Costruzioni FAQ bot");
        assertThat(byEntity.get("rome").getCompletedBy()).isEqualTo("connector");
        assertThat(byEntity.get("rome").getDueDate()).as("an automated step has its due date too").isNotNull();

        desk.complete(desk.taskOf(request.getReference(), "Task_ReviewResponse"), Map.of("approved", true));
        desk.runJobs(request.getReference());
        assertThat(desk.statusOf(request.getReference())).isEqualTo("CLOSED");
        assertThat(downloads.download(desk.downloadSecret(MARIO)).orElseThrow().involved())
                .as("the package holds the rows").isNotEmpty();
    }

    @Test
    void anErasureWaitsForEachEntityToConfirmThenRemovesExactlyThePersonsRows() {
        String giulia = "giulia.bianchi@example.com";
        DataSubjectRequest request = desk.acceptedRequest("ERASURE", giulia);
        desk.runJobs(request.getReference());

        List<Task> confirmations = tasks.createTaskQuery().processInstanceBusinessKey(request.getReference())
                .taskDefinitionKey("Task_ConfirmAutomatedStep").orderByTaskName().asc().list();
        assertThat(confirmations).extracting(Task::getName).containsExactly(
                request.getReference() + ": confirm ERASE (rome)", request.getReference() + ": confirm ERASE (trento)");
        Task rome = confirmations.get(0);
        assertThat(tasks.getVariableLocal(rome.getId(), "preview").toString()).contains("Rome contact CRM")
                .contains("contact: 1 row").contains("Company affiliation: company").doesNotContain("Fittizia");
        assertThat(count("rome-crm", "select count(*) from contact where lower(email) = ?", giulia)).as("nothing before confirming")
                .isEqualTo(1);

        desk.complete(rome, Map.of("confirmation", "CONFIRM"));
        desk.complete(confirmations.get(1), Map.of("confirmation", "HANDLE_MANUALLY"));
        desk.runJobs(request.getReference());

        assertThat(count("rome-crm", "select count(*) from contact where lower(email) = ?", giulia)).isZero();
        assertThat(count("rome-crm", "select count(*) from contact", null)).as("nobody else's row").isEqualTo(3);
        assertThat(count("trento-newsletter", "select count(*) from subscriber where email = ?", giulia))
                .as("Trento takes it over by hand").isEqualTo(1);
        assertThat(stepsOf(request).get("rome").getReport().actionTaken()).isEqualTo("deleted 1 row of contact in Rome contact CRM");
        assertThat(desk.entityTasks(request.getReference())).extracting(DeskDriver::entityOf).contains("trento");
        assertThat(stepsOf(request).get("sao-paulo").getState().name()).as("not in São Paulo's store").isEqualTo("NO_DATA");
    }

    @Test
    void aCorrectionIsMadeInTheStoreWithTheValueTheEntitysPersonGives() {
        String pat = "pat.lee@example.org";
        DataSubjectRequest request = desk.acceptedRequest("RECTIFICATION", pat);
        desk.runJobs(request.getReference());
        Task confirm = tasks.createTaskQuery().processInstanceBusinessKey(request.getReference())
                .taskDefinitionKey("Task_ConfirmAutomatedStep").singleResult();
        assertThat(confirm.getName()).endsWith("confirm RECTIFY (pleasant-hill)");
        assertThat(tasks.getVariableLocal(confirm.getId(), "rectifiableFields").toString()).contains("bot_account.owner_name");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> desk.complete(confirm,
                        Map.of("confirmation", "CONFIRM", "rectifyField", "bot_account.password", "rectifyValue", "x")))
                .hasMessageContaining("Field to correct must be one of");
        desk.complete(confirm, Map.of("confirmation", "CONFIRM", "rectifyField", "bot_account.owner_name",
                "rectifyValue", "Patricia Lee"));
        desk.runJobs(request.getReference());

        assertThat(count("pleasant-hill-bots", "select count(*) from bot_account where owner_name = 'Patricia Lee' and owner_email = ?", pat))
                .isEqualTo(1);
        EntityStep step = stepsOf(request).get("pleasant-hill");
        assertThat(step.getReport().valueBefore()).isEqualTo("Pat Lee");
        assertThat(step.getReport().valueAfter()).isEqualTo("Patricia Lee");
        assertThat(step.getReport().actionTaken()).isEqualTo("corrected bot_account.owner_name on 1 row in PhoneMyBot accounts");
        assertThat(runtime.createVariableInstanceQuery().variableName("rectifyValue").count()).as("never a process variable").isZero();
        assertThat(stepsOf(request).get("rome").getState().name()).as("not in Rome's CRM").isEqualTo("NO_DATA");
    }

    @Test
    void aStoreThatFailsStandsAsAnIncidentNeverAsNoData() {
        String ana = "ana.souza@example.net";
        DataStore saoPaulo = stores.of("sao-paulo").get(0);
        new JdbcTemplate(SqlStoreConnector.connect(saoPaulo.jdbc())).execute("alter table ticket drop column subject");
        try {
            DataSubjectRequest request = desk.acceptedRequest("ACCESS", ana);
            Job search = desk.runJobsUntilIncident(request.getReference());

            Incident incident = runtime.createIncidentQuery().processInstanceId(search.getProcessInstanceId()).singleResult();
            assertThat(incident).isNotNull();
            assertThat(incident.getActivityId()).isEqualTo("Task_SearchEntityStores");
            assertThat(stepsOf(request).get("sao-paulo").getState().name()).as("no silent answer").isNotIn("NO_DATA", "DONE");
        } finally {
            new JdbcTemplate(SqlStoreConnector.connect(saoPaulo.jdbc())).execute("alter table ticket add column subject varchar(300)");
        }
    }

    private Map<String, EntityStep> stepsOf(DataSubjectRequest request) {
        Map<String, EntityStep> byEntity = new java.util.HashMap<>();
        steps.findByRequestIdOrderByEntityId(request.getId()).forEach(step -> byEntity.put(step.getEntityId(), step));
        return byEntity;
    }

    private int count(String storeId, String sql, String argument) {
        DataStore store = stores.stores().stream().filter(each -> each.id().equals(storeId)).findFirst().orElseThrow();
        JdbcTemplate storeJdbc = new JdbcTemplate(SqlStoreConnector.connect(store.jdbc()));
        return argument == null ? storeJdbc.queryForObject(sql, Integer.class) : storeJdbc.queryForObject(sql, Integer.class, argument);
    }
}
