package dev.dsrdesk.response;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The hash of a download link's secret; the secret itself exists only in the closure email. */
@Entity
@Table(name = "download_link")
class DownloadLink {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_id", nullable = false)
    private Long requestId;

    @Column(name = "token_hash", nullable = false, unique = true)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected DownloadLink() {
    }

    DownloadLink(Long requestId, String tokenHash, Instant createdAt, Instant expiresAt) {
        this.requestId = requestId;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    boolean isUsableAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    Long id() {
        return id;
    }

    Long requestId() {
        return requestId;
    }

    Instant expiresAt() {
        return expiresAt;
    }
}
