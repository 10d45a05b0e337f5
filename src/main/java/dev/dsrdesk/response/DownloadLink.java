package dev.dsrdesk.response;

import dev.dsrdesk.security.HashedLink;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** The closure mail's link to the requester's package; it may be opened again until it expires. */
@Entity
@Table(name = "download_link")
class DownloadLink extends HashedLink {

    protected DownloadLink() {
    }

    DownloadLink(Long requestId, String tokenHash, Instant createdAt, Instant expiresAt) {
        super(requestId, tokenHash, createdAt, expiresAt);
    }

    boolean isUsableAt(Instant now) {
        return isUnexpiredAt(now);
    }
}
