package dev.dsrdesk.request;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.hibernate.annotations.NaturalId;

/**
 * A data subject's request and the personal data needed to answer it. This table, not the process
 * engine, is where the requester's details live; the process carries the reference.
 */
@Entity
@Table(name = "data_subject_request")
public class DataSubjectRequest {

    /** Drawn from data_subject_request_seq by {@link RequestNumbers}; the reference is built from it. */
    @Id
    private Long id;

    @NaturalId
    @Column(nullable = false, unique = true, length = 20)
    private String reference;

    @Enumerated(EnumType.STRING)
    @Column(name = "request_type", nullable = false)
    private RequestType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RequestStatus status;

    @Column(name = "full_name", nullable = false)
    private String fullName;

    @Column(nullable = false)
    private String email;

    private String phone;

    @Column(nullable = false)
    private String country;

    private String region;

    private String details;

    @Column(nullable = false)
    private String language;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RequestChannel channel;

    /** The operator who entered a request received by post, phone or in person. */
    @Column(name = "entered_by")
    private String enteredBy;

    /** What the operator checked to establish the requester's identity. */
    @Column(name = "identity_evidence")
    private String identityEvidence;

    /** The open request this one was linked to as a duplicate. */
    @Column(name = "linked_to")
    private String linkedTo;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;

    /** JSON of every statutory clock (regime, due date, confirm-by, basis); the earliest is {@code dueDate}. */
    private String regimes;

    @Column(name = "extended_due_date")
    private LocalDate extendedDueDate;

    @Column(name = "extension_reason")
    private String extensionReason;

    @Column(name = "extended_at")
    private Instant extendedAt;

    @Column(name = "extended_by")
    private String extendedBy;

    @Column(name = "breached_at")
    private Instant breachedAt;

    @Column(name = "verified_at")
    private Instant verifiedAt;

    /** How the email address was verified; unverified while null. */
    @Enumerated(EnumType.STRING)
    @Column(name = "email_checked_by")
    private IdentifierCheck emailCheckedBy;

    /** How the phone number was verified; unverified while null (only an operator's review verifies a phone). */
    @Enumerated(EnumType.STRING)
    @Column(name = "phone_checked_by")
    private IdentifierCheck phoneCheckedBy;

    @Column(name = "closed_at")
    private Instant closedAt;

    /** Since when the statutory clock stands still, waiting for the requester's answer about their identity. */
    @Column(name = "clock_paused_at")
    private Instant clockPausedAt;

    @Version
    private Long version;

    protected DataSubjectRequest() {
    }

    DataSubjectRequest(long number, RequesterDetails requester, RequestType type, Receipt receipt, LocalDate dueDate,
                       String regimes) {
        this.id = number;
        this.channel = receipt.channel();
        this.enteredBy = receipt.enteredBy();
        Instant receivedAt = receipt.receivedAt();
        this.fullName = requester.fullName();
        this.email = requester.email();
        this.phone = requester.phone();
        this.country = requester.country();
        this.region = requester.region();
        this.details = requester.details();
        this.language = requester.language();
        this.type = type;
        this.receivedAt = receivedAt;
        this.dueDate = dueDate;
        this.regimes = regimes;
        this.status = channel.isStaffEntered() ? RequestStatus.AWAITING_IDENTITY_REVIEW : RequestStatus.AWAITING_VERIFICATION;
        // human-friendly and unique: the year of receipt and the request number
        this.reference = "DSR-%d-%06d".formatted(receivedAt.atOffset(ZoneOffset.UTC).getYear(), number);
    }

    /**
     * The clock restarted (it starts at verification where the desk is configured so): the new dates, the extended one
     * included where the request was extended before.
     */
    public void restartClock(DueDates.Due due) {
        this.dueDate = due.date();
        this.regimes = due.regimes();
        if (extendedDueDate != null && due.extendedDate() != null) {
            this.extendedDueDate = due.extendedDate();
        }
    }

    /** The clock stands still until the requester answers the desk's question about their identity. */
    public void pauseClock(Instant when) {
        if (clockPausedAt == null) {
            clockPausedAt = when;
        }
    }

    /** The answer arrived: the pause is over (the period runs again from then: {@link #restartClock}). */
    public void clockRunsAgain() {
        clockPausedAt = null;
    }

