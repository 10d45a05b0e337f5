package dev.dsrdesk.verification;

import dev.dsrdesk.agent.AuthorizedAgent;
import dev.dsrdesk.agent.AuthorizedAgents;
import dev.dsrdesk.agent.PermissionDecision;
import dev.dsrdesk.audit.AuditTrail;
import dev.dsrdesk.document.RequesterDocuments;
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
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * A request entered by staff: the operator records the evidence of identity they checked. Refusing needs
 * reasons, because identity that cannot be established is the only ground of GDPR Art. 12(6).
 *
 * <p>A request an authorized agent made, once the data subject confirmed it by the link: the operator checks the
 * agent's signed permission (the form shows the agent and the documents; the documents page opens them) and accepts
 * it or refuses it with reasons for both. Which of the two the task is, the desk's own records say, not the task.
 */
@Component
class IdentityReviewTaskListener implements TaskListener {

    static final int MAX_TEXT = 2000;
    private static final List<String> SHOWN_ON_TASK = List.of("requesterName", "requesterEmail", "requesterPhone",
            "requesterCountry", "receivedOn", "enteredBy", "onBehalf", "agentName", "agentEmail", "agentOrganisation",
            "agentDocuments", RequesterQuestions.QUESTIONS_AND_ANSWERS);

    private final Requests requests;
    private final AuthorizedAgents agents;
    private final RequesterDocuments documents;
    private final RequesterQuestions questions;
    private final AuditTrail audit;
    private final Clock clock;

    IdentityReviewTaskListener(Requests requests, AuthorizedAgents agents, RequesterDocuments documents,
                               RequesterQuestions questions, AuditTrail audit, Clock clock) {
        this.questions = questions;
        this.requests = requests;
        this.agents = agents;
        this.documents = documents;
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
        Optional<AuthorizedAgent> agent = agents.of(request.getReference());
        task.setVariableLocal("onBehalf", agent.isPresent());
        agent.ifPresent(madeBy -> {
            task.setName("Check the agent's permission for " + request.getReference());
            task.setVariableLocal("agentName", madeBy.name());
            task.setVariableLocal("agentEmail", madeBy.email());
            task.setVariableLocal("agentOrganisation", madeBy.organisation() == null ? "" : madeBy.organisation());
            task.setVariableLocal("agentDocuments", documents.describeForStaff(request.getReference()));
        });
    }

    private void decide(DelegateTask task) {
        if (questions.askedOn(task, AskedAt.IDENTITY_REVIEW)) {
            task.getExecution().removeVariables(List.of("identityEvidence", "emailChecked", "phoneChecked", "identityVerified",
                    "refusalReason", "permissionAccepted", "permissionRefusalReason"));
            task.getExecution().removeVariables(SHOWN_ON_TASK);
            return;
        }
        if (agents.madeOnBehalf(task.getExecution().getProcessBusinessKey())) {
            decidePermission(task);
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

    /**
     * The data subject's address is proven by the link already; what the operator decides is whether the agent may act
     * for them. The gateway after the task reads the answer as {@code identityVerified}: a refused permission ends the
     * request as a refused identity does.
     */
    private void decidePermission(DelegateTask task) {
        TaskInput input = TaskInput.of(task);
        boolean accepted = input.requiredBoolean("permissionAccepted");
        String note = input.requiredText("identityEvidence", MAX_TEXT,
                "to note what was checked (signed by the data subject, names the agent, covers this request)");
        String reference = task.getExecution().getProcessBusinessKey();
        if (!accepted) {
            // the refusal's mails read the reasons where they read a refused identity's
            task.getExecution().setVariable("refusalReason", input.requiredText("permissionRefusalReason", MAX_TEXT,
                    "when the permission is refused: the data subject and the agent are told why"));
        }
        agents.permissionChecked(reference, accepted ? PermissionDecision.ACCEPTED : PermissionDecision.REFUSED, note,
                TaskActor.of(task));
        if (accepted) {
            requests.enter(reference, "IN_TRIAGE");
        }
        task.getExecution().setVariable("identityVerified", accepted);
        task.getExecution().removeVariables(List.of("identityEvidence", "permissionAccepted", "permissionRefusalReason"));
        task.getExecution().removeVariables(SHOWN_ON_TASK);
    }
}
