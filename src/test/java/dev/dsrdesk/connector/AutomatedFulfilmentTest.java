package dev.dsrdesk.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The embedded default's demo: four affiliates' data stores (application-demo.yml, here in memory) searched and
 * changed by the desk itself. An access request returns the person's real rows; an erasure waits for each entity's
 * confirmation, then removes exactly those rows; a store that fails stands as an incident.
 */
@SpringBootTest(properties = "dsr.demo-stores.location=mem:demo-${random.uuid}-")
@ActiveProfiles({"test", "demo"})
@AutoConfigureMockMvc
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
    @Autowired MockMvc mvc;

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
                .doesNotContain("Rossini").doesNotContain("Giulia")
                .as("under the store's labels, not its column names").contains("\"Full name\"").doesNotContain("full_name")
                .contains("\"Contacts of Interactive Media (Rome)\"");
        assertThat(byEntity.get("trento").getRecordsJson()).as("stored as ' Mario.Rossi@Example.com '")
                .contains("Newsletter subscription").contains("\"Subscribed on\"")
                .as("dates and yes/no as people write them").contains("4 March 2021, 09:15").contains("\"yes\"")
                .doesNotContain("2021-03-04").doesNotContain("TRUE").doesNotContain("true");
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
    void aPortugueseRequestersPackageReadsUnderPortugueseLabelsWithValuesMachinesRead() {
        String ana = "ana.souza@example.net";
        DataSubjectRequest request = desk.submitIn("pt-BR", "PORTABILITY", ana, "BR", null);
        desk.runJobs(request.getReference());
        assertThat(desk.verify(ana).verified()).isTrue();
        desk.complete(desk.taskOf(request.getReference(), "Task_TriageRequest"), Map.of("decision", "ACCEPT"));
        desk.runJobs(request.getReference());

        assertThat(stepsOf(request).get("sao-paulo").getRecordsJson())
                .contains("\"Informações de contato\"").contains("\"Nome\"").contains("\"Aberto em\"")
                .contains("\"Atendimento ao cliente da IM Brasil (São Paulo) · Chamado de suporte\"")
                .as("Art. 20: machine-readable dates").contains("\"2024-02-01T10:00:00\"")
                .doesNotContain("opened_at").doesNotContain("São Paulo support desk");
        assertThat(stepsOf(request).get("rome").getRecordsJson()).contains("\"Cargo\"").contains("\"Empresa\"")
                .contains("\"Contatos da Interactive Media (Roma)\"");
    }

    @Test
    void anItalianRequesterReadsTheReportAndTheClosureInItalianUnderTheStoresLabels() throws Exception {
        String email = DeskDriver.uniqueEmail();
        storeJdbc("trento-newsletter").update("""
                insert into subscriber (id, email, first_name, subscribed_at, consent_at)
                values (?, ?, 'Lucia', timestamp '2021-03-04 09:15:00', timestamp '2021-03-04 09:15:00')""",
                100 + (int) (Math.random() * 1_000_000), email);
        DataSubjectRequest access = answeredInItalian("ACCESS", email);

        MvcResult report = mvc.perform(post("/download").param("token", desk.downloadSecret(email)).with(csrf()))
                .andExpect(status().isOk()).andReturn();
        assertThat(report.getResponse().getContentAsString())
                .contains("Iscrizione alla newsletter").contains("Iscritto il").contains("4 marzo 2021, ore 09:15")
                .contains("Consenso alla newsletter").contains(">sì<").contains("Newsletter di IM Service Lab (Trento)")
                .doesNotContain("subscribed_at").doesNotContain("first_name").doesNotContain("2021-03-04")
                .doesNotContain("Trento newsletter list").doesNotContain("policy §").doesNotContain("informativa §");
        assertThat(access.getReference()).isNotNull();

        DataSubjectRequest erasure = answeredInItalian("ERASURE", email);
        assertThat(desk.lastMailTo(email, "La sua richiesta privacy " + erasure.getReference() + " è stata evasa"))
                .contains("Newsletter di IM Service Lab (Trento): un record di ‘Iscrizione’ eliminato")
                .doesNotContain("subscriber").doesNotContain("row");
    }

    /** A request in Italian taken through triage; Trento's confirmation given, the processor's step answered, approved. */
    private DataSubjectRequest answeredInItalian(String type, String email) {
        DataSubjectRequest request = desk.submitIn("it", type, email, "IT", null);
        desk.runJobs(request.getReference());
        assertThat(desk.verify(email).verified()).isTrue();
        desk.complete(desk.taskOf(request.getReference(), "Task_TriageRequest"), Map.of("decision", "ACCEPT"));
        desk.runJobs(request.getReference());
        tasks.createTaskQuery().processInstanceBusinessKey(request.getReference())
                .taskDefinitionKey("Task_ConfirmAutomatedStep").list()
                .forEach(confirmation -> desk.complete(confirmation, Map.of("confirmation", "CONFIRM")));
        desk.runJobs(request.getReference());
        desk.entityTasks(request.getReference()).forEach(step -> desk.complete(step, Map.of("outcome", "NO_DATA")));
        desk.runJobs(request.getReference());
        desk.complete(desk.taskOf(request.getReference(), "Task_ReviewResponse"), Map.of("approved", true));
        desk.runJobs(request.getReference());
        assertThat(desk.statusOf(request.getReference())).isEqualTo("CLOSED");
        return request;
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
        assertThat(tasks.getVariableLocal(rome.getId(), "preview").toString()).contains("Contacts of Interactive Media (Rome)")
                .contains("Contact: 1 record").contains("Company affiliation: Company").contains("Company affiliation: Job title")
                .doesNotContain("job_role").doesNotContain("Fittizia");
        assertThat(count("rome-crm", "select count(*) from contact where lower(email) = ?", giulia)).as("nothing before confirming")
                .isEqualTo(1);

        desk.complete(rome, Map.of("confirmation", "CONFIRM"));
        desk.complete(confirmations.get(1), Map.of("confirmation", "HANDLE_MANUALLY"));
        desk.runJobs(request.getReference());

        assertThat(count("rome-crm", "select count(*) from contact where lower(email) = ?", giulia)).isZero();
        assertThat(count("rome-crm", "select count(*) from contact", null)).as("nobody else's row").isEqualTo(3);
        assertThat(count("trento-newsletter", "select count(*) from subscriber where email = ?", giulia))
                .as("Trento takes it over by hand").isEqualTo(1);
        assertThat(stepsOf(request).get("rome").getReport().actionTaken()).isEqualTo("Contacts of Interactive Media (Rome): one record of ‘Contact’ deleted");
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
        assertThat(tasks.getVariableLocal(confirm.getId(), "rectifiableFields").toString()).contains("bot_account.owner_name (Account holder)");

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
        assertThat(step.getReport().actionTaken()).isEqualTo("PhoneMyBot accounts (Pleasant Hill): Account holder corrected on one record of ‘Bot account’");
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

    private JdbcTemplate storeJdbc(String storeId) {
        DataStore store = stores.stores().stream().filter(each -> each.id().equals(storeId)).findFirst().orElseThrow();
        return new JdbcTemplate(SqlStoreConnector.connect(store.jdbc()));
    }

    private int count(String storeId, String sql, String argument) {
        JdbcTemplate storeJdbc = storeJdbc(storeId);
        return argument == null ? storeJdbc.queryForObject(sql, Integer.class) : storeJdbc.queryForObject(sql, Integer.class, argument);
    }
}
