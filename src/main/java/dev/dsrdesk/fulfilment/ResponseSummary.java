package dev.dsrdesk.fulfilment;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsrdesk.registry.EntityRegistry;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.Requests;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What the entities answered, told to the reviewer and (without the data itself) to the requester. */
@Component
public class ResponseSummary {

    private final Requests requests;
    private final EntityStepRepository steps;
    private final EntityRegistry registry;
    private final ObjectMapper json;

    ResponseSummary(Requests requests, EntityStepRepository steps, EntityRegistry registry, ObjectMapper json) {
        this.requests = requests;
        this.steps = steps;
        this.registry = registry;
        this.json = json;
    }

    /** Each entity's part, with why it was asked as staff read it. */
    @Transactional(readOnly = true)
    public List<EntityProgress> progress(String reference) {
        return progress(reference, false);
    }

    /** Each entity's part, with why it was asked in the requester's language. */
    @Transactional(readOnly = true)
    public List<EntityProgress> progressForRequester(String reference) {
        return progress(reference, true);
    }

    private List<EntityProgress> progress(String reference, boolean forRequester) {
        DataSubjectRequest request = requests.byReference(reference);
        return steps.findByRequestIdOrderByEntityId(request.getId()).stream()
                .map(step -> new EntityProgress(step.getEntityId(), registry.byId(step.getEntityId()).name(),
                        step.getAction() == null ? null : step.getAction().name(), step.getState().name(),
                        forRequester ? step.getReasonToRequester() : step.getReason(), step.getDueDate(), step.getCompletedAt(), recordCount(step),
                        step.getReport().actionTaken(), step.getReport().retained(), step.getReport().retentionReason(),
                        step.getReport().recipientsNotified()))
                .toList();
    }

    /** One line per entity for the reviewer: who answered what, with their notes. */
    @Transactional(readOnly = true)
    public String forStaff(String reference) {
        DataSubjectRequest request = requests.byReference(reference);
        StringBuilder text = new StringBuilder();
        for (EntityStep step : steps.findByRequestIdOrderByEntityId(request.getId())) {
            if (!step.isInvolved()) {
                text.append(registry.byId(step.getEntityId()).name()).append(" — not asked: ").append(step.getReason()).append('\n');
                continue;
            }
            text.append(registry.byId(step.getEntityId()).name())
                    .append(" — ").append(words(step.getAction())).append(": ").append(words(step.getState()));
            if (step.getCompletedBy() != null) {
                text.append(" (by ").append(step.getCompletedBy()).append(")");
            }
            List<EntityRecord> records = records(step);
            if (!records.isEmpty()) {
                text.append(", ").append(records.size()).append(records.size() == 1 ? " record" : " records");
            }
            ActionReport report = step.getReport();
            append(text, "done", report.actionTaken());
            append(text, "before", report.valueBefore());
            append(text, "after", report.valueAfter());
            append(text, "kept", report.retained());
            append(text, "because", report.retentionReason());
            append(text, "also informed", report.recipientsNotified());
            if (step.getNotes() != null) {
                text.append(". Notes: ").append(step.getNotes());
            }
            text.append('\n');
            // exactly what the report will print for this entity: the reviewer approves what they have seen
            records.forEach(record -> text.append("    ").append(record.category()).append(" · ").append(record.field())
                    .append(": ").append(record.value()).append(" — from ").append(record.source()).append('\n'));
        }
        return text.toString();
    }

    /** NO_DATA → "no data": the reviewer reads words, not constants. */
    private static String words(Enum<?> constant) {
        return constant == null ? "" : constant.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    private static void append(StringBuilder text, String label, String value) {
        if (value != null) {
            text.append("; ").append(label).append(": ").append(value);
        }
    }

    private int recordCount(EntityStep step) {
        return records(step).size();
    }

    private List<EntityRecord> records(EntityStep step) {
        return step.records(json);
    }

    /** Where one entity stands on a request. */
    @Schema(description = "Where one entity stands on the request.")
    public record EntityProgress(@Schema(example = "rome") String entityId, String entityName,
                                 @Schema(description = "What the entity must do; absent when it is not asked",
                                         implementation = EntityAction.class) String action,
                                 @Schema(implementation = StepState.class) String state,
                                 @Schema(description = "Why it was asked, or why not") String reason,
                                 LocalDate dueDate, Instant completedAt,
                                 @Schema(description = "How many records it found (access, portability)") int records,
                                 String actionTaken,
                                 @Schema(description = "What an erasure kept, and why (retentionReason)") String retained,
                                 String retentionReason,
                                 @Schema(description = "Recipients the entity told of the change (GDPR Art. 19)") String recipientsNotified) {
    }
}
