package dev.dsrdesk.notification;

import dev.dsrdesk.fulfilment.ResponseSummary;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.Requests;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The process's mail steps, each a message to the requester. */
@Component("notify")
public class RequesterNotifications {

    private final Requests requests;
    private final RequesterMail mail;
    private final ResponseSummary summary;

    RequesterNotifications(Requests requests, RequesterMail mail, ResponseSummary summary) {
        this.requests = requests;
        this.mail = mail;
        this.summary = summary;
    }

    @Transactional(readOnly = true)
    public void acknowledgement(String reference) {
        mail.send(requests.byReference(reference), RequesterMessage.ACKNOWLEDGEMENT, Map.of());
    }

    @Transactional(readOnly = true)
    public void closedUnverified(String reference) {
        mail.send(requests.byReference(reference), RequesterMessage.CLOSED_UNVERIFIED, Map.of());
    }

    @Transactional(readOnly = true)
    public void rejection(DelegateExecution execution) {
        DataSubjectRequest request = requests.byReference((String) execution.getVariable("reference"));
        mail.send(request, RequesterMessage.REJECTION, Map.of("reason", execution.getVariable("rejectionReason")));
    }

    @Transactional(readOnly = true)
    public void closure(String reference) {
        mail.send(requests.byReference(reference), RequesterMessage.CLOSURE, Map.of("entities", summary.progress(reference)));
    }
}
