package dev.dsrdesk.withdrawal;

import dev.dsrdesk.audit.AuditTrail;
import dev.dsrdesk.fulfilment.EntityRouting;
import dev.dsrdesk.notification.RequesterMail;
import dev.dsrdesk.notification.RequesterMessage;
import dev.dsrdesk.process.DeskProcess;
import dev.dsrdesk.reminder.StaffNotices;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.Requests;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The requester withdraws an open request from its page. The request's process catches the withdrawal in an
 * interrupting event subprocess, which ends every open step (the entities' tasks go with it), tells each entity that
 * was still at work, and mails the requester a closure. An answer already approved is on its way and cannot be withdrawn.
 */
@Service
public class Withdrawals {

    /** The message the request's event subprocess "Requester withdrew" starts on. */
    static final String WITHDREW = "RequesterWithdrew";

    private final Requests requests;
    private final EntityRouting routing;
    private final StaffNotices notices;
    private final RequesterMail mail;
    private final AuditTrail audit;
    private final RuntimeService runtime;

    Withdrawals(Requests requests, EntityRouting routing, StaffNotices notices, RequesterMail mail, AuditTrail audit,
                RuntimeService runtime) {
        this.requests = requests;
        this.routing = routing;
        this.notices = notices;
        this.mail = mail;
        this.audit = audit;
        this.runtime = runtime;
    }

    /** Whether the requester may still withdraw: the request is open and no reviewer has approved its answer. */
    @Transactional(readOnly = true)
    public boolean canWithdraw(DataSubjectRequest request) {
        return !request.getStatus().isFinal()
                && audit.of(request.getReference()).stream().noneMatch(event -> "APPROVED".equals(event.getEventType()));
    }

    /** From the request page; refused (false, nothing changed) once the request is answered or closed. */
    @Transactional
    public boolean withdraw(DataSubjectRequest request) {
        if (!canWithdraw(request)) {
            return false;
        }
        ProcessInstance process = runtime.createProcessInstanceQuery().processInstanceBusinessKey(request.getReference())
                .processDefinitionKey(DeskProcess.DATA_SUBJECT_REQUEST).singleResult();
        boolean listening = process != null && runtime.createEventSubscriptionQuery().processInstanceId(process.getId())
                .eventType("message").eventName(WITHDREW).count() > 0;
        if (!listening) {
            return false;
        }
        audit.record(request.getReference(), "WITHDRAWN", "requester", null);
        runtime.createMessageCorrelation(WITHDREW).processInstanceId(process.getId()).correlate();
        return true;
    }

    /** Process step: every entity still at work stops, and hears why. */
    @Transactional
    public void stopEntitySteps(String reference) {
        List<String> stopped = routing.withdrawOpenSteps(reference);
        stopped.forEach(entityId -> notices.tellEntityWithdrawn(reference, entityId));
    }

    /** Process step: the requester's closure mail. */
    @Transactional
    public void confirm(String reference) {
        mail.send(requests.byReference(reference), RequesterMessage.WITHDRAWN, Map.of());
    }
}
