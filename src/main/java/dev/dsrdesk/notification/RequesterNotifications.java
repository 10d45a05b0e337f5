package dev.dsrdesk.notification;

import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.Requests;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The process's mail steps, each a message to the requester (the answer's own mail is the response's ClosureMail). */
@Component
public class RequesterNotifications {

    private final Requests requests;
    private final RequesterMail mail;

    RequesterNotifications(Requests requests, RequesterMail mail) {
        this.requests = requests;
        this.mail = mail;
    }

    @Transactional
    public void acknowledgement(String reference) {
        mail.send(requests.byReference(reference), RequesterMessage.ACKNOWLEDGEMENT, Map.of());
    }

    @Transactional
    public void closedUnverified(String reference) {
        mail.send(requests.byReference(reference), RequesterMessage.CLOSED_UNVERIFIED, Map.of());
    }

    @Transactional
    public void linked(String reference, String openReference) {
        mail.send(requests.byReference(reference), RequesterMessage.LINKED, Map.of("openReference", openReference));
    }

    @Transactional
    public void identityRefusal(DelegateExecution execution) {
        DataSubjectRequest request = requests.byReference(execution.getProcessBusinessKey());
        mail.send(request, RequesterMessage.IDENTITY_REFUSAL, Map.of("reason", execution.getVariable("refusalReason")));
    }

    @Transactional
    public void rejection(DelegateExecution execution) {
        DataSubjectRequest request = requests.byReference(execution.getProcessBusinessKey());
        mail.send(request, RequesterMessage.REJECTION, Map.of("reason", execution.getVariable("rejectionReason")));
    }
}
