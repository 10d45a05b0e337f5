package dev.dsrdesk.process.flow;

import static dev.dsrdesk.process.flow.DeskBeans.REVIEW_DUE;
import static dev.dsrdesk.process.flow.DeskBeans.STATUTORY_DATE;
import static dev.dsrdesk.process.flow.DeskBeans.STATUTORY_WARNING_AT;
import static dev.dsrdesk.process.flow.DeskBeans.TRIAGE_DUE;
import static dev.dsrdesk.process.flow.DeskBeans.VERIFICATION_EXPIRES_AT;
import static dev.dsrdesk.process.flow.DeskBeans.VERIFICATION_REMINDER_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.InOrder;

/**
 * processes/data-subject-request.bpmn, on the engine alone: a request from receipt to its end, every gateway's every
 * flow, every timer and message, with the desk's beans mocked. The entity steps it calls are the real
 * entity-fulfilment diagram on its default path (a manual task), see {@link EntityFulfilmentFlowTest} for the rest.
 */
@Diagram("data-subject-request.bpmn")
class DataSubjectRequestFlowTest extends DiagramTest {

    private static final String PROCESS = "data-subject-request";
    /** The multi-instance body of the fan-out, which the engine gives the call activity's asyncAfter. */
    private static final String FAN_OUT_BODY = "CallActivity_FulfilEntityStep#multiInstanceBody";

    // ---- receipt and verification

    @Test
    void intakeStoresTheStartWithItsStatutoryTimersAndTheJobExecutorCarriesItOn() {
        ProcessInstance request = start(PROCESS, newReference(), Map.of("requestType", "ACCESS", "channel", "SELF_SERVICE"));

        assertThat(request).as("the answer to the requester waits for nothing but this row and its job")
                .isWaitingAt("StartEvent_RequestReceived");
        assertThat(managementService().createJobQuery().processInstanceId(request.getId()).list())
                .as("the start, for the job executor, and the statutory timers, at the date computed at receipt")
                .extracting(Job::getDuedate).containsExactlyInAnyOrder(null, STATUTORY_DATE, STATUTORY_WARNING_AT);
        verify(beans.requesterNotifications, never()).acknowledgement(anyString());

        run(request, "StartEvent_RequestReceived");

        assertThat(request).isWaitingAt("Task_SendAcknowledgement");
        assertThat(jobAt(request, "StartEvent_StatutoryDatePassed").getDuedate()).as("the timers stay where receipt put them")
                .isEqualTo(STATUTORY_DATE);
    }

    @Test
    void aSelfServiceRequestIsAcknowledgedThenSentAVerificationLinkEachInAJobOfItsOwn() {
        ProcessInstance request = receive("ACCESS", "SELF_SERVICE");
        assertThat(request).isWaitingAt("Task_SendAcknowledgement");
        verify(beans.requesterNotifications, never()).acknowledgement(anyString());

        run(request, "Task_SendAcknowledgement");
        verify(beans.requesterNotifications).acknowledgement(request.getBusinessKey());
        assertThat(request).hasPassed("Gateway_HowIsIdentityVerified").isWaitingAt("Task_SendVerificationLink");

        run(request, "Task_SendVerificationLink");
        verify(beans.identityVerification).sendLink(any());
        assertThat(request).isWaitingAt("Task_AwaitIdentityVerification");
        assertThat(jobAt(request, "Event_VerificationReminderDue").getDuedate())
                .as("the reminder, when sendLink says").isEqualTo(VERIFICATION_REMINDER_AT);
        assertThat(jobAt(request, "Event_VerificationWindowExpired").getDuedate())
                .as("the end of the window, when sendLink says").isEqualTo(VERIFICATION_EXPIRES_AT);
        verify(beans.requests, never()).close(anyString(), anyString());
    }

    @Test
    void aVerifiedRequestIsCheckedForAnOpenDuplicateThenTriagedByTheDpo() {
        ProcessInstance request = awaitingVerification("ERASURE");

        verifyIdentity(request);

        verify(beans.duplicateRequests).openRequestLike(request.getBusinessKey());
        assertThat(request).hasPassedInOrder("Task_AwaitIdentityVerification", "Task_CheckForOpenDuplicate",
                "Gateway_SameRequestOpen").isWaitingAt("Task_TriageRequest");
        Task triage = taskAt(request, "Task_TriageRequest");
        assertThat(triage).hasCandidateGroup("dpo");
        assertThat(formOf(triage)).isEqualTo("triage-request");
        assertThat(triage.getDueDate()).isEqualTo(TRIAGE_DUE);
        assertThat(triage.getFollowUpDate()).as("a day before it is due").isEqualTo(dayBefore(TRIAGE_DUE));
        assertThat(beans.taskEvents).containsExactly("triageTaskListener: Task_TriageRequest create");
        assertThat(jobsAt(request, "Event_VerificationReminderDue")).as("the link's timers end with the wait").isEmpty();
        assertThat(jobsAt(request, "Event_VerificationWindowExpired")).isEmpty();
    }

