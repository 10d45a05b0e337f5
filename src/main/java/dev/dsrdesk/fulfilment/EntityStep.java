package dev.dsrdesk.fulfilment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One entity's part of a request and its answer; answers live here, not in process variables. */
@Entity
@Table(name = "entity_step")
public class EntityStep {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_id", nullable = false)
    private Long requestId;

    @Column(name = "entity_id", nullable = false)
    private String entityId;

    /** Absent when the entity is not involved. */
    @Enumerated(EnumType.STRING)
    private EntityAction action;

    /** Why the routing decision asked the entity, or why not, as staff read it. */
    private String reason;

    /** The same, in the requester's language. */
    @Column(name = "reason_to_requester")
    private String reasonToRequester;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private StepState state;

    @Column(name = "due_date")
    private LocalDate dueDate;

    @Column(name = "opened_at")
    private Instant openedAt;

    @Column(name = "completed_by")
    private String completedBy;

    @Column(name = "completed_at")
    private Instant completedAt;

    private String notes;

    @Column(name = "records_json")
    private String recordsJson;

    /** What a connector found, in words, for the entity to confirm; no record values. */
    private String preview;

    @Column(name = "rows_found")
    private Integer rowsFound;

    @Column(name = "action_taken")
    private String actionTaken;

    private String retained;

    /** Whether the answer kept some data: outlives the purge of {@code retained}, for the reports. */
    @Column(name = "kept_data", nullable = false)
    private boolean keptData;

    @Column(name = "retention_reason")
    private String retentionReason;

    @Column(name = "value_before")
    private String valueBefore;

    @Column(name = "value_after")
    private String valueAfter;

    @Column(name = "recipients_notified")
    private String recipientsNotified;

    /** Rows a connector found only by an unverified identifier (JSON, no values but a masked email). */
    @Column(name = "possible_matches")
    private String possibleMatches;

    /** Which of them the entity's person included, by their numbers ("1, 3"). */
    @Column(name = "included_matches")
    private String includedMatches;

    /** The entity-fulfilment process instance working this step now. */
    @Column(name = "process_instance_id")
    private String processInstanceId;

    protected EntityStep() {
    }

    private EntityStep(Long requestId, String entityId, EntityAction action, RoutingReason reason, StepState state) {
        this.requestId = requestId;
        this.entityId = entityId;
        this.action = action;
        this.reason = reason.forStaff();
        this.reasonToRequester = reason.forRequester();
        this.state = state;
    }

    static EntityStep involved(Long requestId, String entityId, EntityAction action, RoutingReason reason) {
        return new EntityStep(requestId, entityId, action, reason, StepState.OPEN);
    }

    static EntityStep notInvolved(Long requestId, String entityId, RoutingReason reason) {
        return new EntityStep(requestId, entityId, null, reason, StepState.NOT_INVOLVED);
    }

    /** The routing decided again (the request was routed anew): the latest decision holds. */
    void reroute(EntityAction action, RoutingReason reason) {
        this.action = action;
        this.reason = reason.forStaff();
        this.reasonToRequester = reason.forRequester();
        this.state = action == null ? StepState.NOT_INVOLVED : StepState.OPEN;
        if (action == null) {
            this.dueDate = null;
        }
    }

    void workedBy(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    boolean isInvolved() {
        return state != StepState.NOT_INVOLVED;
    }

    /** The right value the entity's person gave for a correction; it waits here until the desk makes it. */
    void correctionGiven(String valueAfter) {
        this.valueAfter = valueAfter;
    }

    void previewed(String preview, int rowsFound, String possibleMatches) {
        this.preview = preview;
        this.rowsFound = rowsFound;
        this.possibleMatches = possibleMatches;
        this.includedMatches = null;
    }

    void includeMatches(String numbers) {
        this.includedMatches = numbers;
    }

    /** The entity's task was created (again, when the operator asks anew): open until it answers. */
    void open(LocalDate dueDate, Instant when) {
        this.dueDate = dueDate;
        this.state = StepState.OPEN;
        this.openedAt = when;
    }

    /** The requester withdrew the request while the entity was still at work: nothing more is asked of it. */
    void withdraw() {
        this.state = StepState.WITHDRAWN;
    }

    void answer(StepState outcome, String notes, String recordsJson, ActionReport report, String completedBy,
                Instant completedAt) {
        this.state = outcome;
        this.notes = notes;
        this.recordsJson = recordsJson;
        this.actionTaken = report.actionTaken();
        this.retained = report.retained();
        this.keptData = report.retained() != null && !report.retained().isBlank();
        this.retentionReason = report.retentionReason();
        this.valueBefore = report.valueBefore();
        this.valueAfter = report.valueAfter();
        this.recipientsNotified = report.recipientsNotified();
        this.completedBy = completedBy;
        this.completedAt = completedAt;
    }

    public Long getRequestId() { return requestId; }
    public String getEntityId() { return entityId; }
    public String getProcessInstanceId() { return processInstanceId; }
    public EntityAction getAction() { return action; }
    public String getReason() { return reason; }

    /** Steps routed before the desk spoke the requester's language have only the English reason. */
    public String getReasonToRequester() { return reasonToRequester != null ? reasonToRequester : reason; }
    public StepState getState() { return state; }
    public LocalDate getDueDate() { return dueDate; }
    public String getCompletedBy() { return completedBy; }
    public Instant getCompletedAt() { return completedAt; }
    public String getNotes() { return notes; }
    public String getRecordsJson() { return recordsJson; }

    /** The records the entity gave, as the desk stored them. */
    public List<EntityRecord> records(ObjectMapper json) {
        if (recordsJson == null) {
            return List.of();
        }
        try {
            return json.readValue(recordsJson, new TypeReference<List<EntityRecord>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("entity_step.records_json holds JSON written by the desk", e);
        }
    }
    public String getPreview() { return preview; }
    public Integer getRowsFound() { return rowsFound; }
    public String getPossibleMatches() { return possibleMatches; }
    public String getIncludedMatches() { return includedMatches; }

    public ActionReport getReport() {
        return new ActionReport(actionTaken, retained, retentionReason, valueBefore, valueAfter, recipientsNotified);
    }
}
