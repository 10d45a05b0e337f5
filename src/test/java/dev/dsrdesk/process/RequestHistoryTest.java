package dev.dsrdesk.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.support.DeskDriver;
import dev.dsrdesk.support.DeskTest;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@DeskTest
class RequestHistoryTest {

    @Autowired DeskDriver desk;
    @Autowired HistoryService history;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired RepositoryService repository;
    @Autowired IdentityService identity;

    @Test
    void aRequestsTasksShowTheRequesterWhileTheEnginesHistoryRecordsNoVariableOfIt() {
        String email = DeskDriver.uniqueEmail();
        DataSubjectRequest request = desk.acceptedRequest("ACCESS", email);
        Task step = desk.entityTasks(request.getReference()).stream()
                .filter(task -> DeskDriver.entityOf(task).equals("rome")).findFirst().orElseThrow();
        assertThat(tasks.getVariableLocal(step.getId(), "subjectEmail")).as("the task shows whom it is about")
                .isEqualTo(email);

        identity.setAuthentication("rome-clerk", List.of("affiliate-rome"));
        try {
            desk.complete(step, DeskDriver.doneAnswer(step));
        } finally {
            identity.clearAuthentication();
        }
        desk.runJobs(request.getReference());

        String[] instances = instancesOf(request.getReference());
        assertThat(instances).as("the request, its entity steps and its mails")
                .hasSizeGreaterThan(5);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceIdIn(instances).includeDeleted().count())
                .isZero();
        assertThat(history.createHistoricDetailQuery().processInstanceIdIn(instances).count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(desk.processOf(request.getReference()).getId())
                .activityId("Task_TriageRequest").finished().count())
                .as("the rest of the history stays at level full").isOne();
        assertThat(history.createUserOperationLogQuery().taskId(step.getId())
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).count())
                .as("who completed what stays in the user operation log").isOne();
    }

    @Test
    void aRequestsHistoryIsWrittenWithItsRemovalTimeTheTimeToLiveFromReceipt() {
        DataSubjectRequest request = desk.awaitingVerification("ERASURE", DeskDriver.uniqueEmail());
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                .processInstanceId(desk.processOf(request.getReference()).getId()).singleResult();

        assertThat(instance.getEndTime()).as("still running").isNull();
        assertThat(instance.getRemovalTime()).isEqualTo(Date.from(instance.getStartTime().toInstant().plus(Duration.ofDays(1096))));
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).list())
                .isNotEmpty().allSatisfy(activity -> assertThat(activity.getRemovalTime()).isEqualTo(instance.getRemovalTime()));
    }

    @Test
    void aProcessThatIsNoRequestsKeepsItsVariablesInHistory() {
        Deployment deployment = repository.createDeployment().addModelInstance("variable-history-probe.bpmn",
                Bpmn.createExecutableProcess("variable-history-probe").camundaHistoryTimeToLive(1)
                        .startEvent().userTask("Task_Wait").endEvent().done()).deploy();
        try {
            String instance = runtime.startProcessInstanceByKey("variable-history-probe", Map.of("purgedRequests", 3)).getId();

            assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance)
                    .variableName("purgedRequests").singleResult().getValue()).isEqualTo(3);
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }

    private String[] instancesOf(String reference) {
        return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).list().stream()
                .map(HistoricProcessInstance::getId).toArray(String[]::new);
    }
}
