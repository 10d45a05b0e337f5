package dev.dsrdesk.process.flow;

import static dev.dsrdesk.process.flow.DeskBeans.ENTITY_REMINDER_AT;
import static dev.dsrdesk.process.flow.DeskBeans.ENTITY_STEP_DUE;
import static dev.dsrdesk.process.flow.DeskBeans.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/**
 * processes/entity-fulfilment.bpmn, on the engine alone: one entity's step, started as the request's fan-out starts
 * it (the request's reference as business key; the right, the entity and its action as the only variables), through
 * every channel: the entity's databases (with and without its person's confirmation), a processor's API (answered at
 * once, later, or not in time), a processor written to by mail (reminded, answering or late), and a person's task
 * (reminded, escalated).
 */
@Diagram("entity-fulfilment.bpmn")
class EntityFulfilmentFlowTest extends DiagramTest {

    private static final String ENTITY = "rome";

    // ---- a person's task

    @Test
    void anEntityWithoutConnectorsGetsATaskForItsOwnGroup() {
        ProcessInstance step = start("ACCESS", "EXPORT");

        verify(beans.entityStepInstances).bind(any());
        verify(beans.answerChannels, atLeastOnce()).of(any());
        assertThat(step).hasPassed("Gateway_AnswerChannel").isWaitingAt("Task_FulfilEntityStep");
        Task task = taskAt(step, "Task_FulfilEntityStep");
        assertThat(task).hasCandidateGroup("affiliate-rome");
        assertThat(formOf(task)).isEqualTo("entity-step");
        assertThat(task.getDueDate()).isEqualTo(ENTITY_STEP_DUE);
        assertThat(task.getFollowUpDate()).as("when the reminder goes").isEqualTo(ENTITY_REMINDER_AT);
        assertThat(jobAt(step, "Event_EntityReminderDue").getDuedate()).isEqualTo(ENTITY_REMINDER_AT);
        assertThat(jobAt(step, "Event_EntityStepLate").getDuedate()).isEqualTo(ENTITY_STEP_DUE);

        complete(step, "Task_FulfilEntityStep", Map.of());
        assertThat(step).as("the answer counts in a job of its own").isWaitingAt("EndEvent_EntityStepAnswered");
        run(step, "EndEvent_EntityStepAnswered");

        assertThat(step).hasPassed("EndEvent_EntityStepAnswered").isEnded();
        assertThat(beans.taskEvents).containsExactly("entityStepTaskListener: Task_FulfilEntityStep create",
                "entityStepTaskListener: Task_FulfilEntityStep complete");
        verify(beans.staffNotices, never()).remindEntity(any(), any());
    }

    @Test
    void theEntitysGroupIsRemindedBeforeItsStepIsDue() {
        ProcessInstance step = start("ERASURE", "ERASE");

        run(step, "Event_EntityReminderDue");

        verify(beans.staffNotices).remindEntity(step.getBusinessKey(), ENTITY);
        assertThat(step).hasPassed("Task_RemindEntity", "EndEvent_EntityReminded").isWaitingAtExactly("Task_FulfilEntityStep");
        assertThat(jobsAt(step, "Event_EntityReminderDue")).as("reminded once").isEmpty();
        assertThat(jobsAt(step, "Event_EntityStepLate")).hasSize(1);
    }

    @Test
    void aLateStepIsEscalatedToManagersAndStaysWithTheEntity() {
        ProcessInstance step = start("ERASURE", "ERASE");

        run(step, "Event_EntityStepLate");

        verify(beans.staffNotices).escalateLateStep(step.getBusinessKey(), ENTITY);
        assertThat(step).hasPassed("Task_EscalateLateStep", "EndEvent_StepEscalated").isWaitingAtExactly("Task_FulfilEntityStep");
        complete(step, "Task_FulfilEntityStep", Map.of());
        run(step, "EndEvent_EntityStepAnswered");
        assertThat(step).isEnded();
    }

    // ---- the entity's databases

