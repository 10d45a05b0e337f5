package dev.dsrdesk.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A mail waiting in the outbox, or the record that it was delivered (then without its body). */
@Entity
@Table(name = "queued_mail")
public class QueuedMail {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** The request it is about; none for staff digests. */
    private String reference;

    @Column(nullable = false)
    private String kind;

    @Column(nullable = false)
    private String recipient;

    @Column(nullable = false)
    private String subject;

    private String body;

    @Column(name = "queued_at", nullable = false)
    private Instant queuedAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    protected QueuedMail() {
    }

    QueuedMail(String reference, String kind, OutgoingMail mail, Instant queuedAt) {
        this.reference = reference;
        this.kind = kind;
        this.recipient = mail.to();
        this.subject = mail.subject();
        this.body = mail.body();
        this.queuedAt = queuedAt;
    }

    boolean isDelivered() {
        return deliveredAt != null;
    }

    OutgoingMail toOutgoing() {
        return new OutgoingMail(recipient, subject, body);
    }

    void delivered(Instant at) {
        this.deliveredAt = at;
        this.body = null;
    }

    public Long getId() { return id; }
    public String getReference() { return reference; }
    public String getKind() { return kind; }
}
