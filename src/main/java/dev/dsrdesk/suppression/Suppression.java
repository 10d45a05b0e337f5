package dev.dsrdesk.suppression;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "suppression")
class Suppression {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "email_hash", nullable = false, unique = true)
    private String emailHash;

    @Column(name = "suppressed_since", nullable = false)
    private Instant suppressedSince;

    @Column(name = "request_reference", nullable = false)
    private String requestReference;

    protected Suppression() {
    }

    Suppression(String emailHash, Instant suppressedSince, String requestReference) {
        this.emailHash = emailHash;
        this.suppressedSince = suppressedSince;
        this.requestReference = requestReference;
    }

    Instant suppressedSince() {
        return suppressedSince;
    }
}