    @Test
    void aStepTheEntitysDatabasesCanDoRunsWithoutAPerson() {
        when(beans.answerChannels.of(any())).thenReturn("DATABASES");
        ProcessInstance step = start("ERASURE", "ERASE");
        assertThat(step).isWaitingAt("Task_SearchEntityStores");

        run(step, "Task_SearchEntityStores");
        verify(beans.automatedSteps).search(any());
        verify(beans.automatedSteps).mustConfirm(any());
        assertThat(step).isWaitingAt("Task_CarryOutInEntityStores");
        run(step, "Task_CarryOutInEntityStores");
        verify(beans.automatedSteps).execute(any());
        run(step, "EndEvent_EntityStepAnswered");

        assertThat(step).hasPassedInOrder("Task_SearchEntityStores", "Gateway_ConfirmationNeeded",
                "Task_CarryOutInEntityStores", "EndEvent_EntityStepAnswered")
                .hasNotPassed("Task_ConfirmAutomatedStep", "Task_FulfilEntityStep").isEnded();
        verify(beans.entityApiSteps, never()).call(any());
    }

    @Test
    void aStepTheEntityMustConfirmWaitsForItsPersonThenRuns() {
        when(beans.answerChannels.of(any())).thenReturn("DATABASES");
        when(beans.automatedSteps.mustConfirm(any())).thenReturn(true);
        ProcessInstance step = start("ERASURE", "ERASE");
        run(step, "Task_SearchEntityStores");

        assertThat(step).isWaitingAt("Task_ConfirmAutomatedStep");
        Task confirmation = taskAt(step, "Task_ConfirmAutomatedStep");
        assertThat(confirmation).hasCandidateGroup("affiliate-rome");
        assertThat(formOf(confirmation)).isEqualTo("confirm-automated-step");
        assertThat(confirmation.getDueDate()).isEqualTo(ENTITY_STEP_DUE);
        assertThat(confirmation.getFollowUpDate()).isEqualTo(ENTITY_REMINDER_AT);
        verify(beans.automatedSteps, never()).execute(any());

        // confirmationTaskListener turns the form's CONFIRM into the gateway's variable
        complete(step, "Task_ConfirmAutomatedStep", Map.of("confirmed", true));
        assertThat(step).isWaitingAt("Task_CarryOutInEntityStores");
        run(step, "Task_CarryOutInEntityStores");
        run(step, "EndEvent_EntityStepAnswered");

        InOrder automated = inOrder(beans.automatedSteps);
        automated.verify(beans.automatedSteps).search(any());
        automated.verify(beans.automatedSteps).execute(any());
        assertThat(step).hasPassed("Gateway_StepConfirmed").hasNotPassed("Task_FulfilEntityStep").isEnded();
        assertThat(beans.taskEvents).containsExactly("confirmationTaskListener: Task_ConfirmAutomatedStep create",
                "confirmationTaskListener: Task_ConfirmAutomatedStep complete");
    }

    @Test
    void aConfirmationNobodyGivesIsRemindedThenEscalatedLikeAnyStep() {
        when(beans.answerChannels.of(any())).thenReturn("DATABASES");
        when(beans.automatedSteps.mustConfirm(any())).thenReturn(true);
        ProcessInstance step = start("ERASURE", "ERASE");
        run(step, "Task_SearchEntityStores");
        assertThat(jobAt(step, "Event_ConfirmationReminderDue").getDuedate()).isEqualTo(ENTITY_REMINDER_AT);
        assertThat(jobAt(step, "Event_ConfirmationLate").getDuedate()).isEqualTo(ENTITY_STEP_DUE);

        run(step, "Event_ConfirmationReminderDue");
        verify(beans.staffNotices).remindEntity(step.getBusinessKey(), ENTITY);
        run(step, "Event_ConfirmationLate");
        verify(beans.staffNotices).escalateLateStep(step.getBusinessKey(), ENTITY);

        assertThat(step).hasPassed("Task_RemindEntity", "EndEvent_EntityReminded", "Task_EscalateLateStep",
                "EndEvent_StepEscalated").isWaitingAtExactly("Task_ConfirmAutomatedStep");
        verify(beans.automatedSteps, never()).execute(any());
    }

