package dev.dsrdesk.reminder;

import dev.dsrdesk.registry.EntityRegistry;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.Requests;
import java.time.Clock;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The process's reminder and escalation steps. Each queues a notice for every member of the group
 * concerned (addresses from the Camunda users); the digest sends each person one mail for all of them.
 */
@Component("staffNotices")
public class StaffNotices {

    static final String OPERATORS = "dpo";
    static final String MANAGERS = "managers";

    private final StaffNoticeRepository notices;
    private final IdentityService identity;
    private final EntityRegistry registry;
    private final Requests requests;
    private final Clock clock;

    StaffNotices(StaffNoticeRepository notices, IdentityService identity, EntityRegistry registry, Requests requests,
                 Clock clock) {
        this.notices = notices;
        this.identity = identity;
        this.registry = registry;
        this.requests = requests;
        this.clock = clock;
    }

    /** Before an entity's step is due: its own group. */
    @Transactional
    public void remindEntity(String reference, String entityId) {
        DataSubjectRequest request = requests.byReference(reference);
        notify(registry.byId(entityId).candidateGroup(), NoticeKind.STEP_REMINDER, reference,
                "Your step on " + reference + " (" + request.getType() + ") is due soon: please answer in Tasklist.");
    }

    /** An entity's step is late: managers hear of it, and the group is told again. */
    @Transactional
    public void escalateLateStep(String reference, String entityId) {
        String entity = registry.byId(entityId).name();
        notify(MANAGERS, NoticeKind.STEP_LATE, reference, entity + " is late with its step on " + reference + ".");
        notify(registry.byId(entityId).candidateGroup(), NoticeKind.STEP_LATE, reference,
                "Your step on " + reference + " is overdue: please answer in Tasklist today.");
    }

    /** The statutory date is near and the request is still open. */
    @Transactional
    public void warnDeadlineNear(String reference) {
        DataSubjectRequest request = requests.byReference(reference);
        String text = reference + " must be answered by " + request.effectiveDueDate() + " (status " + request.getStatus() + ").";
        notify(OPERATORS, NoticeKind.DEADLINE_NEAR, reference, text);
        notify(MANAGERS, NoticeKind.DEADLINE_NEAR, reference, text);
    }

    /** The statutory date has passed with the request open: the breach is recorded on the request and reported. */
    @Transactional
    public void recordBreach(String reference) {
        DataSubjectRequest request = requests.byReference(reference);
        if (request.getStatus().isFinal()) {
            return;
        }
        request.markBreached(clock.instant());
        String text = reference + " passed its statutory date " + request.effectiveDueDate() + " without an answer.";
        notify(OPERATORS, NoticeKind.DEADLINE_BREACHED, reference, text);
        notify(MANAGERS, NoticeKind.DEADLINE_BREACHED, reference, text);
    }

    private void notify(String group, NoticeKind kind, String reference, String text) {
        for (User user : identity.createUserQuery().memberOfGroup(group).list()) {
            if (user.getEmail() != null && !user.getEmail().isBlank()) {
                notices.save(new StaffNotice(user.getId(), user.getEmail(), kind, reference, text, clock.instant()));
            }
        }
    }

}
