package dev.dsrdesk.request;

import dev.dsrdesk.audit.AuditTrail;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.NoSuchElementException;
import org.hibernate.Session;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores requests and moves them through their statuses; the process calls it by reference. */
@Service("requests")
public class Requests {

    private final DataSubjectRequestRepository repository;
    private final DueDates dueDates;
    private final RequestNumbers numbers;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;
    private final EntityManager entities;

    Requests(DataSubjectRequestRepository repository, DueDates dueDates, RequestNumbers numbers,
             ApplicationEventPublisher events, AuditTrail audit, Clock clock, EntityManager entities) {
        this.entities = entities;
        this.audit = audit;
        this.repository = repository;
        this.events = events;
        this.numbers = numbers;
        this.dueDates = dueDates;
        this.clock = clock;
    }

    /** A request the requester sent themselves, received now. */
    @Transactional
    public DataSubjectRequest register(RequesterDetails requester, RequestType type) {
        return register(requester, type, Receipt.selfService(clock.instant()));
    }

    /** The statutory clock starts at receipt: for a letter or a call, when it reached us, not when it was keyed in. */
    @Transactional
    public DataSubjectRequest register(RequesterDetails requester, RequestType type, Receipt receipt) {
        DueDates.Due due = dueDates.due(requester.country(), requester.region(), type, ClockStart.receipt(receipt.receivedAt()));
        return repository.save(new DataSubjectRequest(numbers.next(), requester, type, receipt, due.date(), due.regimes()));
    }

    @Transactional
    public void identityEstablished(String reference, String evidence, boolean emailChecked, boolean phoneChecked) {
        DataSubjectRequest request = byReference(reference);
        request.identityEstablished(evidence, emailChecked, phoneChecked, clock.instant());
        verified(request);
    }

    @Transactional
    public void identityNotEstablished(String reference, String evidence) {
        byReference(reference).noteIdentityEvidence(evidence);
    }

    @Transactional(readOnly = true)
    public DataSubjectRequest byReference(String reference) {
        // by natural id: a request already in this transaction is answered without a query or an auto-flush, which
        // a process start asks for several times (its timers' due dates)
        return entities.unwrap(Session.class).bySimpleNaturalId(DataSubjectRequest.class).loadOptional(reference)
                .orElseThrow(() -> new NoSuchElementException("No request " + reference));
    }

    @Transactional(readOnly = true)
    public DataSubjectRequest byId(Long id) {
        return repository.findById(id).orElseThrow(() -> new NoSuchElementException("No request #" + id));
    }

    /** Called from the process as it enters a stage, so staff and the API see where a request stands. */
    @Transactional
    public void enter(String reference, String status) {
        byReference(reference).moveTo(RequestStatus.valueOf(status));
    }

    /** The requester confirmed the emailed link. */
    @Transactional
    public void emailProvenByLink(DataSubjectRequest request) {
        request.emailProvenByLink(clock.instant());
        verified(request);
    }

    private void verified(DataSubjectRequest request) {
        boolean clockRestarts = dueDates.clockStartsAtVerification();
        if (clockRestarts) {
            DueDates.Due due = dueDates.restart(request.getCountry(), request.getRegion(), request.getType(),
                    ClockStart.identityEstablished(request.getVerifiedAt(), request.getReceivedAt()), request.getRegimes());
            restartClock(request, due);
        }
        request.moveTo(RequestStatus.IN_TRIAGE);
        repository.save(request);
        if (clockRestarts) {
            // after the save: listeners read the request with its new date
            events.publishEvent(new StatutoryClockRestarted(request.getReference(), request.getDueDate()));
        }
    }

    /**
     * The desk asked the requester about their identity and waits: the statutory period stands still (EDPB Guidelines
     * 01/2022 on the right of access: it runs from when the desk has what it needs to identify the requester).
     */
    @Transactional
    public boolean pauseClock(String reference) {
        DataSubjectRequest request = byReference(reference);
        if (!dueDates.clockCanStandStill(request.getCountry(), request.getRegion(), request.getType())) {
            // a CCPA or LGPD period runs on: the request keeps its dates, the earliest of them still deciding
            return false;
        }
        if (request.getClockPausedAt() == null) {
            request.pauseClock(clock.instant());
            events.publishEvent(new StatutoryClockPaused(reference));
        }
        return true;
    }

    /** The requester's answer arrived: the statutory period runs again in full from that moment. */
    @Transactional
    public void resumeClockFrom(String reference, Instant answeredAt) {
        DataSubjectRequest request = byReference(reference);
        if (request.getClockPausedAt() == null) {
            return;
        }
        DueDates.Due due = dueDates.restart(request.getCountry(), request.getRegion(), request.getType(),
                ClockStart.answerReceived(answeredAt, request.getClockPausedAt(), request.getReceivedAt()), request.getRegimes());
        restartClock(request, due);
        request.clockRunsAgain();
        repository.save(request);
        events.publishEvent(new StatutoryClockRestarted(reference, request.getDueDate()));
    }

    /** The new dates; an extended date counted again from the new start is audited, as the extension itself was. */
    private void restartClock(DataSubjectRequest request, DueDates.Due due) {
        LocalDate extendedBefore = request.getExtendedDueDate();
        request.restartClock(due);
        if (extendedBefore != null && !extendedBefore.equals(request.getExtendedDueDate())) {
            audit.record(request.getReference(), "EXTENSION_RECOUNTED", null,
                    "from " + extendedBefore + " to " + request.getExtendedDueDate());
        }
    }

    /** Called from the process's end events: the request is answered, refused or abandoned. */
    @Transactional
    public void close(String reference, String finalStatus) {
        RequestStatus status = RequestStatus.valueOf(finalStatus);
        if (!status.isFinal()) {
            throw new IllegalArgumentException(finalStatus + " does not close a request");
        }
        DataSubjectRequest request = byReference(reference);
        request.close(status, clock.instant());
        audit.record(reference, "CLOSED", null, status.name());
        events.publishEvent(new RequestClosed(reference, status,
                Duration.between(request.getReceivedAt(), request.getClosedAt())));
    }
}
