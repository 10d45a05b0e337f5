package dev.dsrdesk.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.support.DeskDriver;
import dev.dsrdesk.support.DeskTest;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

@DeskTest
class DataSubjectRequestProcessTest {

    private static final String RECORDS = """
            [{"category":"Contact information","field":"email","value":"ada.secret@example.org","source":"CRM"}]""";

    @Autowired DeskDriver desk;
    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired HistoryService history;

    @BeforeEach
    void initAssertions() {
        init(engine);
    }

    @ParameterizedTest(name = "{0} travels from intake to closure: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ACCESS           | rome:EXPORT trento:EXPORT sao-paulo:EXPORT pleasant-hill:EXPORT google-analytics:EXPORT
            RECTIFICATION    | rome:RECTIFY trento:RECTIFY sao-paulo:RECTIFY pleasant-hill:RECTIFY
            ERASURE          | rome:ERASE trento:ERASE sao-paulo:ERASE pleasant-hill:ERASE google-analytics:ERASE
            RESTRICTION      | rome:RESTRICT trento:RESTRICT sao-paulo:RESTRICT pleasant-hill:RESTRICT google-analytics:RESTRICT
            PORTABILITY      | rome:EXPORT trento:EXPORT sao-paulo:EXPORT pleasant-hill:EXPORT
            OBJECTION        | rome:STOP_DIRECT_MARKETING trento:STOP_DIRECT_MARKETING google-analytics:STOP_PROCESSING
            WITHDRAW_CONSENT | rome:RECORD_CONSENT_WITHDRAWAL trento:RECORD_CONSENT_WITHDRAWAL sao-paulo:RECORD_CONSENT_WITHDRAWAL pleasant-hill:RECORD_CONSENT_WITHDRAWAL google-analytics:RECORD_CONSENT_WITHDRAWAL
            """)
    void requestTravelsFromIntakeToClosure(String type, String expectedSteps) {
        String email = DeskDriver.uniqueEmail();
        DataSubjectRequest request = desk.submit(type, email);
        ProcessInstance process = desk.processOf(request.getReference());
        assertThat(process).as("intake answers before the process starts: the job executor starts it")
                .isWaitingAt("StartEvent_RequestReceived");
        assertThat(desk.statusOf(request.getReference())).isEqualTo("AWAITING_VERIFICATION");

        desk.runJobs(request.getReference());
        assertThat(process).hasPassed("StartEvent_RequestReceived", "Task_SendAcknowledgement", "Task_SendVerificationLink")
                .isWaitingAt("Task_AwaitIdentityVerification");
        assertThat(desk.mailSubjectsTo(email)).containsExactly(
                "We received your privacy request " + request.getReference(),
                "Please confirm your privacy request " + request.getReference());

        assertThat(desk.verify(email).verified()).isTrue();
        assertThat(process).isWaitingAt("Task_TriageRequest");
        assertThat(desk.statusOf(request.getReference())).isEqualTo("IN_TRIAGE");
        Task triage = desk.taskOf(request.getReference(), "Task_TriageRequest");
        assertThat(triage).hasCandidateGroup("dpo");
        assertThat(triage.getName()).as("the diagram says 'Triage the request'; the task names the request")
                .isEqualTo("Triage " + type + " request " + request.getReference());
        assertThat(triage.getDueDate()).isNotNull();
        assertThat(triage.getFollowUpDate()).isBefore(triage.getDueDate());

        desk.complete(triage, Map.of("decision", "ACCEPT"));
        assertThat(process).hasPassed("Task_RouteRequestToEntities");
        assertThat(desk.statusOf(request.getReference())).isEqualTo("IN_FULFILMENT");
        List<Task> entitySteps = desk.entityTasks(request.getReference());
        assertThat(entitySteps).allSatisfy(task -> {
            assertThat(task.getName()).startsWith(request.getReference() + ": ");
            assertThat(task.getDueDate()).isNotNull();
            assertThat(task.getFollowUpDate()).isBefore(task.getDueDate());
        });
        assertThat(entitySteps).extracting(task -> DeskDriver.entityOf(task) + ":" + DeskDriver.actionOf(task))
                .containsExactlyInAnyOrder(expectedSteps.split(" "));
        assertThat(entitySteps).allSatisfy(task ->
                assertThat(candidateGroupOf(task)).endsWith("-" + DeskDriver.entityOf(task)));

        for (Task step : entitySteps) {
            desk.complete(step, DeskDriver.doneAnswer(step));
            desk.runJobs(request.getReference());
        }
        assertThat(process).isWaitingAt("Task_ReviewResponse");
        assertThat(desk.statusOf(request.getReference())).isEqualTo("IN_REVIEW");

        desk.complete(desk.taskOf(request.getReference(), "Task_ReviewResponse"), Map.of("approved", true));
        desk.runJobs(request.getReference());
        assertThat(process).hasPassed("Task_SendClosure").isEnded();
        assertThat(desk.statusOf(request.getReference())).isEqualTo("CLOSED");
        String closure = desk.lastMailTo(email, "is complete");
        assertThat(closure).contains(request.getReference()).contains("Interactive Media S.p.A. (group controller): done")
                .contains("asked because it");
        if (entitySteps.size() < 5) {
            assertThat(closure).contains("Not asked");
        }
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(request.getReference()).list())
                .hasSizeGreaterThan(1)
                .allSatisfy(instance -> {
                    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).count())
                            .as("no variable of a closed request stays in the engine's history").isZero();
                    assertThat(history.createHistoricDetailQuery().processInstanceId(instance.getId()).variableUpdates().count())
                            .isZero();
                });
        assertThat(closure).as("data never travels as plain email content")
                .doesNotContain("ada.secret@example.org").doesNotContain("secret.value");
        switch (type) {
            case "ERASURE" -> assertThat(closure).contains("What was done: Contact record deleted from the CRM")
                    .contains("Kept: Invoice header, because Italian tax law").contains("Art. 17(3)")
                    .contains("(GDPR Art. 19)").contains("also informed: Mailing service provider");
            case "RECTIFICATION" -> assertThat(closure).contains("The data you pointed out has been corrected")
                    .contains("(GDPR Art. 19)");
            case "RESTRICTION", "OBJECTION", "WITHDRAW_CONSENT" -> assertThat(closure).contains("What was done: Marked in the CRM");
            default -> assertThat(closure).contains("/download?token=");
        }
    }

    @Test
    void eachActionAsksForWhatItsLawRequires() {
        DataSubjectRequest erasure = desk.acceptedRequest("ERASURE", DeskDriver.uniqueEmail());
        Task erase = desk.entityTasks(erasure.getReference()).get(0);
        assertThatThrownBy(() -> desk.complete(erase, Map.of("outcome", "DONE")))
                .hasMessageContaining("What was done is required");
        assertThatThrownBy(() -> desk.complete(erase, Map.of("outcome", "DONE", "actionTaken", "CRM row deleted",
                "retained", "Invoices"))).hasMessageContaining("Legal obligation that requires keeping it is required");
        assertThatThrownBy(() -> desk.complete(erase, Map.of("outcome", "DONE", "actionTaken", "CRM row deleted",
                "valueBefore", "x"))).hasMessageContaining("Before: what was recorded does not apply to the action ERASE");
        desk.complete(erase, Map.of("outcome", "NO_DATA"));

        DataSubjectRequest rectification = desk.acceptedRequest("RECTIFICATION", DeskDriver.uniqueEmail());
        Task rectify = desk.entityTasks(rectification.getReference()).get(0);
        assertThatThrownBy(() -> desk.complete(rectify, Map.of("outcome", "DONE", "valueBefore", "old")))
                .hasMessageContaining("is required for a rectification (Before: what was recorded and After: what is recorded now");
        desk.complete(rectify, Map.of("outcome", "DONE", "valueBefore", "old", "valueAfter", "new"));
        assertThat(desk.entityTasks(rectification.getReference())).extracting(Task::getId).doesNotContain(rectify.getId());
    }

    @Test
    void entityAnswersStayOutOfProcessVariables() {
        String email = DeskDriver.uniqueEmail();
        DataSubjectRequest request = desk.acceptedRequest("ACCESS", email);
        Task rome = desk.entityTasks(request.getReference()).stream()
                .filter(task -> candidateGroupOf(task).equals("affiliate-rome")).findFirst().orElseThrow();
        String entityProcess = rome.getProcessInstanceId();

        desk.complete(rome, Map.of("outcome", "DONE", "records", RECORDS, "notes", "found in the CRM"));
        assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(entityProcess).variableName("records").count())
                .as("the answer left the step's process with the task").isZero();
        desk.runJobs(request.getReference());

        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(entityProcess).singleResult().getState())
                .isEqualTo("COMPLETED");
        assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(desk.processOf(request.getReference()).getId())
                .variableName("records").count()).isZero();
    }

    @Test
    void rejectionAtTriageTellsTheReasonsAndTheRightToComplain() {
        String email = DeskDriver.uniqueEmail();
        DataSubjectRequest request = desk.verifiedRequest("ERASURE", email);
        ProcessInstance process = desk.processOf(request.getReference());

        desk.complete(desk.taskOf(request.getReference(), "Task_TriageRequest"),
                Map.of("decision", "REJECT", "rejectionReason", "The same request was answered in full last week."));
        desk.runJobs(request.getReference());

        assertThat(process).hasPassed("Task_SendRejection", "EndEvent_RequestRejected").isEnded();
        assertThat(process).hasNotPassed("CallActivity_FulfilEntityStep");
        assertThat(desk.statusOf(request.getReference())).isEqualTo("REJECTED");
        String rejection = desk.lastMailTo(email, "cannot be fulfilled");
        assertThat(rejection).contains("The same request was answered in full last week.")
                .contains("lodge a complaint with a supervisory authority").contains("Garante");
    }

    @Test
    void rejectionWithoutReasonsIsRefusedAndTheTaskStaysOpen() {
        String email = DeskDriver.uniqueEmail();
        DataSubjectRequest request = desk.verifiedRequest("ACCESS", email);
        Task triage = desk.taskOf(request.getReference(), "Task_TriageRequest");

        assertThatThrownBy(() -> desk.complete(triage, Map.of("decision", "REJECT")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Reasons for the rejection is required");
        assertThatThrownBy(() -> desk.complete(triage, Map.of("decision", "MAYBE")))
                .hasMessageContaining("Decision must be one of ACCEPT, REJECT");

        assertThat(desk.processOf(request.getReference())).isWaitingAt("Task_TriageRequest");
        assertThat(desk.taskOf(request.getReference(), "Task_TriageRequest").getId()).isEqualTo(triage.getId());
    }

    @Test
    void malformedRecordsAreRefusedAndTheEntityTaskStaysOpen() {
        DataSubjectRequest request = desk.acceptedRequest("ACCESS", DeskDriver.uniqueEmail());
        Task step = desk.entityTasks(request.getReference()).get(0);

        assertThatThrownBy(() -> desk.complete(step, Map.of("outcome", "DONE", "records", "[{\"category\": ")))
                .hasMessageContaining("Records found are not valid JSON");
        assertThatThrownBy(() -> desk.complete(step, Map.of("outcome", "DONE", "records", "[{\"category\":\"x\"}]")))
                .hasMessageContaining("Records found entry 1: field is required");
        assertThatThrownBy(() -> desk.complete(step, Map.of("outcome", "DONE")))
                .hasMessageContaining("Records found are required when data was found");
        assertThatThrownBy(() -> desk.complete(step, Map.of("outcome", "PERHAPS")))
                .hasMessageContaining("Outcome must be one of DONE, NO_DATA");

        assertThat(desk.entityTasks(request.getReference())).extracting(Task::getId).contains(step.getId());
    }

    @Test
    void unverifiedRequestIsRemindedThenClosedWhenTheWindowPasses() {
        String email = DeskDriver.uniqueEmail();
        DataSubjectRequest request = desk.awaitingVerification("ACCESS", email);
        ProcessInstance process = desk.processOf(request.getReference());
        Job reminderTimer = management.createJobQuery().timers().processInstanceId(process.getId())
                .activityId("Event_VerificationReminderDue").singleResult();
        Job expiryTimer = management.createJobQuery().timers().processInstanceId(process.getId())
                .activityId("Event_VerificationWindowExpired").singleResult();
        assertThat(reminderTimer.getDuedate()).isBefore(expiryTimer.getDuedate());

        management.executeJob(reminderTimer.getId());
        desk.runJobs(request.getReference());
        assertThat(process).hasPassed("Task_SendVerificationReminder").isWaitingAt("Task_AwaitIdentityVerification");
        String reminder = desk.lastMailTo(email, "Reminder");
        assertThat(desk.verificationSecretIn(reminder)).isNotBlank();

        management.executeJob(expiryTimer.getId());
        desk.runJobs(request.getReference());

        assertThat(process).hasPassed("Task_SendUnverifiedClosure", "EndEvent_ClosedUnverified").isEnded();
        assertThat(desk.statusOf(request.getReference())).isEqualTo("CLOSED_UNVERIFIED");
        assertThat(desk.lastMailTo(email, "was closed")).contains("closed it without action");
        assertThat(desk.verify(email).verified()).as("the window has passed").isFalse();
    }

    @Test
    void reviewSentBackGoesToTheOperatorNotToClosure() {
        String email = DeskDriver.uniqueEmail();
        DataSubjectRequest request = desk.acceptedRequest("ERASURE", email);
        desk.entityTasks(request.getReference()).forEach(step -> desk.complete(step, Map.of("outcome", "NO_DATA")));
        desk.runJobs(request.getReference());
        ProcessInstance process = desk.processOf(request.getReference());

        assertThatThrownBy(() -> desk.complete(desk.taskOf(request.getReference(), "Task_ReviewResponse"),
                Map.of("approved", false))).hasMessageContaining("Review comment is required");
        desk.complete(desk.taskOf(request.getReference(), "Task_ReviewResponse"),
                Map.of("approved", false, "reviewComment", "Rome's CRM export is missing: ask again."));

        assertThat(process).isWaitingAt("Task_ReviseResponse").hasNotPassed("Task_SendClosure");
        assertThat(desk.taskOf(request.getReference(), "Task_ReviseResponse")).hasCandidateGroup("dpo");
        assertThat(desk.taskOf(request.getReference(), "Task_ReviseResponse").getName())
                .isEqualTo("Revise response to " + request.getReference());
        assertThat(desk.mailSubjectsTo(email)).noneMatch(subject -> subject.contains("is complete"));

        desk.complete(desk.taskOf(request.getReference(), "Task_ReviseResponse"),
                Map.of("askEntitiesAgain", true, "revisionNote", "Asked every entity again."));
        assertThat(desk.entityTasks(request.getReference())).hasSize(5);
        desk.entityTasks(request.getReference()).forEach(step -> desk.complete(step, DeskDriver.doneAnswer(step)));
        desk.runJobs(request.getReference());
        desk.complete(desk.taskOf(request.getReference(), "Task_ReviewResponse"), Map.of("approved", true));
        desk.runJobs(request.getReference());

        assertThat(process).isEnded();
        assertThat(desk.mailSubjectsTo(email)).filteredOn(subject -> subject.contains("is complete")).hasSize(1);
    }

    @Test
    void diagramsNameTheirStepsInPlainWordsWithoutExpressions() throws Exception {
        for (String diagram : List.of("data-subject-request.bpmn", "entity-fulfilment.bpmn", "mail-delivery.bpmn",
                "staff-digest.bpmn", "retention-purge.bpmn")) {
            try (var in = getClass().getClassLoader().getResourceAsStream(diagram)) {
                BpmnModelInstance model = Bpmn.readModelFromStream(in);
                assertThat(model.getModelElementsByType(FlowElement.class))
                        .as(diagram).extracting(FlowElement::getName)
                        .noneMatch(name -> name != null && (name.contains("${") || name.contains("#{")));
            }
        }
    }

    private String candidateGroupOf(Task task) {
        return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> link.getGroupId() != null).findFirst().orElseThrow().getGroupId();
    }
}