    @Test
    void theRequesterIsRemindedOnceWhileTheLinkStaysValid() {
        ProcessInstance request = awaitingVerification("ACCESS");

        run(request, "Event_VerificationReminderDue");
        assertThat(request).isWaitingAt("Task_AwaitIdentityVerification", "Task_SendVerificationReminder");
        run(request, "Task_SendVerificationReminder");

        verify(beans.identityVerification).sendReminder(any());
        assertThat(request).hasPassed("EndEvent_ReminderSent").isWaitingAtExactly("Task_AwaitIdentityVerification");
        assertThat(jobsAt(request, "Event_VerificationReminderDue")).as("one reminder, no more").isEmpty();
        assertThat(jobAt(request, "Event_VerificationWindowExpired").getDuedate()).isEqualTo(VERIFICATION_EXPIRES_AT);

        verifyIdentity(request);
        assertThat(request).isWaitingAt("Task_TriageRequest");
    }

    @Test
    void anUnverifiedRequestClosesAfterTheVerificationWindow() {
        ProcessInstance request = awaitingVerification("ACCESS");

        run(request, "Event_VerificationWindowExpired");
        assertThat(request).isWaitingAt("Task_SendUnverifiedClosure");
        run(request, "Task_SendUnverifiedClosure");

        verify(beans.requesterNotifications).closedUnverified(request.getBusinessKey());
        verify(beans.requests).close(request.getBusinessKey(), "CLOSED_UNVERIFIED");
        assertThat(request).hasPassed("EndEvent_ClosedUnverified").hasNotPassed("Task_CheckForOpenDuplicate",
                "Task_SendVerificationReminder").isEnded();
        assertThat(managementService().createJobQuery().processInstanceId(request.getId()).count())
                .as("no reminder, no statutory timer outlives the request").isZero();
        assertThatThrownBy(() -> verifyIdentity(request)).as("a link pressed now finds nothing waiting")
                .hasMessageContaining("IdentityVerified");
    }

    @ParameterizedTest(name = "received by {0}")
    @ValueSource(strings = {"EMAIL", "POST", "PHONE", "IN_PERSON"})
    void aRequestEnteredByStaffGetsAnIdentityReviewInsteadOfALink(String channel) {
        ProcessInstance request = receive("RECTIFICATION", channel);
        run(request, "Task_SendAcknowledgement");

        assertThat(request).hasPassed("Gateway_HowIsIdentityVerified").isWaitingAt("Task_ReviewIdentity");
        Task review = taskAt(request, "Task_ReviewIdentity");
        assertThat(review).hasCandidateGroup("dpo");
        assertThat(formOf(review)).isEqualTo("identity-review");
        assertThat(review.getDueDate()).isEqualTo(TRIAGE_DUE);
        assertThat(review.getFollowUpDate()).isEqualTo(dayBefore(TRIAGE_DUE));
        verify(beans.identityVerification, never()).sendLink(any());

        complete(request, "Task_ReviewIdentity", Map.of("identityVerified", true));

        verify(beans.duplicateRequests).openRequestLike(request.getBusinessKey());
        assertThat(request).hasNotPassed("Task_SendVerificationLink").isWaitingAt("Task_TriageRequest");
        assertThat(beans.taskEvents).containsExactly(
                "identityReviewTaskListener: Task_ReviewIdentity create",
                "identityReviewTaskListener: Task_ReviewIdentity complete",
                "triageTaskListener: Task_TriageRequest create");
    }

    @Test
    void aRequestWhoseIdentityCannotBeEstablishedIsRefusedWithReasons() {
        ProcessInstance request = receive("ERASURE", "POST");
        run(request, "Task_SendAcknowledgement");

        complete(request, "Task_ReviewIdentity", Map.of("identityVerified", false));
        assertThat(request).isWaitingAt("Task_SendIdentityRefusal");
        run(request, "Task_SendIdentityRefusal");

        verify(beans.requesterNotifications).identityRefusal(any());
        verify(beans.requests).close(request.getBusinessKey(), "REJECTED");
        assertThat(request).hasPassed("EndEvent_IdentityRefused").hasNotPassed("Task_CheckForOpenDuplicate").isEnded();
    }

    // ---- made on someone's behalf (an authorized agent)

    @Test
    void aRequestMadeByAnAgentIsConfirmedByTheDataSubjectThenTheDpoChecksThePermissionBeforeTriage() {
        ProcessInstance request = awaitingVerification("ACCESS");
        when(beans.authorizedAgents.madeOnBehalf(request.getBusinessKey())).thenReturn(true);
        verify(beans.identityVerification).sendLink(any());

        verifyIdentity(request);

        assertThat(request).hasPassedInOrder("Task_AwaitIdentityVerification", "Gateway_MadeOnBehalf")
                .isWaitingAt("Task_ReviewIdentity");
        verify(beans.requests).enter(request.getBusinessKey(), "AWAITING_IDENTITY_REVIEW");
        verify(beans.duplicateRequests, never()).openRequestLike(anyString());
        Task check = taskAt(request, "Task_ReviewIdentity");
        assertThat(check).hasCandidateGroup("dpo");
        assertThat(formOf(check)).isEqualTo("identity-review");
        assertThat(check.getDueDate()).isEqualTo(TRIAGE_DUE);

        // what the listener leaves when the operator accepts the permission
        complete(request, "Task_ReviewIdentity", Map.of("identityVerified", true));

        verify(beans.duplicateRequests).openRequestLike(request.getBusinessKey());
        assertThat(request).hasPassed("Gateway_IdentityEstablished", "Task_CheckForOpenDuplicate")
                .hasNotPassed("Task_SendIdentityRefusal").isWaitingAt("Task_TriageRequest");
        assertThat(beans.taskEvents).containsExactly(
                "identityReviewTaskListener: Task_ReviewIdentity create",
                "identityReviewTaskListener: Task_ReviewIdentity complete",
                "triageTaskListener: Task_TriageRequest create");
    }

