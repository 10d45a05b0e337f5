package dev.dsrdesk.process.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** processes/mail-delivery.bpmn: one queued mail, delivered by a job of its own that retries with back-off. */
@Diagram("mail-delivery.bpmn")
class MailDeliveryFlowTest extends DiagramTest {

    private static final long QUEUED_MAIL = 42L;

    @Test
    void aQueuedMailIsDeliveredByAJobOfItsOwn() {
        ProcessInstance mail = queue();
        assertThat(mail).isWaitingAt("Task_DeliverMail");
        verifyNoInteractions(beans.mailDelivery);

        run(mail, "Task_DeliverMail");

        assertThat(mail).hasPassedInOrder("StartEvent_MailQueued", "Task_DeliverMail", "EndEvent_MailDelivered").isEnded();
        verify(beans.mailDelivery).deliver(QUEUED_MAIL);
    }

    @Test
    void anUnreachableMailServerIsTriedAgainAfterOneFiveFifteenAndThirtyMinutesThenHourlyThenWaitsAsAnIncident() {
        ProcessInstance mail = queue();
        doThrow(new IllegalStateException("mail server unreachable")).when(beans.mailDelivery).deliver(QUEUED_MAIL);

        // the first try, then one retry after each interval of the diagram's cycle
        Duration[] backOff = {Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(30),
                Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1)};
        for (int failure = 1; failure <= backOff.length + 1; failure++) {
            Job job = jobAt(mail, "Task_DeliverMail");
            if (job.getDuedate() != null) {
                ClockUtil.setCurrentTime(job.getDuedate());
            }
            Date failedAt = ClockUtil.getCurrentTime();
            assertThatThrownBy(() -> managementService().executeJob(job.getId())).hasMessageContaining("unreachable");

            Job retried = jobAt(mail, "Task_DeliverMail");
            assertThat(retried.getRetries()).as("retries left after failure %d", failure).isEqualTo(backOff.length + 1 - failure);
            if (failure <= backOff.length) {
                assertThat(retried.getDuedate()).as("next try after failure %d", failure)
                        .isEqualTo(Date.from(failedAt.toInstant().plus(backOff[failure - 1])));
            }
        }
        verify(beans.mailDelivery, times(backOff.length + 1)).deliver(QUEUED_MAIL);
        assertThat(runtimeService().createIncidentQuery().processInstanceId(mail.getId()).count()).isEqualTo(1);
        assertThat(mail).isWaitingAt("Task_DeliverMail").isNotEnded();

        // the server is back: an operator increments the retries in Cockpit
        doNothing().when(beans.mailDelivery).deliver(QUEUED_MAIL);
        managementService().setJobRetries(jobAt(mail, "Task_DeliverMail").getId(), 1);
        run(mail, "Task_DeliverMail");

        assertThat(mail).hasPassed("EndEvent_MailDelivered").isEnded();
        assertThat(runtimeService().createIncidentQuery().processInstanceId(mail.getId()).count()).isZero();
    }

    private static ProcessInstance queue() {
        return start("mail-delivery", newReference(), Map.of("queuedMailId", QUEUED_MAIL));
    }
}
