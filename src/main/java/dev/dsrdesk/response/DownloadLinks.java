package dev.dsrdesk.response;

import dev.dsrdesk.audit.AuditTrail;
import dev.dsrdesk.notification.LinkSettings;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.Requests;
import dev.dsrdesk.security.TokenSecret;
import java.time.Clock;
import java.time.Instant;
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
    private final Clock clock;

    DownloadLinks(AuditTrail audit, DownloadLinkRepository links, DownloadEventRepository downloads, Requests requests,
                  ResponseCompiler compiler, DeliverySettings settings, LinkSettings addresses, Clock clock) {
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