    @Test
    void aRefusedPermissionClosesTheRequestWithReasonsAndNothingIsDone() {
        ProcessInstance request = awaitingVerification("ERASURE");
        when(beans.authorizedAgents.madeOnBehalf(request.getBusinessKey())).thenReturn(true);
        verifyIdentity(request);

        complete(request, "Task_ReviewIdentity", Map.of("identityVerified", false));
        assertThat(request).isWaitingAt("Task_SendIdentityRefusal");
        run(request, "Task_SendIdentityRefusal");

        // the refusal's mails, to the data subject and to the agent, are the bean's: RequestsMadeByAgentsOverHttpTest
        verify(beans.requesterNotifications).identityRefusal(any());
        verify(beans.requests).close(request.getBusinessKey(), "REJECTED");
        assertThat(request).hasPassed("Gateway_MadeOnBehalf", "EndEvent_IdentityRefused")
                .hasNotPassed("Task_CheckForOpenDuplicate", "Task_TriageRequest").isEnded();
        verify(beans.entityRouting, never()).route(anyString());
    }

    @Test
    void aRequestTheDataSubjectMadeThemselvesGoesFromTheLinkStraightOn() {
        ProcessInstance request = awaitingVerification("ACCESS");

        verifyIdentity(request);

        verify(beans.authorizedAgents, atLeastOnce()).madeOnBehalf(request.getBusinessKey());
        assertThat(request).hasPassed("Gateway_MadeOnBehalf").hasNotPassed("Task_ReviewIdentity")
                .isWaitingAt("Task_TriageRequest");
        verify(beans.requests, never()).enter(request.getBusinessKey(), "AWAITING_IDENTITY_REVIEW");
    }

    // ---- the same request twice

    @Test
    void aRepeatedRequestIsLinkedToTheOpenOneAndAnsweredWithIt() {
        ProcessInstance request = awaitingVerification("ACCESS");
        when(beans.duplicateRequests.openRequestLike(request.getBusinessKey())).thenReturn("DSR-2026-000001");

        verifyIdentity(request);
        assertThat(request).isWaitingAt("Task_TellRequesterLinked");
        run(request, "Task_TellRequesterLinked");

        verify(beans.requesterNotifications).linked(request.getBusinessKey(), "DSR-2026-000001");
        assertThat(request).isWaitingAt("Gateway_AwaitLinkOutcome").isWaitingFor("LinkedRequestClosed", "DuplicateUnlinked");

        // what duplicateRequests.releaseLinked does when the open request ends
        runtimeService().createMessageCorrelation("LinkedRequestClosed").processInstanceBusinessKey(request.getBusinessKey())
                .correlate();

        verify(beans.requests).close(request.getBusinessKey(), "CLOSED_AS_DUPLICATE");
        assertThat(request).hasPassed("Event_LinkedRequestClosed", "EndEvent_AnsweredWithLinkedRequest")
                .hasNotPassed("Task_TriageRequest", "Event_DuplicateUnlinked").isEnded();
        verify(beans.entityRouting, never()).route(anyString());
    }

    @Test
    void aDuplicateUnlinkedByStaffIsTriagedOnItsOwn() {
        ProcessInstance request = awaitingVerification("ACCESS");
        when(beans.duplicateRequests.openRequestLike(request.getBusinessKey())).thenReturn("DSR-2026-000001");
        verifyIdentity(request);
        run(request, "Task_TellRequesterLinked");

        // what duplicateRequests.unlink does
        runtimeService().createMessageCorrelation("DuplicateUnlinked").processInstanceBusinessKey(request.getBusinessKey())
                .correlate();

        assertThat(request).hasPassed("Event_DuplicateUnlinked").hasNotPassed("Event_LinkedRequestClosed")
                .isWaitingAt("Task_TriageRequest").isNotWaitingFor("LinkedRequestClosed");
        verify(beans.requests, never()).close(anyString(), anyString());
    }

    // ---- triage

    @Test
    void aRejectedRequestIsAnsweredWithReasons() {
        ProcessInstance request = inTriage("ACCESS");

        complete(request, "Task_TriageRequest", Map.of("decision", "REJECT"));
        assertThat(request).isWaitingAt("Task_SendRejection");
        run(request, "Task_SendRejection");

        verify(beans.requesterNotifications).rejection(any());
        InOrder ending = inOrder(beans.requests, beans.duplicateRequests);
        ending.verify(beans.requests).close(request.getBusinessKey(), "REJECTED");
        ending.verify(beans.duplicateRequests).releaseLinked(request.getBusinessKey());
        assertThat(request).hasPassed("EndEvent_RequestRejected").hasNotPassed("Task_RouteRequestToEntities").isEnded();
        verify(beans.requests, never()).enter(anyString(), anyString());
    }

