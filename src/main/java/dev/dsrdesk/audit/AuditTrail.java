package dev.dsrdesk.audit;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The request's history for a regulator: received, verified, decided, answered, extended, delivered,
 * closed. Events are written in the transaction of what they record, so one never exists without the other.
 * Each says who, when, what and from where; details never hold the requester's personal data.
 */
@Component
public class AuditTrail {

    public static final String SYSTEM = "desk";

    private final AuditEventRepository events;
    private final Clock clock;

    AuditTrail(AuditEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String reference, String eventType, String actor, String details) {
        events.save(new AuditEvent(reference, eventType, actor == null ? SYSTEM : actor, details,
                AuditOrigin.current(), clock.instant()));
    }

    @Transactional(readOnly = true)
    public List<AuditEvent> of(String reference) {
        return events.findByReferenceOrderByIdAsc(reference);
    }
}
