package dev.dsrdesk.notification;

import dev.dsrdesk.request.PersonalDataHolder;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The request's mails, in the outbox and in the demo's mailbox, go with its personal data. */
@Component
class MailPersonalData implements PersonalDataHolder {

    private final JdbcTemplate jdbc;

    MailPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> personalDataColumns() {
        return Set.of("queued_mail.recipient", "queued_mail.subject", "queued_mail.body",
                "dev_mail.recipient", "dev_mail.subject", "dev_mail.body");
    }

    @Override
    public void erasePersonalData(ExpiredRequest request) {
        jdbc.update("delete from queued_mail where reference = ?", request.reference());
        jdbc.update("delete from dev_mail where recipient = ?", request.email());
    }
}
