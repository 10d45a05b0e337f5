package dev.dsrdesk.verification;

import dev.dsrdesk.audit.AuditTrail;
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

/**
 * A request entered by staff: the operator records the evidence of identity they checked. Refusing needs
 * reasons, because identity that cannot be established is the only ground of GDPR Art. 12(6).
 */
@Component
class IdentityReviewTaskListener implements TaskListener {

    static final int MAX_TEXT = 2000;
    private static final List<String> SHOWN_ON_TASK =
            List.of("requesterName", "requesterEmail", "requesterPhone", "requesterCountry", "receivedOn", "enteredBy",
                    RequesterQuestions.QUESTIONS_AND_ANSWERS);

    private final Requests requests;
    private final RequesterQuestions questions;
    private final AuditTrail audit;
    private final Clock clock;

    IdentityReviewTaskListener(Requests requests, RequesterQuestions questions, AuditTrail audit, Clock clock) {
        this.questions = questions;
        this.requests = requests;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> show(task);
            case EVENTNAME_COMPLETE -> decide(task);
            default -> throw new IllegalStateException("identityReviewTaskListener is not meant for " + task.getEventName());
        }
    }

    private void show(DelegateTask task) {
        ShownReference.show(task);
        DataSubjectRequest request = requests.byReference(task.getExecution().getProcessBusinessKey());
        task.setName("Review identity for " + request.getReference());
        task.setVariableLocal("requesterName", request.getFullName());
        task.setVariableLocal("requesterEmail", request.getEmail());
        task.setVariableLocal("requesterPhone", request.getPhone() == null ? "" : request.getPhone());
        task.setVariableLocal("requesterCountry", request.getCountry());
        task.setVariableLocal("receivedOn", StaffDates.day(request.getReceivedAt().atZone(clock.getZone()).toLocalDate()));
        task.setVariableLocal("enteredBy", request.getEnteredBy());
        task.setVariableLocal(RequesterQuestions.QUESTIONS_AND_ANSWERS, questions.conversation(request.getReference()));
    }

    private void decide(DelegateTask task) {
        if (questions.askedOn(task, AskedAt.IDENTITY_REVIEW)) {
            task.getExecution().removeVariables(List.of("identityEvidence", "emailChecked", "phoneChecked", "identityVerified",
                    "refusalReason"));
            task.getExecution().removeVariables(SHOWN_ON_TASK);
            return;
        }
        TaskInput input = TaskInput.of(task);
        boolean established = input.requiredBoolean("identityVerified");
        String evidence = input.requiredText("identityEvidence", MAX_TEXT,
                "to note what was checked (e.g. signed letter matched to the customer record, call-back to the number on file)");
        String reference = task.getExecution().getProcessBusinessKey();
        if (established) {
            boolean emailChecked = input.flag("emailChecked");
            boolean phoneChecked = input.flag("phoneChecked");
            if (!emailChecked && !phoneChecked) {
                throw TaskInput.refused("emailChecked", "Tick the identifiers the evidence covers (email, phone): the desk "
                        + "searches the entities' systems only by an identifier someone verified");
            }
            requests.identityEstablished(reference, evidence, emailChecked, phoneChecked);
            audit.record(reference, "IDENTIFIERS_VERIFIED", TaskActor.of(task),
                    (emailChecked ? "email" : "") + (emailChecked && phoneChecked ? ", " : "") + (phoneChecked ? "phone" : ""));
        } else {
            input.requiredText("refusalReason", MAX_TEXT, "when identity cannot be established: the requester is told why (GDPR Art. 12(6))");
            requests.identityNotEstablished(reference, evidence);
        }
        task.getExecution().setVariable("identityVerified", established);
        audit.record(reference, established ? "IDENTITY_ESTABLISHED" : "IDENTITY_NOT_ESTABLISHED", TaskActor.of(task), null);
        task.getExecution().removeVariables(List.of("identityEvidence", "emailChecked", "phoneChecked"));
        task.getExecution().removeVariables(SHOWN_ON_TASK);
    }
}
