package dev.dsrdesk.verification;

import dev.dsrdesk.security.TokenSecret;
import dev.dsrdesk.audit.AuditTrail;
import dev.dsrdesk.notification.LinkSettings;
import dev.dsrdesk.notification.RequesterMail;
import dev.dsrdesk.notification.RequesterMessage;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.Requests;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Proves the requester controls the email address: a single-use, expiring link by email, confirmed
 * by a button press on our page (so a mail scanner that prefetches the link verifies nothing).
 */
@Component("identityVerification")
public class IdentityVerification {

    static final String VERIFIED_MESSAGE = "IdentityVerified";
    static final String EXPIRES_AT = "verificationExpiresAt";
    static final String REMINDER_AT = "verificationReminderAt";

    private final VerificationTokenRepository tokens;
    private final Requests requests;
    private final RequesterMail mail;
    private final LinkSettings links;
    private final VerificationSettings settings;
    private final RuntimeService runtime;
    private final AuditTrail audit;
    private final Clock clock;

    IdentityVerification(AuditTrail audit, VerificationTokenRepository tokens, Requests requests, RequesterMail mail, LinkSettings links,
                         VerificationSettings settings, RuntimeService runtime, Clock clock) {
        this.tokens = tokens;
        this.requests = requests;
        this.mail = mail;
        this.links = links;
        this.settings = settings;
        this.runtime = runtime;
        this.clock = clock;
        this.audit = audit;
    }

    /** Process step: send the first link and set the process's reminder and expiry times. */
    @Transactional
    public void sendLink(DelegateExecution execution) {
        DataSubjectRequest request = requests.byReference(referenceOf(execution));
        Instant now = clock.instant();
        Instant expiresAt = now.plus(settings.linkValidity());
        mailLink(request, RequesterMessage.VERIFICATION_LINK, now, expiresAt);
        execution.setVariable(EXPIRES_AT, Date.from(expiresAt));
        execution.setVariable(REMINDER_AT, Date.from(now.plus(settings.reminderAfter())));
    }

    /** Process step: a fresh link with the original expiry, so a reminder never extends the window. */
    @Transactional
    public void sendReminder(DelegateExecution execution) {
        DataSubjectRequest request = requests.byReference(referenceOf(execution));
        Instant expiresAt = ((Date) execution.getVariable(EXPIRES_AT)).toInstant();
        mailLink(request, RequesterMessage.VERIFICATION_REMINDER, clock.instant(), expiresAt);
    }

    /**
     * What the page behind a link says (opening it changes nothing): which request it confirms, or that it was confirmed already (a spent link of
     * a request its link verified; only its holder can know it existed). Empty for anything else.
     */
    @Transactional(readOnly = true)
    public Optional<LinkPage> pageFor(String secret) {
        Instant now = clock.instant();
        return TokenSecret.presented(secret).flatMap(presented -> tokens.findByTokenHash(presented.hash())
                .filter(token -> token.matches(presented))
                .flatMap(token -> {
                    DataSubjectRequest request = requests.byId(token.requestId());
                    if (token.isUsableAt(now)) {
                        return Optional.of(new LinkPage(false, request.getReference(), request.getType().name(), request.getLanguage()));
                    }
                    boolean confirmedByLink = token.wasUsed() && request.emailVerified() && request.getVerifiedAt() != null;
                    return confirmedByLink
                            ? Optional.of(new LinkPage(true, request.getReference(), request.getType().name(), request.getLanguage()))
                            : Optional.empty();
                }));
    }

    /** The page behind a verification link: the request it is about, and whether it is confirmed already. */
    public record LinkPage(boolean alreadyConfirmed, String reference, String type, String language) {
    }

    /** The requester pressed the confirm button: spend every link of the request and let the process go on. */
    @Transactional
    public VerificationResult confirm(String secret) {
        Optional<VerificationToken> token = usableToken(secret);
        if (token.isEmpty()) {
            return VerificationResult.invalid();
        }
        Instant now = clock.instant();
        tokens.findByRequestId(token.get().requestId()).forEach(each -> each.use(now));
        DataSubjectRequest request = requests.byId(token.get().requestId());
        requests.emailProvenByLink(request);
        try {
            runtime.createMessageCorrelation(VERIFIED_MESSAGE)
                    .processInstanceBusinessKey(request.getReference())
                    .correlate();
        } catch (MismatchingMessageCorrelationException noLongerWaiting) {
            // the verification window closed between the page and the button press
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return VerificationResult.invalid();
        }
        audit.record(request.getReference(), "VERIFIED", "requester", "email address confirmed by link");
        return VerificationResult.verified(request.getReference(), request.getLanguage());
    }

    private Optional<VerificationToken> usableToken(String secret) {
        Instant now = clock.instant();
        return TokenSecret.presented(secret).flatMap(presented -> tokens.findByTokenHash(presented.hash())
                .filter(token -> token.matches(presented) && token.isUsableAt(now)));
    }

    private void mailLink(DataSubjectRequest request, RequesterMessage message, Instant now, Instant expiresAt) {
        TokenSecret secret = TokenSecret.generate();
        tokens.save(new VerificationToken(request.getId(), secret.hash(), now, expiresAt));
        mail.send(request, message, Map.of(
                "link", links.to("/verify?token=" + secret.value()),
                "expiresAt", Date.from(expiresAt)));
    }

    private static String referenceOf(DelegateExecution execution) {
        return execution.getProcessBusinessKey();
    }
}
