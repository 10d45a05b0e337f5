package dev.dsrdesk.review;

import dev.dsrdesk.audit.AuditTrail;
import dev.dsrdesk.deadline.DueDateInWords;
import dev.dsrdesk.fulfilment.ResponseSummary;
import dev.dsrdesk.notification.LinkSettings;
import dev.dsrdesk.process.ShownReference;
import dev.dsrdesk.process.TaskActor;
import dev.dsrdesk.process.TaskInput;
import dev.dsrdesk.request.Requests;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Shows the reviewer every entity's answer, record by record, and where to preview the answer as it will leave; a response sent back needs a comment saying what to fix. */
@Component
class ReviewTaskListener implements TaskListener {

    static final int MAX_COMMENT = 4000;
    /** The read-only field: the statutory date and how it was computed. */
    static final String STATUTORY_DATE = "statutoryDate";

    private final ResponseSummary summary;
    private final AuditTrail audit;
    private final LinkSettings links;
    private final Requests requests;
    private final DueDateInWords dueDates;

    ReviewTaskListener(ResponseSummary summary, AuditTrail audit, LinkSettings links, Requests requests,
                       DueDateInWords dueDates) {
        this.requests = requests;
        this.dueDates = dueDates;
        this.summary = summary;
        this.audit = audit;
        this.links = links;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> show(task);
            case EVENTNAME_COMPLETE -> check(task);
            default -> throw new IllegalStateException("reviewTaskListener is not meant for " + task.getEventName());
        }
    }

    private void show(DelegateTask task) {
        ShownReference.show(task);
        String reference = task.getExecution().getProcessBusinessKey();
        task.setName("Review response to " + reference);
        task.setVariableLocal("responseSummary", summary.forStaff(reference));
        task.setVariableLocal("previewAddress", links.to("/staff/requests/" + reference + "/preview"));
        task.setVariableLocal(STATUTORY_DATE, dueDates.statutoryDateForStaff(requests.byReference(reference)));
    }

    private void check(DelegateTask task) {
        TaskInput input = TaskInput.of(task);
        boolean approved = input.requiredBoolean("approved");
        if (!approved) {
            input.requiredText("reviewComment", MAX_COMMENT, "when sending the response back: say what must change");
        }
        // the gateway needs a boolean even when a client sent the text "true"
        task.getExecution().setVariable("approved", approved);
        task.getExecution().setVariable("reviewedBy", TaskActor.of(task));
        audit.record(task.getExecution().getProcessBusinessKey(), approved ? "APPROVED" : "SENT_BACK", TaskActor.of(task), null);
        task.getExecution().removeVariables(List.of("responseSummary", "previewAddress", STATUTORY_DATE));
    }
}
