package dev.dsrdesk.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.support.DeskDriver;
import dev.dsrdesk.support.DeskTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@DeskTest
class RequestHistoryTest {

    private static final String PROBE = "variable-history-probe";

    @Autowired DeskDriver desk;
    @Autowired HistoryService history;
    @Autowired TaskService tasks;
    @Autowired FormService forms;
    @Autowired RuntimeService runtime;
    @Autowired RepositoryService repository;
    @Autowired IdentityService identity;

    private Deployment probe;

    @AfterEach
    void removeProbe() {
        if (probe != null) {
            repository.deleteDeployment(probe.getId(), true);
        }
    }

    @Test
    void aRequestsTasksShowTheRequesterWhileTheEnginesHistoryRecordsNeitherVariablesNorAnswers() {
        String email = DeskDriver.uniqueEmail();
        DataSubjectRequest request = desk.acceptedRequest("ACCESS", email);
        Task step = desk.entityTasks(request.getReference()).stream()
                .filter(task -> DeskDriver.entityOf(task).equals("rome")).findFirst().orElseThrow();
        assertThat(tasks.getVariableLocal(step.getId(), "subjectEmail")).as("the task shows whom it is about")
                .isEqualTo(email);

        // as Tasklist does: the form is submitted, and each of its fields would be a history detail
        identity.setAuthentication("rome-clerk", List.of("affiliate-rome"));
        try {
            forms.submitTaskForm(step.getId(), Map.of("outcome", "DONE", "records",
                    "[{\"category\":\"Contact information\",\"field\":\"email\",\"value\":\"" + email + "\",\"source\":\"CRM\"}]"));
        } finally {
            identity.clearAuthentication();
        }
        desk.runJobs(request.getReference());

        String[] instances = instancesOf(request.getReference());
        assertThat(instances).as("the request, its entity steps and its mails").hasSizeGreaterThan(5);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceIdIn(instances).includeDeleted().count())
                .isZero();
        assertThat(history.createHistoricDetailQuery().processInstanceIdIn(instances).count())
                .as("neither variable updates nor submitted form fields").isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(desk.processOf(request.getReference()).getId())
                .activityId("Task_TriageRequest").finished().count())
                .as("the activities' history stays").isOne();
        assertThat(history.createUserOperationLogQuery().taskId(step.getId())
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).count())
                .as("level full: who completed what stays in the user operation log").isOne();
    }

    @Test
    void aProcessThatIsNoRequestsKeepsItsVariablesInHistory() {
        String instance = runtime.startProcessInstanceByKey(deployProbe(), Map.of("purgedRequests", 3)).getId();

        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableName("purgedRequests").singleResult().getValue()).isEqualTo(3);
    }

    @Test
    void whatAnotherProcessKeptInHistoryUnderARequestsReferenceGoesWhenTheRequestCloses() {
        DataSubjectRequest request = desk.acceptedRequest("ACCESS", DeskDriver.uniqueEmail());
        String other = runtime.startProcessInstanceByKey(deployProbe(), request.getReference(),
                Map.of("requesterNote", "call after six")).getId();
        assertThat(history.createHistoricDetailQuery().processInstanceId(other).count()).isOne();

        desk.answerAcceptedAccessRequest(request);

        assertThat(desk.statusOf(request.getReference())).isEqualTo("CLOSED");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(other).includeDeleted().count()).isZero();
        assertThat(history.createHistoricDetailQuery().processInstanceId(other).count()).isZero();
    }

    private String deployProbe() {
        probe = repository.createDeployment().addModelInstance(PROBE + ".bpmn",
                Bpmn.createExecutableProcess(PROBE).camundaHistoryTimeToLive(1)
                        .startEvent().userTask("Task_Wait").endEvent().done()).deploy();
        return PROBE;
    }

    private String[] instancesOf(String reference) {
        return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).list().stream()
                .map(HistoricProcessInstance::getId).toArray(String[]::new);
    }
}
