package dev.dsrdesk.requestpage;

import dev.dsrdesk.notification.LinkSettings;
import dev.dsrdesk.notification.RequestPageAddress;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.Requests;
import dev.dsrdesk.security.TokenSecret;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues the links to a request's page, one fresh secret per mail (stored as its hash), and finds the request behind
 * one. A link works as long as the request keeps its personal data: the retention purge deletes the links, and the
 * expiry set here only bounds a link whose request was somehow never purged.
 */
@Service
class RequestPageLinks implements RequestPageAddress {

    /** Far beyond any retention period: the purge, not the expiry, ends a link's life. */
    private static final Period OUTER_LIMIT = Period.ofYears(12);

    private final RequestPageLinkRepository links;
    private final Requests requests;
    private final LinkSettings addresses;
    private final Clock clock;

    RequestPageLinks(RequestPageLinkRepository links, Requests requests, LinkSettings addresses, Clock clock) {
        this.links = links;
        this.requests = requests;
        this.addresses = addresses;
        this.clock = clock;
    }

    @Override
    @Transactional
    public String freshLink(DataSubjectRequest request) {
        TokenSecret secret = TokenSecret.generate();
        Instant now = clock.instant();
        links.save(new RequestPageLink(request.getId(), secret.hash(), now,
                now.atOffset(ZoneOffset.UTC).plus(OUTER_LIMIT).toInstant()));
        return addresses.to("/request?token=" + secret.value());
    }

    /** The request behind a link that works, or nothing: unknown, malformed and purged links look alike. */
    @Transactional(readOnly = true)
    Optional<DataSubjectRequest> requestBehind(String secret) {
        Instant now = clock.instant();
        return TokenSecret.presented(secret).flatMap(presented -> links.findByTokenHash(presented.hash())
                        .filter(link -> link.matches(presented) && link.isUnexpiredAt(now)))
                .map(link -> requests.byId(link.requestId()));
    }
}
