package dev.dsrdesk.process.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

/** processes/staff-digest.bpmn: a timer starts it every hour; one run sends every staff member's digest. */
@Diagram("staff-digest.bpmn")
class StaffDigestFlowTest extends DiagramTest {

    @Test
    void theDigestsGoOutEveryHour() {
        Job timer = digestTimer();
        long runsBefore = runs();

        ClockUtil.setCurrentTime(timer.getDuedate());
        managementService().executeJob(timer.getId());

        verify(beans.staffDigests).sendAll();
        assertThat(runs()).isEqualTo(runsBefore + 1);
        HistoricProcessInstance run = lastRun();
        assertThat(run.getState()).isEqualTo("COMPLETED");
        assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(run.getId())
                .list())
                .extracting(HistoricActivityInstance::getActivityId)
                .containsExactlyInAnyOrder("StartEvent_DigestDue", "Task_SendStaffDigests", "EndEvent_DigestsSent");
        assertThat(digestTimer().getDuedate()).as("the next run")
                .isEqualTo(Date.from(timer.getDuedate().toInstant().plus(Duration.ofHours(1))));
    }

    @Test
    void aFailingRunIsTriedFiveTimesFiveMinutesApartAndTheNextHourStillComes() {
        doThrow(new IllegalStateException("mail outbox unavailable")).when(beans.staffDigests).sendAll();
        Job timer = digestTimer();

        int tries = failUntilIncident(timer, Duration.ofMinutes(5));

        assertThat(tries).as("R5/PT5M: five tries in all").isEqualTo(5);
        assertThat(runtimeService().createIncidentQuery().configuration(timer.getId()).count()).isEqualTo(1);
        assertThat(managementService().createJobQuery().processDefinitionKey("staff-digest").timers().withRetriesLeft()
                .singleResult().getDuedate()).as("the next hour's run")
                .isEqualTo(Date.from(timer.getDuedate().toInstant().plus(Duration.ofHours(1))));
    }

    private static Job digestTimer() {
        return managementService().createJobQuery().processDefinitionKey("staff-digest").timers().withRetriesLeft()
                .singleResult();
    }

    private static long runs() {
        return historyService().createHistoricProcessInstanceQuery().processDefinitionKey("staff-digest").count();
    }

    private static HistoricProcessInstance lastRun() {
        return historyService().createHistoricProcessInstanceQuery().processDefinitionKey("staff-digest")
                .orderByProcessInstanceStartTime().desc().listPage(0, 1).get(0);
    }
}
