package dev.dsrdesk.response;

import dev.dsrdesk.audit.AuditTrail;
import dev.dsrdesk.notification.LinkSettings;
import dev.dsrdesk.notification.RequesterMail;
import dev.dsrdesk.notification.RequesterMessage;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.RequestStatus;
import dev.dsrdesk.request.RequestType;
import dev.dsrdesk.request.Requests;
import dev.dsrdesk.security.RateLimiter;
import dev.dsrdesk.security.TokenSecret;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues the requester's download link and opens it again when they come back. */
@Service
public class DownloadLinks {

    private final DownloadLinkRepository links;
    private final DownloadEventRepository downloads;
    private final Requests requests;
    private final ResponseCompiler compiler;
    private final DeliverySettings settings;
    private final LinkSettings addresses;
    private final AuditTrail audit;
    private final RequesterMail mail;
    private final RateLimiter limiter;
    private final Clock clock;

    DownloadLinks(AuditTrail audit, DownloadLinkRepository links, DownloadEventRepository downloads, Requests requests,
                  ResponseCompiler compiler, DeliverySettings settings, LinkSettings addresses, RequesterMail mail,
                  RateLimiter limiter, Clock clock) {
        this.mail = mail;
        this.limiter = limiter;
        this.links = links;
        this.downloads = downloads;
        this.requests = requests;
        this.compiler = compiler;
        this.settings = settings;
        this.addresses = addresses;
        this.clock = clock;
        this.audit = audit;
    }

    /** A new link for the request's package; the secret goes into the closure mail and nowhere else. */
    @Transactional
    public IssuedLink issue(DataSubjectRequest request) {
        TokenSecret secret = TokenSecret.generate();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(settings.linkValidity());
        links.save(new DownloadLink(request.getId(), secret.hash(), now, expiresAt));
        return new IssuedLink(addresses.to("/download?token=" + secret.value()), expiresAt);
    }

    /** Whether the request's answer is a package the requester downloads (access, portability) and it has been sent. */
    public boolean hasPackage(DataSubjectRequest request) {
        return request.getStatus() == RequestStatus.CLOSED
                && (request.getType() == RequestType.ACCESS || request.getType() == RequestType.PORTABILITY);
    }

    /**
     * From the request page: every earlier download link stops working and a new one goes to the requester's own
     * address (never onto the page, which may have been forwarded). At most a few per window and request.
     */
    @Transactional
    public void reissue(DataSubjectRequest request) {
        if (!hasPackage(request)) {
            throw new IllegalStateException(request.getReference() + " has no package to download");
        }
        limiter.overLimit("fresh-download-link:" + request.getId(), limiter.settings().freshDownloadLinksPerRequest())
                .ifPresent(retryAfter -> {
                    throw new RateLimiter.TooManyRequests(retryAfter);
                });
        Instant now = clock.instant();
        links.findByRequestId(request.getId()).forEach(link -> link.revoke(now));
        IssuedLink fresh = issue(request);
        audit.record(request.getReference(), "DOWNLOAD_LINK_REISSUED", "requester", null);
        mail.send(request, RequesterMessage.FRESH_DOWNLOAD_LINK, Map.of("downloadLink", fresh.url(),
                "downloadExpiresAt", Date.from(fresh.expiresAt())));
    }

    /** The request behind a link that still works; opening the page changes nothing. */
    @Transactional(readOnly = true)
    public Optional<DataSubjectRequest> requestBehind(String secret) {
        return usable(secret).map(link -> requests.byId(link.requestId()));
    }

    /** The requester confirmed: record the download and compile the package from the entities' answers. */
    @Transactional
    public Optional<CompiledResponse> download(String secret) {
        return usable(secret).map(link -> {
            downloads.save(new DownloadEvent(link.id(), clock.instant()));
            DataSubjectRequest request = requests.byId(link.requestId());
            audit.record(request.getReference(), "PACKAGE_DOWNLOADED", "requester", "download link #" + link.id());
            return compiler.compile(request);
        });
    }

    private Optional<DownloadLink> usable(String secret) {
        Instant now = clock.instant();
        return TokenSecret.presented(secret).flatMap(presented -> links.findByTokenHash(presented.hash())
                .filter(link -> link.matches(presented) && link.isUsableAt(now)));
    }

    /** What the closure mail tells the requester. */
    public record IssuedLink(String url, Instant expiresAt) {
    }
}
