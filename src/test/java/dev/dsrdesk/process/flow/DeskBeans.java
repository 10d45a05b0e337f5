package dev.dsrdesk.process.flow;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.dsrdesk.agent.AuthorizedAgents;
import dev.dsrdesk.connector.AnswerChannels;
import dev.dsrdesk.connector.AutomatedSteps;
import dev.dsrdesk.connector.EntityApiSteps;
import dev.dsrdesk.connector.ProcessorMailSteps;
import dev.dsrdesk.deadline.StepDeadlines;
import dev.dsrdesk.duplicate.DuplicateRequests;
import dev.dsrdesk.fulfilment.EntityRouting;
import dev.dsrdesk.fulfilment.EntityStepInstances;
import dev.dsrdesk.fulfilment.FanOut;
import dev.dsrdesk.notification.MailDelivery;
import dev.dsrdesk.notification.RequesterNotifications;
import dev.dsrdesk.question.RequesterQuestions;
import dev.dsrdesk.reminder.StaffDigests;
import dev.dsrdesk.reminder.StaffNotices;
import dev.dsrdesk.request.Requests;
import dev.dsrdesk.response.ClosureMail;
import dev.dsrdesk.retention.RetentionPurge;
import dev.dsrdesk.suppression.SuppressionRegistry;
import dev.dsrdesk.verification.IdentityVerification;
import dev.dsrdesk.withdrawal.Withdrawals;
import java.beans.Introspector;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Mockito mocks of every bean the diagrams name, under the bean's name (its class's name, {@code automatedSteps} for
 * {@code AutomatedSteps}; the task listeners, package-private in their features, as plain {@link TaskListener}s that
 * only note the event in {@link #taskEvents}). Mocking the real classes means that an expression naming a method the
 * class lacks, or with other parameters, fails here too.
 *
 * <p>The defaults are the answers of an ordinary request: made by the data subject (no agent); one entity
 * ({@code rome}, action {@code EXPORT}), done by hand; no duplicate; dates at fixed distances from {@link #NOW}. What a bean does to the process, the mock does as
 * well: {@code identityVerification.sendLink} sets the reminder and expiry times its timers read,
 * {@code entityApiSteps.call} sets {@code answeredAtOnce} (false unless a test says otherwise), the asking tasks' listeners
 * set {@code askRequester}.
 */
final class DeskBeans {

    /** The engine's clock during a test (ClockUtil). */
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final Date VERIFICATION_REMINDER_AT = at(Duration.ofDays(3));
    static final Date VERIFICATION_EXPIRES_AT = at(Duration.ofDays(7));
    static final Date TRIAGE_DUE = at(Duration.ofDays(3));
    static final Date ENTITY_REMINDER_AT = at(Duration.ofDays(12));
    static final Date ENTITY_STEP_DUE = at(Duration.ofDays(14));
    static final Date REVIEW_DUE = at(Duration.ofDays(20));
    static final Date STATUTORY_WARNING_AT = at(Duration.ofDays(23));
    static final Date STATUTORY_DATE = at(Duration.ofDays(30));
    static final Date QUESTION_REMINDER_AT = at(Duration.ofDays(7));
    static final Date QUESTION_LAPSES_AT = at(Duration.ofDays(30));
    /** The tasks that may ask the requester a question: their listeners tell the diagram whether one did. */
    private static final List<String> ASKING_LISTENERS =
            List.of("triageTaskListener", "identityReviewTaskListener", "revisionTaskListener");

    private final Map<String, Object> byName = new LinkedHashMap<>();
    /** What the task listeners were told, in order: "triageTaskListener: Task_TriageRequest create". */
    final List<String> taskEvents = new CopyOnWriteArrayList<>();

    final AnswerChannels answerChannels = bean(AnswerChannels.class);
    final AuthorizedAgents authorizedAgents = bean(AuthorizedAgents.class);
    final AutomatedSteps automatedSteps = bean(AutomatedSteps.class);
    final ClosureMail closureMail = bean(ClosureMail.class);
    final DuplicateRequests duplicateRequests = bean(DuplicateRequests.class);
    final EntityApiSteps entityApiSteps = bean(EntityApiSteps.class);
    final EntityRouting entityRouting = bean(EntityRouting.class);
    final EntityStepInstances entityStepInstances = bean(EntityStepInstances.class);
    final FanOut fanOut = bean(FanOut.class);
    final IdentityVerification identityVerification = bean(IdentityVerification.class);
    final MailDelivery mailDelivery = bean(MailDelivery.class);
    final ProcessorMailSteps processorMailSteps = bean(ProcessorMailSteps.class);
    final RequesterNotifications requesterNotifications = bean(RequesterNotifications.class);
    final RequesterQuestions requesterQuestions = bean(RequesterQuestions.class);
    final Requests requests = bean(Requests.class);
    final RetentionPurge retentionPurge = bean(RetentionPurge.class);
    final StaffDigests staffDigests = bean(StaffDigests.class);
    final StaffNotices staffNotices = bean(StaffNotices.class);
    final StepDeadlines stepDeadlines = bean(StepDeadlines.class);
    final SuppressionRegistry suppressionRegistry = bean(SuppressionRegistry.class);
    final Withdrawals withdrawals = bean(Withdrawals.class);

    final TaskListener identityReviewTaskListener = listener("identityReviewTaskListener");
    final TaskListener triageTaskListener = listener("triageTaskListener");
    final TaskListener reviewTaskListener = listener("reviewTaskListener");
    final TaskListener revisionTaskListener = listener("revisionTaskListener");
    final TaskListener confirmationTaskListener = listener("confirmationTaskListener");
    final TaskListener entityStepTaskListener = listener("entityStepTaskListener");

    DeskBeans() {
        when(stepDeadlines.triage(anyString())).thenReturn(TRIAGE_DUE);
        when(stepDeadlines.entityReminder(anyString(), anyString())).thenReturn(ENTITY_REMINDER_AT);
        when(stepDeadlines.entityStep(anyString(), anyString())).thenReturn(ENTITY_STEP_DUE);
        when(stepDeadlines.review(anyString())).thenReturn(REVIEW_DUE);
        when(stepDeadlines.statutoryWarning(anyString())).thenReturn(STATUTORY_WARNING_AT);
        when(stepDeadlines.statutory(anyString())).thenReturn(STATUTORY_DATE);
        when(stepDeadlines.followUp(any())).thenAnswer(call -> dayBefore(call.getArgument(0)));
        when(requesterQuestions.remindAt(anyString())).thenReturn(QUESTION_REMINDER_AT);
        when(requesterQuestions.lapsesAt(anyString())).thenReturn(QUESTION_LAPSES_AT);

        doAnswer(call -> {
            DelegateExecution execution = call.getArgument(0);
            execution.setVariable("verificationReminderAt", VERIFICATION_REMINDER_AT);
            execution.setVariable("verificationExpiresAt", VERIFICATION_EXPIRES_AT);
            return null;
        }).when(identityVerification).sendLink(any());

        involve(Map.of("rome", "EXPORT"));
        when(fanOut.candidateGroup(any()))
                .thenAnswer(call -> "affiliate-" + call.<DelegateExecution>getArgument(0).getVariable("entityId"));

        apiAnswers(false);
        when(entityApiSteps.answerWithin(anyString())).thenReturn("P3D");
        when(processorMailSteps.reminderCycle(anyString())).thenReturn("R/P2D");
        when(processorMailSteps.answerWithin(anyString())).thenReturn("P10D");
    }

    /** The routing's answer: these entities (in this order), each with its action. */
    void involve(Map<String, String> actionByEntity) {
        involve(List.copyOf(actionByEntity.keySet()), actionByEntity);
    }

    void involve(List<String> entityIds, Map<String, String> actionByEntity) {
        when(entityRouting.involvedEntityIds(anyString())).thenReturn(entityIds);
        when(entityRouting.actionFor(anyString(), anyString())).thenAnswer(call -> actionByEntity.get(call.<String>getArgument(1)));
    }

    /** What {@code entityApiSteps.call} tells the process: whether the processor's API answered at once. */
    void apiAnswers(boolean atOnce) {
        doAnswer(call -> {
            call.<DelegateExecution>getArgument(0).setVariable("answeredAtOnce", atOnce);
            return null;
        }).when(entityApiSteps).call(any());
    }

    Map<String, Object> byName() {
        return byName;
    }

    private <T> T bean(Class<T> type) {
        T mock = mock(type);
        byName.put(Introspector.decapitalize(type.getSimpleName()), mock);
        return mock;
    }

    private TaskListener listener(String name) {
        TaskListener mock = mock(TaskListener.class, name);
        doAnswer(call -> {
            DelegateTask task = call.getArgument(0);
            taskEvents.add(name + ": " + task.getTaskDefinitionKey() + " " + task.getEventName());
            if (ASKING_LISTENERS.contains(name) && TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
                // as RequesterQuestions.askedOn does: the question itself stays out of the process
                task.getExecution().setVariable("askRequester", Boolean.TRUE.equals(task.getVariable("askRequester")));
            }
            return null;
        }).when(mock).notify(any());
        byName.put(name, mock);
        return mock;
    }

    private static Date at(Duration fromNow) {
        return Date.from(NOW.plus(fromNow));
    }

    private static Date dayBefore(Date due) {
        return Date.from(due.toInstant().minus(Duration.ofDays(1)));
    }
}
