package dev.dsrdesk.triage;

import dev.dsrdesk.audit.AuditTrail;
import dev.dsrdesk.deadline.DueDateInWords;
import dev.dsrdesk.process.ShownReference;
import dev.dsrdesk.process.StaffDates;
import dev.dsrdesk.process.TaskActor;
import dev.dsrdesk.process.TaskInput;
import dev.dsrdesk.question.AskedAt;
import dev.dsrdesk.question.RequesterQuestions;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.Requests;
import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Shows the operator what was asked and by whom; refuses a rejection without reasons. */
@Component
class TriageTaskListener implements TaskListener {

    static final int MAX_REASON = 4000;
    private static final List<String> SHOWN_ON_TASK =
            List.of("requesterName", "requesterEmail", "identifiers", "requesterCountry", "requestDetails", "receivedAt",
                    RequesterQuestions.QUESTIONS_AND_ANSWERS, "statutoryDate");

    private final Requests requests;
    private final RequesterQuestions questions;
    private final AuditTrail audit;
    private final Clock clock;
    private final DueDateInWords dueDates;

    TriageTaskListener(Requests requests, RequesterQuestions questions, AuditTrail audit, DueDateInWords dueDates, Clock clock) {
        this.dueDates = dueDates;
        this.questions = questions;
        this.requests = requests;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> show(task);
            case EVENTNAME_COMPLETE -> check(task);
            default -> throw new IllegalStateException("triageTaskListener is not meant for " + task.getEventName());
        }
    }

    private void show(DelegateTask task) {
        ShownReference.show(task);
        DataSubjectRequest request = requests.byReference(task.getExecution().getProcessBusinessKey());
        // the diagram names the step; the task names the request
        task.setName("Triage " + request.getType() + " request " + request.getReference());
        task.setVariableLocal("requesterName", request.getFullName());
        task.setVariableLocal("requesterEmail", request.getEmail());
        task.setVariableLocal("identifiers", request.identifiersForStaff());
        task.setVariableLocal("requesterCountry",
                request.getRegion() == null ? request.getCountry() : request.getCountry() + " (" + request.getRegion() + ")");
        task.setVariableLocal("requestDetails", request.getDetails() == null ? "" : request.getDetails());
        task.setVariableLocal("receivedAt", StaffDates.moment(request.getReceivedAt(), clock.getZone()));
        task.setVariableLocal(RequesterQuestions.QUESTIONS_AND_ANSWERS, questions.conversation(request.getReference()));
        task.setVariableLocal("statutoryDate", dueDates.statutoryDateForStaff(request));
    }

    private void check(DelegateTask task) {
        if (questions.askedOn(task, AskedAt.TRIAGE)) {
            task.getExecution().removeVariables(SHOWN_ON_TASK);
            return;
        }
        TaskInput input = TaskInput.of(task);
        Decision decision = input.requiredChoice("decision", Decision.class);
        if (decision == Decision.REJECT) {
            input.requiredText("rejectionReason", MAX_REASON,
                    "when rejecting: the requester must be told why (GDPR Art. 12(4))");
        }
        audit.record(task.getExecution().getProcessBusinessKey(), "TRIAGED", TaskActor.of(task), decision.name());
        task.getExecution().removeVariables(SHOWN_ON_TASK);
    }
}