    @Test
    void anEntityThatTakesTheStepOverHandlesItByHand() {
        when(beans.answerChannels.of(any())).thenReturn("DATABASES");
        when(beans.automatedSteps.mustConfirm(any())).thenReturn(true);
        ProcessInstance step = start("ERASURE", "ERASE");
        run(step, "Task_SearchEntityStores");

        complete(step, "Task_ConfirmAutomatedStep", Map.of("confirmed", false));

        assertThat(step).hasPassed("Gateway_StepConfirmed").isWaitingAt("Task_FulfilEntityStep");
        assertThat(taskAt(step, "Task_FulfilEntityStep")).hasCandidateGroup("affiliate-rome");
        complete(step, "Task_FulfilEntityStep", Map.of());
        run(step, "EndEvent_EntityStepAnswered");
        assertThat(step).hasNotPassed("Task_CarryOutInEntityStores").isEnded();
        verify(beans.automatedSteps, never()).execute(any());
    }

    @Test
    void anUnreachableStoreFailsTheSearchWhichIsTriedThreeTimesFiveMinutesApartThenStandsAsAnIncident() {
        when(beans.answerChannels.of(any())).thenReturn("DATABASES");
        doThrow(new IllegalStateException("store unreachable")).when(beans.automatedSteps).search(any());
        ProcessInstance step = start("ACCESS", "EXPORT");

        int tries = failUntilIncident(step, "Task_SearchEntityStores", Duration.ofMinutes(5));

        assertThat(tries).as("R3/PT5M: three tries in all").isEqualTo(3);
        assertThat(runtimeService().createIncidentQuery().processInstanceId(step.getId()).count()).isEqualTo(1);
        assertThat(step).as("never a silent 'no data'").isWaitingAt("Task_SearchEntityStores");
        verify(beans.automatedSteps, never()).mustConfirm(any());
    }

    // ---- a processor's API

    @Test
    void aProcessorsApiThatAnswersAtOnceEndsTheStep() {
        when(beans.answerChannels.of(any())).thenReturn("API");
        beans.apiAnswers(true);
        ProcessInstance step = start("ERASURE", "ERASE");
        assertThat(step).isWaitingAt("Task_CallEntityApi");

        run(step, "Task_CallEntityApi");
        verify(beans.entityApiSteps).call(any());
        run(step, "EndEvent_EntityStepAnswered");

        assertThat(step).hasPassedInOrder("Task_CallEntityApi", "Gateway_AnsweredAtOnce", "EndEvent_EntityStepAnswered")
                .hasNotPassed("Task_AwaitEntityAnswer", "Task_FulfilEntityStep").isEnded();
    }

    @Test
    void aProcessorsApiThatAnswersLaterEndsTheStepWhenItCallsBack() {
        when(beans.answerChannels.of(any())).thenReturn("API");
        ProcessInstance step = start("ERASURE", "ERASE");
        run(step, "Task_CallEntityApi");

        assertThat(step).isWaitingAt("Task_AwaitEntityAnswer");
        verify(beans.entityApiSteps).answerWithin(ENTITY);
        assertThat(jobAt(step, "Event_EntityAnswerOverdue").getDuedate()).as("answer-within P3D")
                .isEqualTo(Date.from(NOW.plus(Duration.ofDays(3))));

        // what the connector callback does with a valid answer
        runtimeService().createMessageCorrelation("EntityApiAnswered").processInstanceId(step.getId()).correlate();
        assertThat(jobsAt(step, "Event_EntityAnswerOverdue")).isEmpty();
        run(step, "EndEvent_EntityStepAnswered");

        assertThat(step).hasPassed("Task_AwaitEntityAnswer").hasNotPassed("Task_FulfilEntityStep").isEnded();
    }

    @Test
    void aProcessorsApiThatDoesNotAnswerInTimeHandsTheStepToThePersonInCharge() {
        when(beans.answerChannels.of(any())).thenReturn("API");
        ProcessInstance step = start("ERASURE", "ERASE");
        run(step, "Task_CallEntityApi");

        run(step, "Event_EntityAnswerOverdue");

        assertThat(step).hasPassed("Event_EntityAnswerOverdue").isWaitingAtExactly("Task_FulfilEntityStep");
        assertThat(taskAt(step, "Task_FulfilEntityStep")).hasCandidateGroup("affiliate-rome");
        assertThatThrownBy(() -> runtimeService().createMessageCorrelation("EntityApiAnswered")
                .processInstanceId(step.getId()).correlate()).as("a late callback finds nothing waiting")
                .hasMessageContaining("EntityApiAnswered");
    }

