package dev.dsrdesk.connector;

import dev.dsrdesk.audit.AuditTrail;
import dev.dsrdesk.fulfilment.EntityAction;
import dev.dsrdesk.fulfilment.EntityStep;
import dev.dsrdesk.fulfilment.EntityStepAnswers;
import dev.dsrdesk.fulfilment.EntityStepInstances;
import dev.dsrdesk.fulfilment.StepIdentity;
import dev.dsrdesk.process.ShownReference;
import dev.dsrdesk.process.TaskActor;
import dev.dsrdesk.process.TaskInput;
import dev.dsrdesk.registry.EntityRegistry;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.Requests;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The entity's human in the loop: the task shows whom the desk looked for and what it found in the entity's
 * systems; the entity's user lets the desk go ahead, or takes the step over by hand.
 */
@Component
class ConfirmationTaskListener implements TaskListener {

    static final List<String> SHOWN_ON_TASK = List.of("subjectName", "subjectEmail", "identifiers", "entityName", "preview",
            "possibleMatches", "requestDetails", "rectifiableFields");
    private static final int MAX_VALUE = 4000;

    private final Requests requests;
    private final EntityStepAnswers answers;
    private final EntityRegistry registry;
    private final AuditTrail audit;
    private final AutomatedSteps automated;
    private final EntityStepInstances instances;
    private final PossibleMatches possibleMatches;

    ConfirmationTaskListener(Requests requests, EntityStepAnswers answers, EntityRegistry registry, AuditTrail audit,
                             AutomatedSteps automated, EntityStepInstances instances, PossibleMatches possibleMatches) {
        this.instances = instances;
        this.possibleMatches = possibleMatches;
        this.automated = automated;
        this.requests = requests;
        this.answers = answers;
        this.registry = registry;
        this.audit = audit;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> show(task);
            case EVENTNAME_COMPLETE -> decide(task);
            default -> throw new IllegalStateException("confirmationTaskListener is not meant for " + task.getEventName());
        }
    }

    private void show(DelegateTask task) {
        ShownReference.show(task);
        StepIdentity identity = instances.of(task);
        String reference = identity.reference();
        String entityId = identity.entityId();
        DataSubjectRequest request = requests.byReference(reference);
        EntityStep step = answers.stepOf(reference, entityId);
        task.setName(reference + ": confirm " + identity.action() + " (" + entityId + ")");
        task.setVariableLocal("subjectName", request.getFullName());
        task.setVariableLocal("subjectEmail", request.getEmail());
        task.setVariableLocal("entityName", registry.byId(entityId).name());
        task.setVariableLocal("identifiers", request.identifiersForStaff());
        task.setVariableLocal("preview", step.getPreview());
        task.setVariableLocal("possibleMatches", PossibleMatches.describe(possibleMatches.fromJson(step.getPossibleMatches())));
        if (step.getAction() == EntityAction.RECTIFY) {
            task.setVariableLocal("requestDetails", request.getDetails() == null ? "" : request.getDetails());
            task.setVariableLocal("rectifiableFields", automated.rectifiableFieldsShown(entityId));
        }
    }

    private void decide(DelegateTask task) {
        TaskInput input = TaskInput.of(task);
        Confirmation confirmation = input.requiredChoice("confirmation", Confirmation.class);
        StepIdentity step = instances.of(task);
        String reference = step.reference();
        String entityId = step.entityId();
        if (confirmation == Confirmation.CONFIRM && step.action() == EntityAction.RECTIFY) {
            String field = input.requiredText("rectifyField", 200, "which field to correct, one of: "
                    + String.join(", ", automated.rectifiableFields(entityId)));
            if (!automated.rectifiableFields(entityId).contains(field)) {
                throw input.refusal("rectifyField", "must be one of: "
                        + String.join(", ", automated.rectifiableFields(entityId)));
            }
            String value = input.requiredText("rectifyValue", MAX_VALUE, "the right value, as the requester gave it");
            answers.correctionGiven(reference, entityId, value);
            task.getExecution().setVariable("rectifyField", field);
        } else {
            // only a field checked above may reach the correction
            task.getExecution().removeVariable("rectifyField");
        }
        if (confirmation == Confirmation.CONFIRM) {
            EntityStep stored = answers.stepOf(reference, entityId);
            Set<Integer> included = PossibleMatches.chosen(input.text("includeMatches", 500),
                    possibleMatches.fromJson(stored.getPossibleMatches()), "includeMatches");
            if (!included.isEmpty()) {
                // whether a row someone else may own is the requester's is the entity's own judgement: an operator who
                // may work every task could otherwise hand a requester's attacker another person's row
                if (!memberOf(task, registry.byId(entityId).candidateGroup())) {
                    throw TaskInput.refused("includeMatches", "Only " + registry.byId(entityId).name()
                            + "'s own people may include a possible match; leave it empty, or ask them");
                }
                answers.includeMatches(reference, entityId, String.join(", ", included.stream().map(String::valueOf).toList()));
                audit.record(reference, "POSSIBLE_MATCHES_INCLUDED", TaskActor.of(task), entityId + ": " + included.size());
            }
        }
        task.getExecution().removeVariable("includeMatches");
        // the right value is kept on the step, never in the process
        task.getExecution().removeVariable("rectifyValue");
        String actor = TaskActor.of(task);
        task.getExecution().setVariable("confirmed", confirmation == Confirmation.CONFIRM);
        task.getExecution().setVariable("confirmedBy", actor);
        audit.record(reference, confirmation == Confirmation.CONFIRM
                ? "AUTOMATED_STEP_CONFIRMED" : "AUTOMATED_STEP_TAKEN_OVER", actor, entityId);
        task.getExecution().removeVariables(SHOWN_ON_TASK);
    }

    private static boolean memberOf(DelegateTask task, String group) {
        Authentication caller = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return caller != null && caller.getGroupIds() != null && caller.getGroupIds().contains(group);
    }

    enum Confirmation {
        CONFIRM,
        HANDLE_MANUALLY
    }
}
