package dev.dsrdesk.notification;

import java.time.Clock;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/** Keeps outgoing mail in the database so a newcomer can read it at /dev/mailbox without a mail server. */
@Component
@Conditional(DevMailboxEnabled.class)
class DevMailboxTransport implements MailTransport {

    private final DevMailRepository mailbox;
    private final Clock clock;

    DevMailboxTransport(DevMailRepository mailbox, Clock clock) {
        this.mailbox = mailbox;
        this.clock = clock;
    }

    @Override
    public void send(String from, OutgoingMail mail) {
        mailbox.save(new DevMail(mail, clock.instant()));
    }
}
