package dev.dsrdesk.requestpage;

import dev.dsrdesk.security.HashedLink;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A link to the request's own page, from one mail to the requester; it works until the request's data is purged. */
@Entity
@Table(name = "request_page_link")
class RequestPageLink extends HashedLink {

    protected RequestPageLink() {
    }

    RequestPageLink(Long requestId, String tokenHash, Instant createdAt, Instant expiresAt) {
        super(requestId, tokenHash, createdAt, expiresAt);
    }
}