    @Test
    void anAcceptedRequestIsRoutedAndEveryInvolvedEntityGetsAStepOfItsOwn() {
        beans.involve(List.of("rome", "trento", "google-analytics"),
                Map.of("rome", "STOP_DIRECT_MARKETING", "trento", "STOP_DIRECT_MARKETING", "google-analytics", "STOP_PROCESSING"));
        ProcessInstance request = inTriage("OBJECTION");

        complete(request, "Task_TriageRequest", Map.of("decision", "ACCEPT"));

        InOrder fulfilment = inOrder(beans.requests, beans.entityRouting);
        fulfilment.verify(beans.requests).enter(request.getBusinessKey(), "IN_FULFILMENT");
        fulfilment.verify(beans.entityRouting).route(request.getBusinessKey());
        verify(beans.entityRouting, atLeastOnce()).involvedEntityIds(request.getBusinessKey());
        assertThat(request).hasPassed("Task_RouteRequestToEntities").isWaitingAt("CallActivity_FulfilEntityStep");
        for (String entity : List.of("rome", "trento", "google-analytics")) {
            ProcessInstance step = stepOf(request, entity);
            assertThat(step).hasProcessDefinitionKey("entity-fulfilment").hasBusinessKey(request.getBusinessKey());
            assertThat(runtimeService().getVariables(step.getId())).as("what %s's step carries", entity)
                    .containsOnlyKeys("requestType", "entityId", "action")
                    .containsEntry("requestType", "OBJECTION").containsEntry("entityId", entity)
                    .containsEntry("action", entity.equals("google-analytics") ? "STOP_PROCESSING" : "STOP_DIRECT_MARKETING");
            assertThat(taskAt(step, "Task_FulfilEntityStep")).hasCandidateGroup("affiliate-" + entity);
        }
    }

    @ParameterizedTest(name = "tasks answered {0}, steps ending {1}")
    @CsvSource({
            "rome trento google-analytics, rome trento google-analytics",
            "google-analytics trento rome, trento rome google-analytics",
            "trento google-analytics rome, rome google-analytics trento"})
    void theReviewWaitsForTheLastEntityWhateverOrderTheyFinishIn(String answering, String ending) {
        beans.involve(List.of("rome", "trento", "google-analytics"),
                Map.of("rome", "ERASE", "trento", "ERASE", "google-analytics", "ERASE"));
        ProcessInstance request = accepted("ERASURE");

        // every entity's person answers before any step ends; the steps' ends (a job each) then run in another order
        for (String entity : answering.split(" ")) {
            answerTask(request, entity);
        }
        List<String> steps = List.of(ending.split(" "));
        for (String entity : steps) {
            assertThat(fanOutEnd(request)).as("the fan-out still waits for an entity").isEmpty();
            endStep(request, entity);
        }

        assertThat(runtimeService().createProcessInstanceQuery().superProcessInstanceId(request.getId()).count()).isZero();
        assertThat(request).isNotWaitingAt("Task_ReviewResponse");
        verify(beans.requests, never()).enter(request.getBusinessKey(), "IN_REVIEW");
        run(request, FAN_OUT_BODY);

        assertThat(request).hasPassed("CallActivity_FulfilEntityStep").isWaitingAtExactly("Task_ReviewResponse");
        verify(beans.requests).enter(request.getBusinessKey(), "IN_REVIEW");
        assertThat(historyService().createHistoricProcessInstanceQuery().superProcessInstanceId(request.getId())
                .completed().count()).isEqualTo(3);
    }

    @Test
    void entitiesAnsweringThroughDifferentChannelsAllCountInTheFanOut() {
        beans.involve(List.of("rome", "trento", "google-analytics"),
                Map.of("rome", "EXPORT", "trento", "EXPORT", "google-analytics", "EXPORT"));
        when(beans.answerChannels.of(any())).thenAnswer(call -> switch ((String) call.<DelegateExecution>getArgument(0)
                .getVariable("entityId")) {
            case "trento" -> "DATABASES";
            case "google-analytics" -> "API";
            default -> "PERSON";
        });
        beans.apiAnswers(true);
        ProcessInstance request = accepted("ACCESS");

        ProcessInstance byDatabase = stepOf(request, "trento");
        ProcessInstance byApi = stepOf(request, "google-analytics");
        assertThat(byDatabase).isWaitingAt("Task_SearchEntityStores");
        assertThat(byApi).isWaitingAt("Task_CallEntityApi");
        run(byApi, "Task_CallEntityApi");
        run(byDatabase, "Task_SearchEntityStores");
        run(byDatabase, "Task_CarryOutInEntityStores");
        run(byDatabase, "EndEvent_EntityStepAnswered");
        answerTask(request, "rome");
        endStep(request, "rome");
        assertThat(fanOutEnd(request)).as("the API's step has not ended yet").isEmpty();
        run(byApi, "EndEvent_EntityStepAnswered");
        run(request, FAN_OUT_BODY);

        assertThat(request).isWaitingAt("Task_ReviewResponse");
        verify(beans.automatedSteps).execute(any());
        verify(beans.entityApiSteps).call(any());
    }

