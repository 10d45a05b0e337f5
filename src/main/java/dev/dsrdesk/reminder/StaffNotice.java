package dev.dsrdesk.reminder;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of a staff member's next digest. */
@Entity
@Table(name = "staff_notice")
class StaffNotice {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private String userId;

    @Column(nullable = false)
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private NoticeKind kind;

    @Column(nullable = false)
    private String reference;

    @Column(nullable = false)
    private String text;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    protected StaffNotice() {
    }

    StaffNotice(String userId, String email, NoticeKind kind, String reference, String text, Instant createdAt) {
        this.userId = userId;
        this.email = email;
        this.kind = kind;
        this.reference = reference;
        this.text = text;
        this.createdAt = createdAt;
    }

    void sent(Instant when) {
        this.sentAt = when;
    }

    public String getUserId() { return userId; }
    public String getEmail() { return email; }
    public NoticeKind getKind() { return kind; }
    public String getReference() { return reference; }
    public String getText() { return text; }
}
