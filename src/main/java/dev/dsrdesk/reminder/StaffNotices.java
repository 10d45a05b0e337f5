package dev.dsrdesk.reminder;

import dev.dsrdesk.registry.EntityRegistry;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.Requests;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;
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
    /** Failed sign-ins concern no request; the notice's reference column names the topic instead. */
    static final String SIGN_IN_REFERENCE = "SIGN-IN";
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

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

    /** The requester withdrew while the entity was at work on its step: its task is gone, nothing more is needed. */
    @Transactional
    public void tellEntityWithdrawn(String reference, String entityId) {
        notify(registry.byId(entityId).candidateGroup(), NoticeKind.REQUEST_WITHDRAWN, reference, "The requester withdrew "
                + reference + ": your step on it is cancelled and its task removed. Nothing more is needed from you.");
    }

    /** The requester answered the desk's question: the task that asked is back in Tasklist, with the answer. */
    @Transactional
    public void tellOperatorsAnswered(String reference) {
        notify(OPERATORS, NoticeKind.REQUESTER_ANSWERED, reference,
                "The requester answered the question on " + reference + ": the task is back in Tasklist with the answer.");
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

    /**
     * Wrong passwords in a burst: managers hear which user name and from where. A name that is not one of the
     * desk's users is typed by whoever guesses, so it is not repeated to staff.
     */
    @Transactional
    public void reportFailedSignIns(String userName, String clientAddress, int failures, Duration window) {
        boolean knownUser = isPlainUserId(userName) && identity.createUserQuery().userId(userName).count() > 0;
        String who = knownUser ? "user " + userName : "a name that is no user of the desk";
        notify(MANAGERS, NoticeKind.FAILED_SIGN_INS, SIGN_IN_REFERENCE, failures + " wrong passwords within "
                + window.toSeconds() + " s for " + who + " from address " + clientAddress
                + "; sign-ins are slowed down for a while. Nobody is locked out; tell the user if it was not them.");
    }

    /** A user id as the desk creates them; anything else a caller typed is not echoed to logs or mails. */
    public static boolean isPlainUserId(String name) {
        return name != null && USER_ID.matcher(name).matches();
    }

    private void notify(String group, NoticeKind kind, String reference, String text) {
        for (User user : identity.createUserQuery().memberOfGroup(group).list()) {
            if (user.getEmail() != null && !user.getEmail().isBlank()) {
                notices.save(new StaffNotice(user.getId(), user.getEmail(), kind, reference, text, clock.instant()));
            }
        }
    }

}