    /** More time (GDPR Art. 12(3)): the new date, and every regime's date as extended ({@code regimes}, JSON). */
    public void extend(LocalDate newDueDate, String regimes, String reason, String operator, Instant when) {
        this.extendedDueDate = newDueDate;
        this.regimes = regimes;
        this.extensionReason = reason;
        this.extendedBy = operator;
        this.extendedAt = when;
    }

    public void markBreached(Instant when) {
        if (breachedAt == null) {
            breachedAt = when;
        }
    }

    /** The date the answer is owed by: the extended one where the period was extended. */
    public LocalDate effectiveDueDate() {
        return extendedDueDate != null ? extendedDueDate : dueDate;
    }

    /** The requester confirmed the link mailed to their address: the email, and only the email, is proven. */
    public void emailProvenByLink(Instant when) {
        this.emailCheckedBy = IdentifierCheck.EMAIL_LINK;
        this.verifiedAt = when;
    }

    /** An operator established identity and recorded which identifiers the evidence covers. */
    public void identityEstablished(String evidence, boolean emailChecked, boolean phoneChecked, Instant when) {
        this.identityEvidence = evidence;
        this.emailCheckedBy = emailChecked ? IdentifierCheck.OPERATOR_REVIEW : null;
        this.phoneCheckedBy = phoneChecked && phone != null ? IdentifierCheck.OPERATOR_REVIEW : null;
        this.verifiedAt = when;
    }

    /** Whether the address mail goes to is proven to be the requester's: only then may a mail repeat what they typed. */
    public boolean emailVerified() {
        return emailCheckedBy != null;
    }

    /** One line per identifier, saying whether it was verified, for tasks and staff pages. */
    public String identifiersForStaff() {
        return String.join("\n", identifiers().stream().map(RequesterIdentifier::forStaff).toList());
    }

    /** Every identifier the requester gave, each with how (or whether) the desk verified it. */
    public java.util.List<RequesterIdentifier> identifiers() {
        java.util.List<RequesterIdentifier> identifiers = new java.util.ArrayList<>();
        identifiers.add(new RequesterIdentifier(RequesterIdentifier.Kind.EMAIL, email, emailCheckedBy));
        if (phone != null && !phone.isBlank()) {
            identifiers.add(new RequesterIdentifier(RequesterIdentifier.Kind.PHONE, phone, phoneCheckedBy));
        }
        return java.util.List.copyOf(identifiers);
    }

    public void linkTo(String openReference) {
        this.linkedTo = openReference;
        this.status = RequestStatus.LINKED_TO_OPEN_REQUEST;
    }

    /** Staff decided it is a request of its own after all: it goes to triage. */
    public void unlink() {
        this.linkedTo = null;
        this.status = RequestStatus.IN_TRIAGE;
    }

    public void noteIdentityEvidence(String evidence) {
        this.identityEvidence = evidence;
    }

    public void moveTo(RequestStatus next) {
        this.status = next;
    }

    public void close(RequestStatus finalStatus, Instant when) {
        this.status = finalStatus;
        this.closedAt = when;
    }

    public Long getId() { return id; }
    public String getReference() { return reference; }
    public RequestType getType() { return type; }
    public RequestStatus getStatus() { return status; }
    public String getFullName() { return fullName; }
    public String getEmail() { return email; }
    public String getPhone() { return phone; }
    public String getCountry() { return country; }
    public String getRegion() { return region; }
    public String getDetails() { return details; }
    public String getLanguage() { return language; }
    public RequestChannel getChannel() { return channel; }
    public String getEnteredBy() { return enteredBy; }
    public String getIdentityEvidence() { return identityEvidence; }
    public String getLinkedTo() { return linkedTo; }
    public Instant getReceivedAt() { return receivedAt; }
    public LocalDate getDueDate() { return dueDate; }
    public String getRegimes() { return regimes; }
    public LocalDate getExtendedDueDate() { return extendedDueDate; }
    public String getExtensionReason() { return extensionReason; }
    public Instant getExtendedAt() { return extendedAt; }
    public Instant getBreachedAt() { return breachedAt; }
    public Instant getVerifiedAt() { return verifiedAt; }
    public Instant getClosedAt() { return closedAt; }
    public Instant getClockPausedAt() { return clockPausedAt; }
}
