package dev.dsrdesk.notification;

import dev.dsrdesk.logging.PersonalDataMask;
import jakarta.mail.MessagingException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Whether the mail server answers, and how much mail waits. Not fatal: while the server is away the desk goes on
 * and mail waits in the outbox, so the status is DEGRADED, which ranks after UP (management.endpoint.health.status.order)
 * and leaves the desk healthy and ready. Replaces Spring Boot's mail indicator, which would report the desk DOWN.
 */
@Component
class MailServerHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "Mail waits in the outbox until the server answers");

    private final ObjectProvider<JavaMailSenderImpl> smtp;
    private final MailOutbox outbox;

    MailServerHealthIndicator(ObjectProvider<JavaMailSenderImpl> smtp, MailOutbox outbox) {
        this.smtp = smtp;
        this.outbox = outbox;
    }

    @Override
    public Health health() {
        JavaMailSenderImpl sender = smtp.getIfAvailable();
        long waiting = outbox.waiting();
        if (sender == null) {
            return Health.up().withDetail("transport", "dev mailbox").withDetail("waiting", waiting).build();
        }
        try {
            sender.testConnection();
            return Health.up().withDetail("transport", "smtp").withDetail("waiting", waiting).build();
        } catch (MessagingException e) {
            return Health.status(DEGRADED).withDetail("transport", "smtp").withDetail("waiting", waiting)
                    .withDetail("error", PersonalDataMask.mask(String.valueOf(e.getMessage()))).build();
        }
    }
}
