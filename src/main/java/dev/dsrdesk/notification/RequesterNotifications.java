package dev.dsrdesk.notification;

import dev.dsrdesk.fulfilment.ResponseSummary;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.Requests;
import dev.dsrdesk.response.DownloadLinks;
import java.util.Date;
import java.util.HashMap;
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
    private final DownloadLinks downloads;

    RequesterNotifications(Requests requests, RequesterMail mail, ResponseSummary summary, DownloadLinks downloads) {
        this.requests = requests;
        this.mail = mail;
        this.summary = summary;
        this.downloads = downloads;
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

    /** The answer; where it holds personal data (access, portability) only a download link to it. */
    @Transactional
    public void closure(String reference) {
        DataSubjectRequest request = requests.byReference(reference);
        Map<String, Object> details = new HashMap<>();
        details.put("entities", summary.progressForRequester(reference));
        if (request.getType().deliversPersonalData()) {
            DownloadLinks.IssuedLink link = downloads.issue(request);
            details.put("downloadLink", link.url());
            details.put("downloadExpiresAt", Date.from(link.expiresAt()));
        }
        mail.send(request, RequesterMessage.CLOSURE, details);
    }
}
