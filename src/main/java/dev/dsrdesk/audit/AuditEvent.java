package dev.dsrdesk.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One thing that happened to a request. Immutable: the trail is only ever appended to. */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String reference;

    @Column(name = "event_type", nullable = false)
    private String eventType;

    @Column(nullable = false)
    private String actor;

    private String details;

    private String origin;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected AuditEvent() {
    }

    AuditEvent(String reference, String eventType, String actor, String details, String origin, Instant occurredAt) {
        this.reference = reference;
        this.origin = origin;
        this.eventType = eventType;
        this.actor = actor;
        this.details = details;
        this.occurredAt = occurredAt;
    }

    public String getReference() { return reference; }
    public String getEventType() { return eventType; }
    public String getActor() { return actor; }
    public String getDetails() { return details; }
    public String getOrigin() { return origin; }
    public Instant getOccurredAt() { return occurredAt; }
}
