package dev.dsrdesk.fulfilment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsrdesk.audit.AuditTrail;
import dev.dsrdesk.process.TaskActor;
import dev.dsrdesk.process.TaskInput;
import dev.dsrdesk.registry.Entity;
import dev.dsrdesk.registry.EntityRegistry;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.Requests;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Opens an entity's step when its task is created and records the answer when it is completed.
 * The task shows the person to look for and the action; the answer goes to the entity_step table and
 * leaves no personal data behind in the process variables.
 */
@Component("entityStepListener")
class EntityStepTaskListener implements TaskListener {

    /** Shown on the task only; never kept on the process instance. */
    static final List<String> SHOWN_ON_TASK = List.of("subjectName", "subjectEmail", "subjectPhone", "entityName", "instruction");

    /** Kept in entity_step once answered; removed from the process. */
    static final List<String> ANSWER_FIELDS = List.of("records", "notes", "actionTaken", "retained", "retentionReason",
            "valueBefore", "valueAfter", "recipientsNotified");

    private final Requests requests;
    private final EntityStepRepository steps;
    private final EntityRegistry registry;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final AuditTrail audit;
    private final Clock clock;

    EntityStepTaskListener(AuditTrail audit, Requests requests, EntityStepRepository steps, EntityRegistry registry, MessageSource messages,
                           ObjectMapper json, Clock clock) {
        this.requests = requests;
        this.steps = steps;
        this.registry = registry;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> open(task);
            case EVENTNAME_COMPLETE -> answer(task);
            default -> throw new IllegalStateException("entityStepListener is not meant for " + task.getEventName());
        }
    }

    private void open(DelegateTask task) {
        DataSubjectRequest request = requests.byReference((String) task.getVariable("reference"));
        Entity entity = registry.byId((String) task.getVariable("entityId"));
        EntityAction action = EntityAction.valueOf((String) task.getVariable("action"));
        LocalDate due = task.getDueDate().toInstant().atZone(clock.getZone()).toLocalDate();
        steps.findByRequestIdAndEntityId(request.getId(), entity.id())
                .orElseThrow(() -> new IllegalStateException(entity.id() + " was not routed for " + request.getReference()))
                .open(due, clock.instant());
        task.setVariableLocal("subjectName", request.getFullName());
        task.setVariableLocal("subjectEmail", request.getEmail());
        task.setVariableLocal("subjectPhone", request.getPhone() == null ? "" : request.getPhone());
        task.setVariableLocal("entityName", entity.name());
        task.setVariableLocal("instruction",
                messages.getMessage("action." + action.name() + ".instruction", null, Locale.ENGLISH));
    }

    private void answer(DelegateTask task) {
        DataSubjectRequest request = requests.byReference((String) task.getVariable("reference"));
        String entityId = (String) task.getVariable("entityId");
        EntityStep step = steps.findByRequestIdAndEntityId(request.getId(), entityId)
                .orElseThrow(() -> new IllegalStateException("No open step for " + entityId + " on " + request.getReference()));
        EntityAnswer answer = EntityAnswer.read(TaskInput.of(task), step.getAction(), json);
        step.answer(answer.outcome(), answer.notes(), recordsJson(answer), answer.report(), TaskActor.of(task), clock.instant());
        steps.save(step);
        audit.record(request.getReference(), "ENTITY_ANSWERED", TaskActor.of(task),
                entityId + ": " + answer.outcome() + (answer.records().isEmpty() ? "" : ", " + answer.records().size() + " record(s)"));
        // the answer is kept in entity_step; what a form may have copied to the process goes
        task.getExecution().removeVariables(ANSWER_FIELDS);
        task.getExecution().removeVariables(SHOWN_ON_TASK);
    }

    private String recordsJson(EntityAnswer answer) {
        if (answer.records().isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(answer.records());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("records were parsed from JSON and must serialise back", e);
        }
    }
}
