package dev.dsrdesk.fulfilment;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsrdesk.deadline.StepDeadlines;
import dev.dsrdesk.process.ShownReference;
import dev.dsrdesk.process.TaskActor;
import dev.dsrdesk.process.TaskInput;
import dev.dsrdesk.registry.Entity;
import dev.dsrdesk.registry.EntityRegistry;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.Requests;
import java.time.Clock;
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
@Component
class EntityStepTaskListener implements TaskListener {

    /** Shown on the task only; never kept on the process instance. */
    /** The read-only field: how the step's due date was computed. */
    static final String DUE_DATE_REASONING = "dueDateReasoning";
    static final List<String> SHOWN_ON_TASK = List.of("subjectName", "subjectEmail", "subjectPhone", "identifiers", "entityName",
            "instruction", DUE_DATE_REASONING);

    /** Kept in entity_step once answered; removed from the process. */
    static final List<String> ANSWER_FIELDS = List.of("records", "notes", "actionTaken", "retained", "retentionReason",
            "valueBefore", "valueAfter", "recipientsNotified");

    private final Requests requests;
    private final EntityStepAnswers answers;
    private final EntityRegistry registry;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final Clock clock;
    private final EntityStepInstances instances;
    private final StepDeadlines deadlines;

    EntityStepTaskListener(Requests requests, EntityStepAnswers answers, EntityRegistry registry, MessageSource messages,
                           ObjectMapper json, Clock clock, EntityStepInstances instances, StepDeadlines deadlines) {
        this.deadlines = deadlines;
        this.instances = instances;
        this.requests = requests;
        this.answers = answers;
        this.registry = registry;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> open(task);
            case EVENTNAME_COMPLETE -> answer(task);
            default -> throw new IllegalStateException("entityStepTaskListener is not meant for " + task.getEventName());
        }
    }

    private void open(DelegateTask task) {
        ShownReference.show(task);
        StepIdentity step = instances.of(task);
        DataSubjectRequest request = requests.byReference(step.reference());
        Entity entity = registry.byId(step.entityId());
        EntityAction action = step.action();
        answers.open(request.getReference(), entity.id(), task.getDueDate().toInstant().atZone(clock.getZone()).toLocalDate());
        task.setName(request.getReference() + ": " + action + " (" + entity.id() + ")");
        task.setVariableLocal("subjectName", request.getFullName());
        task.setVariableLocal("subjectEmail", request.getEmail());
        task.setVariableLocal("subjectPhone", request.getPhone() == null ? "" : request.getPhone());
        task.setVariableLocal("identifiers", request.identifiersForStaff());
        task.setVariableLocal("entityName", entity.name());
        task.setVariableLocal("instruction",
                messages.getMessage("action." + action.name() + ".instruction", null, Locale.ENGLISH));
        task.setVariableLocal(DUE_DATE_REASONING, deadlines.entityStepInWords(request.getReference(), entity.id()));
    }

    private void answer(DelegateTask task) {
        StepIdentity step = instances.of(task);
        String reference = step.reference();
        String entityId = step.entityId();
        EntityAnswer answer = EntityAnswer.read(TaskInput.of(task), step.action(), json);
        answers.record(reference, entityId, answer.outcome(), answer.notes(), answer.records(), answer.report(),
                TaskActor.of(task));
        // the answer is kept in entity_step; what a form may have copied to the process goes
        task.getExecution().removeVariables(ANSWER_FIELDS);
        task.getExecution().removeVariables(SHOWN_ON_TASK);
    }
}
