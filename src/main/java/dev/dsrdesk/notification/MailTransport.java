package dev.dsrdesk.notification;

/** Where outgoing mail goes: a real SMTP server, or the dev mailbox when none is configured. */
public interface MailTransport {

    void send(String from, OutgoingMail mail);
}
