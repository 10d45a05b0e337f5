package dev.dsrdesk.intake;

import dev.dsrdesk.agent.AuthorizedAgents;
import dev.dsrdesk.audit.AuditTrail;
import dev.dsrdesk.document.DocumentPurpose;
import dev.dsrdesk.document.DocumentRefused;
import dev.dsrdesk.document.RequesterDocuments;
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
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores a valid request and starts its lifecycle, in one transaction: both happen or neither. */
@Service
public class IntakeService {


    private final Requests requests;
    private final RuntimeService runtime;
    private final AuditTrail audit;
    private final RateLimiter limiter;
    private final AuthorizedAgents agents;
    private final RequesterDocuments documents;
    private final Clock clock;

    IntakeService(Requests requests, RuntimeService runtime, AuditTrail audit, RateLimiter limiter,
                  AuthorizedAgents agents, RequesterDocuments documents, Clock clock) {
        this.limiter = limiter;
        this.agents = agents;
        this.documents = documents;
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
        DataSubjectRequest request = requests.register(submission.requester(fallbackLanguage), submission.requestType());
        if (submission.madeByAgent()) {
            madeByAgent(request, submission.getAgent());
        }
        return start(request);
    }

    /**
     * The agent and their permission are stored with the request, in its transaction: a permission the desk refuses
     * leaves no request behind either (validation refused it already; this is the desk's own check, not the caller's).
     */
    private void madeByAgent(DataSubjectRequest request, AgentSubmission agent) {
        agents.record(request.getReference(), agent.details());
        try {
            documents.store(request.getReference(), DocumentPurpose.AGENT_PERMISSION, agent.getPermission().fileName(),
                    agent.getPermission().bytes());
        } catch (DocumentRefused refused) {
            throw new FieldProblems("agent.permission", documents.explain(refused.refusal(), LocaleContextHolder.getLocale()));
        }
    }

    /**
     * A request an operator enters from a letter, a call, a visit or an email to the desk: its clock starts
     * on the day it was received, and an operator will check the requester's identity.
     */
    @Transactional
    public DataSubjectRequest submitForRequester(RequestSubmission submission, String operator, String fallbackLanguage) {
        if (submission.madeByAgent()) {
            throw new FieldProblems("agent", "is not taken for a request entered by staff: an agent sends a request on the "
                    + "public page or through this API, and the desk confirms it with the data subject by a link");
        }
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