    // ---- a processor written to by mail

    @Test
    void aProcessorWithoutAnApiIsWrittenToAndItsReplyEndsTheStep() {
        when(beans.answerChannels.of(any())).thenReturn("MAIL");
        ProcessInstance step = start("ACCESS", "EXPORT");
        assertThat(step).isWaitingAt("Task_WriteToProcessor");

        run(step, "Task_WriteToProcessor");
        verify(beans.processorMailSteps).write(any());
        assertThat(step).isWaitingAt("Task_AwaitProcessorReply");
        assertThat(jobAt(step, "Event_ProcessorReminderDue").getDuedate()).as("remind-every P2D")
                .isEqualTo(Date.from(NOW.plus(Duration.ofDays(2))));
        assertThat(jobAt(step, "Event_ProcessorReplyOverdue").getDuedate()).as("answer-within P10D")
                .isEqualTo(Date.from(NOW.plus(Duration.ofDays(10))));

        // what the processor's answer page does
        runtimeService().createMessageCorrelation("ProcessorReplied").processInstanceId(step.getId()).correlate();
        run(step, "EndEvent_EntityStepAnswered");

        assertThat(step).hasPassed("Task_AwaitProcessorReply").hasNotPassed("Task_RemindProcessor", "Task_FulfilEntityStep")
                .isEnded();
        assertThat(managementService().createJobQuery().processInstanceId(step.getId()).count()).isZero();
    }

    @Test
    void aProcessorIsRemindedEveryTwoDaysUntilItReplies() {
        when(beans.answerChannels.of(any())).thenReturn("MAIL");
        ProcessInstance step = start("ACCESS", "EXPORT");
        run(step, "Task_WriteToProcessor");

        for (int reminder = 1; reminder <= 2; reminder++) {
            Job due = jobAt(step, "Event_ProcessorReminderDue");
            ClockUtil.setCurrentTime(due.getDuedate());
            managementService().executeJob(due.getId());
            verify(beans.processorMailSteps, times(reminder)).remind(any());
            assertThat(jobAt(step, "Event_ProcessorReminderDue").getDuedate()).as("the reminder after reminder %d", reminder)
                    .isEqualTo(Date.from(due.getDuedate().toInstant().plus(Duration.ofDays(2))));
        }

        assertThat(step).hasPassed("Task_RemindProcessor", "EndEvent_ProcessorReminded")
                .isWaitingAtExactly("Task_AwaitProcessorReply");
        runtimeService().createMessageCorrelation("ProcessorReplied").processInstanceId(step.getId()).correlate();
        run(step, "EndEvent_EntityStepAnswered");
        assertThat(step).isEnded();
    }

    @Test
    void aProcessorThatDoesNotReplyInTimeIsEscalatedAndItsStepGoesToThePersonInCharge() {
        when(beans.answerChannels.of(any())).thenReturn("MAIL");
        ProcessInstance step = start("ACCESS", "EXPORT");
        run(step, "Task_WriteToProcessor");

        run(step, "Event_ProcessorReplyOverdue");

        verify(beans.staffNotices).escalateLateStep(step.getBusinessKey(), ENTITY);
        assertThat(step).hasPassed("Task_EscalateLateProcessor").isWaitingAtExactly("Task_FulfilEntityStep");
        assertThat(jobsAt(step, "Event_ProcessorReminderDue")).as("no more reminders").isEmpty();
        complete(step, "Task_FulfilEntityStep", Map.of());
        run(step, "EndEvent_EntityStepAnswered");
        assertThat(step).isEnded();
    }

    // ---- driving the step

    /** As the request's fan-out starts it (the call activity's in-mappings). */
    private static ProcessInstance start(String requestType, String action) {
        return DiagramTest.start("entity-fulfilment", newReference(),
                Map.of("requestType", requestType, "entityId", ENTITY, "action", action));
    }
}
