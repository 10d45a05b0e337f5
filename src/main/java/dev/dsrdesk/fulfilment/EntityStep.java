package dev.dsrdesk.fulfilment;

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

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EntityAction action;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private StepState state;

    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;

    @Column(name = "completed_by")
    private String completedBy;

    @Column(name = "completed_at")
    private Instant completedAt;

    private String notes;

    @Column(name = "records_json")
    private String recordsJson;

    protected EntityStep() {
    }

    EntityStep(Long requestId, String entityId, EntityAction action, LocalDate dueDate) {
        this.requestId = requestId;
        this.entityId = entityId;
        this.action = action;
        this.dueDate = dueDate;
        this.state = StepState.OPEN;
    }

    /** The operator asked the entity again after a review: the step is open until it answers anew. */
    void reopen(EntityAction action, LocalDate dueDate) {
        this.action = action;
        this.dueDate = dueDate;
        this.state = StepState.OPEN;
    }

    void answer(StepState outcome, String notes, String recordsJson, String completedBy, Instant completedAt) {
        this.state = outcome;
        this.notes = notes;
        this.recordsJson = recordsJson;
        this.completedBy = completedBy;
        this.completedAt = completedAt;
    }

    public String getEntityId() { return entityId; }
    public EntityAction getAction() { return action; }
    public StepState getState() { return state; }
    public LocalDate getDueDate() { return dueDate; }
    public String getCompletedBy() { return completedBy; }
    public Instant getCompletedAt() { return completedAt; }
    public String getNotes() { return notes; }
    public String getRecordsJson() { return recordsJson; }
}