    @Test
    void anEntitysAnswerStaysInItsOwnInstance() {
        ProcessInstance request = accepted("ACCESS");
        ProcessInstance step = stepOf(request, "rome");

        complete(step, "Task_FulfilEntityStep", Map.of("outcome", "DONE", "records", "[]"));
        run(step, "EndEvent_EntityStepAnswered");
        run(request, FAN_OUT_BODY);

        assertThat(request).isWaitingAt("Task_ReviewResponse");
        assertThat(runtimeService().getVariables(request.getId())).as("the request's own variables")
                .doesNotContainKeys("outcome", "records", "entityId", "action");
    }

    @Test
    void aRequestThatInvolvesNoEntityGoesStraightToReview() {
        beans.involve(List.of(), Map.of());
        ProcessInstance request = accepted("OBJECTION");

        run(request, FAN_OUT_BODY);

        assertThat(request).isWaitingAt("Task_ReviewResponse");
        assertThat(runtimeService().createProcessInstanceQuery().superProcessInstanceId(request.getId()).count()).isZero();
    }

    // ---- review and closure

    @Test
    void theResponseIsReviewedByTheDpoBeforeAnythingLeaves() {
        ProcessInstance request = inReview("ACCESS");

        Task review = taskAt(request, "Task_ReviewResponse");
        assertThat(review).hasCandidateGroup("dpo");
        assertThat(formOf(review)).isEqualTo("review-response");
        assertThat(review.getDueDate()).isEqualTo(REVIEW_DUE);
        assertThat(review.getFollowUpDate()).isEqualTo(dayBefore(REVIEW_DUE));
        assertThat(beans.taskEvents).endsWith("reviewTaskListener: Task_ReviewResponse create");
        verify(beans.closureMail, never()).send(any());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ACCESS", "RECTIFICATION", "ERASURE", "RESTRICTION", "PORTABILITY"})
    void anApprovedResponseIsSentAndTheRequestClosed(String type) {
        ProcessInstance request = inReview(type);

        complete(request, "Task_ReviewResponse", Map.of("approved", true));
        assertThat(request).isWaitingAt("Task_SendClosure");
        verify(beans.closureMail, never()).send(any());
        run(request, "Task_SendClosure");

        InOrder closure = inOrder(beans.closureMail, beans.requests, beans.duplicateRequests);
        closure.verify(beans.closureMail).send(any());
        closure.verify(beans.requests).close(request.getBusinessKey(), "CLOSED");
        closure.verify(beans.duplicateRequests).releaseLinked(request.getBusinessKey());
        verify(beans.suppressionRegistry, never()).add(anyString());
        assertThat(request).hasPassed("Gateway_SuppressionNeeded", "EndEvent_RequestClosed").hasNotPassed("Task_AddToSuppressionRegistry").isEnded();
        assertThat(managementService().createJobQuery().processInstanceId(request.getId()).count())
                .as("the statutory timers end with the request").isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"OBJECTION", "WITHDRAW_CONSENT"})
    void anAnsweredObjectionOrConsentWithdrawalPutsTheRequesterOnTheSuppressionRegistry(String type) {
        ProcessInstance request = inReview(type);

        complete(request, "Task_ReviewResponse", Map.of("approved", true));
        verify(beans.suppressionRegistry).add(request.getBusinessKey());
        run(request, "Task_SendClosure");

        verify(beans.closureMail).send(any());
        verify(beans.requests).close(request.getBusinessKey(), "CLOSED");
        assertThat(request).hasPassedInOrder("Gateway_SuppressionNeeded", "Task_AddToSuppressionRegistry",
                "Task_SendClosure", "EndEvent_RequestClosed").isEnded();
    }

