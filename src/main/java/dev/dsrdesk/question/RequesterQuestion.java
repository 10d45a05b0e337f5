package dev.dsrdesk.question;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A question an operator asked the requester instead of deciding, and the requester's answer. The texts are personal
 * data (the retention purge blanks them); whether it was about identity and when it was asked and answered stay.
 */
@Entity
@Table(name = "requester_question")
public class RequesterQuestion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_id", nullable = false)
    private Long requestId;

    @Enumerated(EnumType.STRING)
    @Column(name = "asked_at_step", nullable = false)
    private AskedAt askedAtStep;

    @Column(name = "about_identity", nullable = false)
    private boolean aboutIdentity;

    @Column(name = "pauses_clock", nullable = false)
    private boolean pausesClock;

    @Column(name = "question_text")
    private String questionText;

    @Column(name = "asked_by", nullable = false)
    private String askedBy;

    @Column(name = "asked_at", nullable = false)
    private Instant askedAt;

    @Column(name = "reminded_at")
    private Instant remindedAt;

    @Column(name = "answer_text")
    private String answerText;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "lapsed_at")
    private Instant lapsedAt;

    @Column(name = "answer_document_id")
    private Long answerDocumentId;

    protected RequesterQuestion() {
    }

    RequesterQuestion(Long requestId, AskedAt askedAtStep, boolean aboutIdentity, boolean pausesClock, String questionText,
                      String askedBy, Instant askedAt) {
        this.requestId = requestId;
        this.askedAtStep = askedAtStep;
        this.aboutIdentity = aboutIdentity;
        this.pausesClock = pausesClock;
        this.questionText = questionText;
        this.askedBy = askedBy;
        this.askedAt = askedAt;
    }

    /** Neither answered nor lapsed: the request waits for it. */
    public boolean isOpen() {
        return answeredAt == null && lapsedAt == null;
    }

    void answered(String text, Long documentId, Instant when) {
        this.answerText = text;
        this.answerDocumentId = documentId;
        this.answeredAt = when;
    }

    void reminded(Instant when) {
        this.remindedAt = when;
    }

    void lapsed(Instant when) {
        this.lapsedAt = when;
    }

    public Long getId() { return id; }
    public Long getRequestId() { return requestId; }
    public AskedAt getAskedAtStep() { return askedAtStep; }
    public boolean isAboutIdentity() { return aboutIdentity; }
    public boolean pausesClock() { return pausesClock; }
    public String getQuestionText() { return questionText; }
    public String getAskedBy() { return askedBy; }
    public Instant getAskedAt() { return askedAt; }
    public Instant getRemindedAt() { return remindedAt; }
    public String getAnswerText() { return answerText; }
    public Instant getAnsweredAt() { return answeredAt; }
    public Instant getLapsedAt() { return lapsedAt; }
    public Long getAnswerDocumentId() { return answerDocumentId; }
}
