package dev.dsrdesk.response;

import dev.dsrdesk.fulfilment.ResponseSummary;
import dev.dsrdesk.notification.RequesterMail;
import dev.dsrdesk.notification.RequesterMessage;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.Requests;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The answer's mail: what each entity did, and where the answer holds personal data (access, portability) only a
 * download link to it. It belongs to the response, which issues the link; the mail itself goes through the outbox.
 */
@Component
public class ClosureMail {

    private final Requests requests;
    private final RequesterMail mail;
    private final ResponseSummary summary;
    private final DownloadLinks downloads;

    ClosureMail(Requests requests, RequesterMail mail, ResponseSummary summary, DownloadLinks downloads) {
        this.requests = requests;
        this.mail = mail;
        this.summary = summary;
        this.downloads = downloads;
    }

    @Transactional
    public void send(DelegateExecution execution) {
        String reference = execution.getProcessBusinessKey();
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
