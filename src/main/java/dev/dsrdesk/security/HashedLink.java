package dev.dsrdesk.security;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;

/**
 * A link mailed to a requester, kept only as the hash of its secret ({@link TokenSecret}), bound to one
 * request and expiring. Verification and download links share this shape.
 */
@MappedSuperclass
public abstract class HashedLink {

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

    protected HashedLink() {
    }

    protected HashedLink(Long requestId, String tokenHash, Instant createdAt, Instant expiresAt) {
        this.requestId = requestId;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /**
     * Whether this link was issued for the presented secret, compared in constant time. The lookup by hash found
     * it already; this keeps exactness where a database compares text loosely (case-insensitive collations).
     */
    public boolean matches(TokenSecret presented) {
        return MessageDigest.isEqual(tokenHash.getBytes(StandardCharsets.US_ASCII),
                presented.hash().getBytes(StandardCharsets.US_ASCII));
    }

    public boolean isUnexpiredAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    /** From now on the link no longer works (a newer one replaces it). */
    public void revoke(Instant now) {
        if (now.isBefore(expiresAt)) {
            expiresAt = now;
        }
    }

    public Long id() {
        return id;
    }

    public Long requestId() {
        return requestId;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
