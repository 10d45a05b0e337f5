package dev.dsrdesk.verification;

import dev.dsrdesk.security.HashedLink;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A verification link: single use, so it also records when it was spent. */
@Entity
@Table(name = "verification_token")
class VerificationToken extends HashedLink {

    @Column(name = "used_at")
    private Instant usedAt;

    protected VerificationToken() {
    }

    VerificationToken(Long requestId, String tokenHash, Instant createdAt, Instant expiresAt) {
        super(requestId, tokenHash, createdAt, expiresAt);
    }

    boolean isUsableAt(Instant now) {
        return usedAt == null && isUnexpiredAt(now);
    }

    boolean wasUsed() {
        return usedAt != null;
    }

    void use(Instant now) {
        this.usedAt = now;
    }
}
