package dev.dsrdesk.fulfilment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsrdesk.audit.AuditTrail;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.Requests;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens an entity's step and records its answer, whoever gives it: the entity's user in Tasklist or a connector
 * that searched the entity's systems. The answer goes to entity_step and the audit trail, never to the process.
 */
@Component
public class EntityStepAnswers {

    private final Requests requests;
    private final EntityStepRepository steps;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final Clock clock;

    EntityStepAnswers(Requests requests, EntityStepRepository steps, AuditTrail audit, ObjectMapper json, Clock clock) {
        this.requests = requests;
        this.steps = steps;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void open(String reference, String entityId, LocalDate due) {
        step(reference, entityId).open(due, clock.instant());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String reference, String entityId, StepState outcome, String notes, List<EntityRecord> records,
                       ActionReport report, String actor) {
        EntityStep step = step(reference, entityId);
        step.answer(outcome, notes, recordsJson(records), report, actor, clock.instant());
        steps.save(step);
        audit.record(reference, "ENTITY_ANSWERED", actor,
                entityId + ": " + outcome + (records.isEmpty() ? "" : ", " + records.size() + " record(s)"));
    }

    /** A connector's search: kept on the step for the entity's confirmation and the answer that follows. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void previewed(String reference, String entityId, String preview, int rowsFound, String possibleMatches) {
        step(reference, entityId).previewed(preview, rowsFound, possibleMatches);
    }

    /** The possible matches (by number) the entity's person confirmed as the requester's. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void includeMatches(String reference, String entityId, String numbers) {
        step(reference, entityId).includeMatches(numbers);
    }

    /** The right value a person gave for a correction the desk carries out next. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void correctionGiven(String reference, String entityId, String valueAfter) {
        step(reference, entityId).correctionGiven(valueAfter);
    }

    public EntityStep stepOf(String reference, String entityId) {
        return step(reference, entityId);
    }

    public EntityAction actionOf(String reference, String entityId) {
        return step(reference, entityId).getAction();
    }

    private EntityStep step(String reference, String entityId) {
        DataSubjectRequest request = requests.byReference(reference);
        return steps.findByRequestIdAndEntityId(request.getId(), entityId)
                .orElseThrow(() -> new IllegalStateException(entityId + " was not routed for " + reference));
    }

    private String recordsJson(List<EntityRecord> records) {
        if (records.isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(records);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("records are plain text fields and always serialise", e);
        }
    }
}