    @Test
    void aResponseSentBackIsRevisedAndReviewedAgain() {
        ProcessInstance request = inReview("ACCESS");

        complete(request, "Task_ReviewResponse", Map.of("approved", false));
        Task revision = taskAt(request, "Task_ReviseResponse");
        assertThat(revision).hasCandidateGroup("dpo");
        assertThat(formOf(revision)).isEqualTo("revise-response");
        assertThat(revision.getDueDate()).isEqualTo(REVIEW_DUE);
        assertThat(revision.getFollowUpDate()).isEqualTo(dayBefore(REVIEW_DUE));

        complete(request, "Task_ReviseResponse", Map.of("askEntitiesAgain", false));

        assertThat(request).isWaitingAt("Task_ReviewResponse");
        assertThat(runtimeService().createProcessInstanceQuery().superProcessInstanceId(request.getId()).count())
                .as("no entity asked again").isZero();
        verify(beans.requests, times(1)).enter(request.getBusinessKey(), "IN_FULFILMENT");
        verify(beans.requests, times(2)).enter(request.getBusinessKey(), "IN_REVIEW");
        assertThat(beans.taskEvents).endsWith("reviewTaskListener: Task_ReviewResponse complete",
                "revisionTaskListener: Task_ReviseResponse create", "revisionTaskListener: Task_ReviseResponse complete",
                "reviewTaskListener: Task_ReviewResponse create");

        complete(request, "Task_ReviewResponse", Map.of("approved", true));
        run(request, "Task_SendClosure");
        assertThat(request).isEnded();
        assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(request.getId())
                .activityId("Task_ReviewResponse").count()).isEqualTo(2);
    }

    @Test
    void aRevisionThatAsksTheEntitiesAgainStartsEveryEntitysStepAgain() {
        beans.involve(List.of("rome", "trento"), Map.of("rome", "EXPORT", "trento", "EXPORT"));
        ProcessInstance request = inReview("PORTABILITY");
        complete(request, "Task_ReviewResponse", Map.of("approved", false));

        complete(request, "Task_ReviseResponse", Map.of("askEntitiesAgain", true));

        verify(beans.requests, times(2)).enter(request.getBusinessKey(), "IN_FULFILMENT");
        verify(beans.entityRouting, times(1)).route(request.getBusinessKey());
        assertThat(request).isWaitingAt("CallActivity_FulfilEntityStep");
        for (String entity : List.of("trento", "rome")) {
            answerTask(request, entity);
            endStep(request, entity);
        }
        run(request, FAN_OUT_BODY);
        assertThat(request).isWaitingAt("Task_ReviewResponse");
        assertThat(historyService().createHistoricProcessInstanceQuery().superProcessInstanceId(request.getId()).count())
                .as("two rounds of two entities").isEqualTo(4);
        verify(beans.requests, times(2)).enter(request.getBusinessKey(), "IN_REVIEW");
    }

    // ---- questions to the requester

    @Test
    void triageCanAskTheRequesterAQuestionAndTheAnswerComesBackToTriage() {
        ProcessInstance request = inTriage("ACCESS");

        complete(request, "Task_TriageRequest", Map.of("askRequester", true));

        assertThat(request).hasPassed("Gateway_RequestAccepted").isWaitingAt("CallActivity_AskRequesterAtTriage");
        ProcessInstance question = questionOf(request);
        assertThat(runtimeService().getVariables(question.getId())).as("the question stays in the desk's table").isEmpty();
        run(question, "Task_SendQuestion");
        verify(beans.requesterQuestions).send(request.getBusinessKey());
        verify(beans.entityRouting, never()).route(anyString());

        answer(request);

        assertThat(request).hasPassed("CallActivity_AskRequesterAtTriage").isWaitingAt("Task_TriageRequest");
        assertThat(beans.taskEvents).endsWith("triageTaskListener: Task_TriageRequest complete",
                "triageTaskListener: Task_TriageRequest create");
        complete(request, "Task_TriageRequest", Map.of("decision", "ACCEPT"));
        assertThat(request).isWaitingAt("CallActivity_FulfilEntityStep");
    }

    @Test
    void anIdentityReviewCanAskTheRequesterAndTheAnswerComesBackToTheReview() {
        ProcessInstance request = receive("ERASURE", "POST");
        run(request, "Task_SendAcknowledgement");

        complete(request, "Task_ReviewIdentity", Map.of("askRequester", true));
        assertThat(request).isWaitingAt("CallActivity_AskRequesterAtIdentityReview");
        run(questionOf(request), "Task_SendQuestion");
        answer(request);

        assertThat(request).hasPassed("CallActivity_AskRequesterAtIdentityReview").isWaitingAt("Task_ReviewIdentity");
        verify(beans.requesterNotifications, never()).identityRefusal(any());
        complete(request, "Task_ReviewIdentity", Map.of("identityVerified", true));
        assertThat(request).isWaitingAt("Task_TriageRequest");
    }

    @Test
    void aRevisionCanAskTheRequesterAndTheAnswerComesBackToTheRevision() {
        ProcessInstance request = inReview("RECTIFICATION");
        complete(request, "Task_ReviewResponse", Map.of("approved", false));

        complete(request, "Task_ReviseResponse", Map.of("askRequester", true));
        assertThat(request).isWaitingAt("CallActivity_AskRequesterAtRevision");
        run(questionOf(request), "Task_SendQuestion");
        answer(request);

        assertThat(request).isWaitingAt("Task_ReviseResponse");
        complete(request, "Task_ReviseResponse", Map.of("askEntitiesAgain", false));
        assertThat(request).isWaitingAt("Task_ReviewResponse");
    }

    @ParameterizedTest(name = "asked at {0}")
    @ValueSource(strings = {"Task_TriageRequest", "Task_ReviewIdentity", "Task_ReviseResponse"})
    void aQuestionLeftUnansweredClosesTheRequestWithAMailSayingWhy(String askingTask) {
        ProcessInstance request = switch (askingTask) {
            case "Task_TriageRequest" -> inTriage("ACCESS");
            case "Task_ReviewIdentity" -> {
                ProcessInstance entered = receive("ACCESS", "PHONE");
                run(entered, "Task_SendAcknowledgement");
                yield entered;
            }
            default -> {
                ProcessInstance reviewed = inReview("ACCESS");
                complete(reviewed, "Task_ReviewResponse", Map.of("approved", false));
                yield reviewed;
            }
        };
        complete(request, askingTask, Map.of("askRequester", true));
        ProcessInstance question = questionOf(request);
        run(question, "Task_SendQuestion");

        assertThat(jobAt(question, "Event_AnswerWindowExpired").getDuedate()).isEqualTo(DeskBeans.QUESTION_LAPSES_AT);
        run(question, "Event_AnswerWindowExpired");

        assertThat(question).hasPassed("EndEvent_QuestionUnanswered").isEnded();
        assertThat(request).isWaitingAt("Task_SendUnansweredClosure");
        run(request, "Task_SendUnansweredClosure");
        verify(beans.requesterQuestions).closeUnanswered(request.getBusinessKey());
        verify(beans.requests).close(request.getBusinessKey(), "CLOSED_UNANSWERED");
        assertThat(request).hasPassed("EndEvent_ClosedUnanswered").isEnded();
        verify(beans.duplicateRequests).releaseLinked(request.getBusinessKey());
    }

    // ---- withdrawal

    @Test
    void aRequestWithdrawnWhileTheEntitiesWorkEndsTheirStepsTellsThemAndClosesAsWithdrawn() {
        beans.involve(List.of("rome", "trento"), Map.of("rome", "ERASE", "trento", "ERASE"));
        ProcessInstance request = accepted("ERASURE");
        assertThat(runtimeService().createProcessInstanceQuery().superProcessInstanceId(request.getId()).count()).isEqualTo(2);

        withdraw(request);

        verify(beans.withdrawals).stopEntitySteps(request.getBusinessKey());
        assertThat(runtimeService().createProcessInstanceQuery().superProcessInstanceId(request.getId()).count())
                .as("the entities' steps and their tasks are gone").isZero();
        assertThat(request).hasPassed("StartEvent_RequesterWithdrew", "Task_StopEntitySteps")
                .isWaitingAt("Task_SendWithdrawalConfirmation");
        run(request, "Task_SendWithdrawalConfirmation");

        verify(beans.withdrawals).confirm(request.getBusinessKey());
        verify(beans.requests).close(request.getBusinessKey(), "WITHDRAWN");
        assertThat(request).hasPassed("EndEvent_RequestWithdrawn").hasNotPassed("Task_ReviewResponse").isEnded();
        assertThat(managementService().createJobQuery().processInstanceId(request.getId()).count())
                .as("no statutory timer outlives the withdrawal").isZero();
    }

    @Test
    void aRequestWithdrawnWhileAQuestionWaitsEndsTheQuestionToo() {
        ProcessInstance request = inTriage("ACCESS");
        complete(request, "Task_TriageRequest", Map.of("askRequester", true));
        ProcessInstance question = questionOf(request);

        withdraw(request);
        run(request, "Task_SendWithdrawalConfirmation");

        assertThat(question).isEnded();
        assertThat(request).hasPassed("EndEvent_RequestWithdrawn").isEnded();
        verify(beans.requesterQuestions, never()).closeUnanswered(anyString());
    }

    // ---- statutory timers

    @Test
    void theStatutoryWarningAndBreachTimersAreSetAtReceipt() {
        ProcessInstance request = receive("ACCESS", "SELF_SERVICE");

        verify(beans.stepDeadlines).statutoryWarning(request.getBusinessKey());
        verify(beans.stepDeadlines).statutory(request.getBusinessKey());
        assertThat(jobAt(request, "StartEvent_StatutoryDateNear").getDuedate()).isEqualTo(STATUTORY_WARNING_AT);
        assertThat(jobAt(request, "StartEvent_StatutoryDatePassed").getDuedate()).isEqualTo(STATUTORY_DATE);
    }

    @Test
    void operatorsAndManagersAreWarnedWhenTheStatutoryDateIsNearAndTheRequestGoesOn() {
        ProcessInstance request = inTriage("ACCESS");

        run(request, "StartEvent_StatutoryDateNear");

        verify(beans.staffNotices).warnDeadlineNear(request.getBusinessKey());
        assertThat(request).hasPassed("SubProcess_StatutoryDateNear", "Task_WarnDeadlineNear", "EndEvent_DeadlineWarned")
                .isWaitingAtExactly("Task_TriageRequest");
        assertThat(jobsAt(request, "StartEvent_StatutoryDateNear")).as("warned once").isEmpty();
        assertThat(jobsAt(request, "StartEvent_StatutoryDatePassed")).hasSize(1);
    }

    @Test
    void aRequestStillOpenAtItsStatutoryDateRecordsTheBreachAndTheRequestGoesOn() {
        ProcessInstance request = accepted("ERASURE");

        run(request, "StartEvent_StatutoryDatePassed");

        verify(beans.staffNotices).recordBreach(request.getBusinessKey());
        assertThat(request).hasPassed("SubProcess_StatutoryDatePassed", "Task_RecordDeadlineBreach", "EndEvent_BreachRecorded")
                .isWaitingAt("CallActivity_FulfilEntityStep");
        assertThat(stepOf(request, "rome")).isWaitingAt("Task_FulfilEntityStep");
        assertThat(variable(request, "deadlineBreached")).as("shown in Cockpit").isEqualTo(true);
        answerTask(request, "rome");
        endStep(request, "rome");
        run(request, FAN_OUT_BODY);
        assertThat(request).isWaitingAt("Task_ReviewResponse");
    }

    // ---- failing steps

    @Test
    void aMailStepThatFailsIsTriedFiveTimesTwoMinutesApartThenStandsAsAnIncident() {
        ProcessInstance request = receive("ACCESS", "SELF_SERVICE");
        doThrow(new IllegalStateException("outbox unavailable")).when(beans.requesterNotifications)
                .acknowledgement(request.getBusinessKey());

        int tries = failUntilIncident(request, "Task_SendAcknowledgement", Duration.ofMinutes(2));

        assertThat(tries).as("R5/PT2M: five tries in all").isEqualTo(5);
        assertThat(runtimeService().createIncidentQuery().processInstanceId(request.getId()).count()).isEqualTo(1);
        assertThat(request).isWaitingAt("Task_SendAcknowledgement");
    }

    @Test
    void aFanOutThatCannotOpenTheReviewIsTriedFiveTimesAMinuteApartThenStandsAsAnIncident() {
        ProcessInstance request = accepted("ACCESS");
        answerTask(request, "rome");
        endStep(request, "rome");
        doThrow(new IllegalStateException("summary unavailable")).when(beans.reviewTaskListener).notify(any());

        int tries = failUntilIncident(request, FAN_OUT_BODY, Duration.ofMinutes(1));

        assertThat(tries).as("R5/PT1M on the call activity: five tries in all").isEqualTo(5);
        assertThat(runtimeService().createIncidentQuery().processInstanceId(request.getId()).count()).isEqualTo(1);
        assertThat(request).isNotWaitingAt("Task_ReviewResponse");
        assertThat(historyService().createHistoricProcessInstanceQuery().superProcessInstanceId(request.getId())
                .completed().count()).as("no entity is asked again").isEqualTo(1);
    }

    // ---- driving the request

    private static ProcessInstance receive(String type, String channel) {
        // as IntakeService starts it: the reference as business key, the right and the channel; the job executor
        // takes it from there
        ProcessInstance request = start(PROCESS, newReference(), Map.of("requestType", type, "channel", channel));
        assertThat(request).isWaitingAt("StartEvent_RequestReceived");
        run(request, "StartEvent_RequestReceived");
        return request;
    }

    private ProcessInstance awaitingVerification(String type) {
        ProcessInstance request = receive(type, "SELF_SERVICE");
        run(request, "Task_SendAcknowledgement");
        run(request, "Task_SendVerificationLink");
        return request;
    }

    /** What identityVerification.confirm does when the requester presses the button. */
    private static void verifyIdentity(ProcessInstance request) {
        runtimeService().createMessageCorrelation("IdentityVerified").processInstanceBusinessKey(request.getBusinessKey())
                .correlate();
    }

    private ProcessInstance inTriage(String type) {
        ProcessInstance request = awaitingVerification(type);
        verifyIdentity(request);
        assertThat(request).isWaitingAt("Task_TriageRequest");
        return request;
    }

    private ProcessInstance accepted(String type) {
        ProcessInstance request = inTriage(type);
        complete(request, "Task_TriageRequest", Map.of("decision", "ACCEPT"));
        return request;
    }

    /** Every involved entity answered; the review is open. */
    private ProcessInstance inReview(String type) {
        ProcessInstance request = accepted(type);
        for (String entity : beans.entityRouting.involvedEntityIds(request.getBusinessKey())) {
            answerTask(request, entity);
            endStep(request, entity);
        }
        run(request, FAN_OUT_BODY);
        assertThat(request).isWaitingAt("Task_ReviewResponse");
        return request;
    }

    /** The entity's open step (a called entity-fulfilment instance). */
    private static ProcessInstance stepOf(ProcessInstance request, String entityId) {
        ProcessInstance step = runtimeService().createProcessInstanceQuery().superProcessInstanceId(request.getId())
                .variableValueEquals("entityId", entityId).singleResult();
        assertThat(step).as("%s's step on %s", entityId, request.getBusinessKey()).isNotNull();
        return step;
    }

    /** The entity's person answers its task. */
    private static void answerTask(ProcessInstance request, String entityId) {
        complete(stepOf(request, entityId), "Task_FulfilEntityStep", Map.of());
    }

    /** The step's end, a job of its own (asyncBefore on its end event): it counts the answer in the fan-out. */
    private static void endStep(ProcessInstance request, String entityId) {
        ProcessInstance step = stepOf(request, entityId);
        run(step, "EndEvent_EntityStepAnswered");
        assertThat(step).isEnded();
    }

    /** The fan-out's job once every step has ended (asyncAfter on the multi-instance call activity: on its body). */
    private static List<Job> fanOutEnd(ProcessInstance request) {
        return jobsAt(request, FAN_OUT_BODY);
    }

    /** The question the request waits on (a called requester-question instance). */
    private static ProcessInstance questionOf(ProcessInstance request) {
        ProcessInstance question = runtimeService().createProcessInstanceQuery().superProcessInstanceId(request.getId())
                .processDefinitionKey("requester-question").singleResult();
        assertThat(question).as("the question on %s", request.getBusinessKey()).isNotNull();
        assertThat(question).hasBusinessKey(request.getBusinessKey());
        return question;
    }

    /** What requesterQuestions.answer does when the requester answers on the request page. */
    private static void answer(ProcessInstance request) {
        runtimeService().createMessageCorrelation("RequesterAnswered").processInstanceId(questionOf(request).getId()).correlate();
    }

    /** What withdrawals.withdraw does when the requester withdraws on the request page. */
    private static void withdraw(ProcessInstance request) {
        runtimeService().createMessageCorrelation("RequesterWithdrew").processInstanceId(request.getId()).correlate();
    }

    private static Date dayBefore(Date date) {
        return Date.from(date.toInstant().minus(Duration.ofDays(1)));
    }
}
