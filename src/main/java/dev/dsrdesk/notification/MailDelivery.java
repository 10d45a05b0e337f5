package dev.dsrdesk.notification;

import dev.dsrdesk.audit.AuditTrail;
import dev.dsrdesk.logging.PersonalDataMask;
import java.time.Clock;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The delivery job's step: hands one queued mail to the transport and records it delivered, in one short
 * transaction. A retry of a mail already delivered sends nothing.
 */
@Component("mailDelivery")
public class MailDelivery {

    private final QueuedMailRepository queue;
    private final MailTransport transport;
    private final MailSettings settings;
    private final AuditTrail audit;
    private final Clock clock;

    MailDelivery(QueuedMailRepository queue, MailTransport transport, MailSettings settings, AuditTrail audit, Clock clock) {
        this.queue = queue;
        this.transport = transport;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void deliver(Number queuedMailId) {
        QueuedMail mail = queue.findById(queuedMailId.longValue())
                .orElseThrow(() -> new IllegalStateException("queued mail #" + queuedMailId + " does not exist"));
        if (mail.isDelivered()) {
            return;
        }
        try {
            transport.send(settings.from(), mail.toOutgoing());
        } catch (MailException e) {
            // the message becomes the incident's text in Cockpit: the server's answer, never the address
            throw new MailNotDelivered(mail, e);
        }
        mail.delivered(clock.instant());
        if (mail.getReference() != null) {
            audit.record(mail.getReference(), "MAIL_SENT", null, mail.getKind());
        }
    }

    static class MailNotDelivered extends RuntimeException {
        MailNotDelivered(QueuedMail mail, MailException cause) {
            super("Mail #" + mail.getId() + " (" + mail.getKind() + ") not delivered: "
                    + PersonalDataMask.mask(String.valueOf(cause.getMessage())));
        }
    }
}
