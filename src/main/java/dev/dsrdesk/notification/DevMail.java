package dev.dsrdesk.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/** A message the desk would have sent, kept for a developer to read because no mail server is set. */
@Entity
@Table(name = "dev_mail")
public class DevMail {

    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String recipient;

    @Column(nullable = false)
    private String subject;

    @Column(nullable = false)
    private String body;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected DevMail() {
    }

    DevMail(OutgoingMail mail, Instant createdAt) {
        this.recipient = mail.to();
        this.subject = mail.subject();
        this.body = mail.body();
        this.createdAt = createdAt;
    }

    public List<String> links() {
        return LINK.matcher(body).results().map(MatchResult::group).toList();
    }

    public Long getId() { return id; }
    public String getRecipient() { return recipient; }
    public String getSubject() { return subject; }
    public String getBody() { return body; }
    public Instant getCreatedAt() { return createdAt; }
}
