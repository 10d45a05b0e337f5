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

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;

    @Column(name = "verified_at")
    private Instant verifiedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Version
    private Long version;

    protected DataSubjectRequest() {
    }

    DataSubjectRequest(long number, RequesterDetails requester, RequestType type, Instant receivedAt, LocalDate dueDate) {
        this.id = number;
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
        this.status = RequestStatus.AWAITING_VERIFICATION;
        // human-friendly and unique: the year of receipt and the request number
        this.reference = "DSR-%d-%06d".formatted(receivedAt.atOffset(ZoneOffset.UTC).getYear(), number);
    }

    public void markVerified(Instant when) {
        this.verifiedAt = when;
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
    public Instant getReceivedAt() { return receivedAt; }
    public LocalDate getDueDate() { return dueDate; }
    public Instant getVerifiedAt() { return verifiedAt; }
    public Instant getClosedAt() { return closedAt; }
}
