package dev.dsrdesk.process.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

/** processes/retention-purge.bpmn: every night at 02:30 (the server's time) a timer purges expired requests. */
@Diagram("retention-purge.bpmn")
class RetentionPurgeFlowTest extends DiagramTest {

    @Test
    void expiredRequestsArePurgedEveryNightAtHalfPastTwo() {
        when(beans.retentionPurge.purgeExpired()).thenReturn(3);
        Job timer = purgeTimer();
        LocalDateTime due = local(timer.getDuedate());
        assertThat(due.toLocalTime()).hasToString("02:30");

        ClockUtil.setCurrentTime(timer.getDuedate());
        managementService().executeJob(timer.getId());

        verify(beans.retentionPurge).purgeExpired();
        HistoricProcessInstance run = lastRun();
        assertThat(run.getState()).isEqualTo("COMPLETED");
        assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(run.getId()).list())
                .extracting(HistoricActivityInstance::getActivityId)
                .containsExactlyInAnyOrder("StartEvent_NightlyPurgeDue", "Task_PurgeExpiredRequests",
                        "EndEvent_ExpiredRequestsPurged");
        assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(run.getId())
                .variableName("purgedRequests").singleResult().getValue()).as("how many, for Cockpit").isEqualTo(3);
        assertThat(local(purgeTimer().getDuedate())).as("the next night").isEqualTo(due.plusDays(1));
    }

    @Test
    void aFailingPurgeIsTriedThreeTimesHalfAnHourApartAndTheNextNightStillComes() {
        doThrow(new IllegalStateException("database unavailable")).when(beans.retentionPurge).purgeExpired();
        Job timer = purgeTimer();

        int tries = failUntilIncident(timer, Duration.ofMinutes(30));

        assertThat(tries).as("R3/PT30M: three tries in all").isEqualTo(3);
        assertThat(runtimeService().createIncidentQuery().configuration(timer.getId()).count()).isEqualTo(1);
        assertThat(local(purgeTimer().getDuedate())).as("the next night's run").isEqualTo(local(timer.getDuedate()).plusDays(1));
    }

    private static Job purgeTimer() {
        return managementService().createJobQuery().processDefinitionKey("retention-purge").timers().withRetriesLeft()
                .singleResult();
    }

    private static HistoricProcessInstance lastRun() {
        return historyService().createHistoricProcessInstanceQuery().processDefinitionKey("retention-purge")
                .orderByProcessInstanceStartTime().desc().listPage(0, 1).get(0);
    }

    private static LocalDateTime local(Date date) {
        return LocalDateTime.ofInstant(date.toInstant(), ZoneId.systemDefault());
    }
}
