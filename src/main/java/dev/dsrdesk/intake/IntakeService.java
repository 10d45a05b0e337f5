package dev.dsrdesk.intake;

import dev.dsrdesk.audit.AuditTrail;
import dev.dsrdesk.process.DeskProcess;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.Receipt;
import dev.dsrdesk.request.RequestChannel;
import dev.dsrdesk.request.Requests;
import dev.dsrdesk.security.RateLimiter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores a valid request and starts its lifecycle, in one transaction: both happen or neither. */
@Service
public class IntakeService {


    private final Requests requests;
    private final RuntimeService runtime;
    private final AuditTrail audit;
    private final RateLimiter limiter;
    private final Clock clock;

    IntakeService(Requests requests, RuntimeService runtime, AuditTrail audit, RateLimiter limiter, Clock clock) {
        this.limiter = limiter;
        this.audit = audit;
        this.requests = requests;
        this.runtime = runtime;
        this.clock = clock;
    }

    @Transactional
    public DataSubjectRequest submit(RequestSubmission submission, String fallbackLanguage) {
        limiter.overLimit("email:" + submission.getEmail().toLowerCase(java.util.Locale.ROOT),
                        limiter.settings().intakePerEmail())
                .ifPresent(seconds -> {
                    throw new RateLimiter.TooManyRequests(seconds);
                });
        return start(requests.register(submission.requester(fallbackLanguage), submission.requestType()));
    }

    /**
     * A request an operator enters from a letter, a call, a visit or an email to the desk: its clock starts
     * on the day it was received, and an operator will check the requester's identity.
     */
    @Transactional
    public DataSubjectRequest submitForRequester(RequestSubmission submission, String operator, String fallbackLanguage) {
        if (submission.getChannel() == null) {
            throw new FieldProblems("channel", "is required for a request entered by staff: EMAIL, POST, PHONE or IN_PERSON");
        }
        if (submission.getReceivedAt() == null) {
            throw new FieldProblems("receivedAt", "is required for a request entered by staff: the day it reached the desk");
        }
        LocalDate received;
        try {
            received = LocalDate.parse(submission.getReceivedAt());
        } catch (DateTimeParseException e) {
            throw new FieldProblems("receivedAt", "is not a date of the calendar");
        }
        if (received.isAfter(LocalDate.now(clock))) {
            throw new FieldProblems("receivedAt", "cannot be in the future");
        }
        Receipt receipt = new Receipt(RequestChannel.valueOf(submission.getChannel()),
                received.atStartOfDay(clock.getZone()).toInstant(), operator);
        return start(requests.register(submission.requester(fallbackLanguage), submission.requestType(), receipt));
    }

    private DataSubjectRequest start(DataSubjectRequest request) {
        audit.record(request.getReference(), "RECEIVED", request.getEnteredBy(),
                request.getType() + " by " + request.getChannel() + ", due " + request.getDueDate());
        // the business key is the reference, the process carries the type and the channel: the requester's details
        // stay in the request table
        runtime.createProcessInstanceByKey(DeskProcess.DATA_SUBJECT_REQUEST)
                .businessKey(request.getReference())
                .setVariable(DeskProcess.REQUEST_TYPE, request.getType().name())
                .setVariable(DeskProcess.CHANNEL, request.getChannel().name())
                .execute();
        return request;
    }
}
