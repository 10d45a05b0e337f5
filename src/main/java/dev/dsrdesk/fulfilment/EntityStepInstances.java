package dev.dsrdesk.fulfilment;

import dev.dsrdesk.process.DeskProcess;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.Requests;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ties each entity-fulfilment process instance to its entity step when it starts, so that everything the step does
 * later (its tasks' listeners, the connectors) asks the desk's records which request and entity it serves. Process
 * variables are no source for that: a person completing a task could send any of them.
 */
@Component
public class EntityStepInstances {

    private final Requests requests;
    private final EntityStepRepository steps;

    EntityStepInstances(Requests requests, EntityStepRepository steps) {
        this.requests = requests;
        this.steps = steps;
    }

    /**
     * Start listener of entity-fulfilment: the request is the instance's business key (the engine's record, set by the
     * fan-out); the entity is the fan-out's element, which no task has been able to touch yet.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void bind(DelegateExecution execution) {
        String reference = execution.getProcessBusinessKey();
        String entityId = (String) execution.getVariable(DeskProcess.ENTITY_ID);
        DataSubjectRequest request = requests.byReference(reference);
        EntityStep step = steps.findByRequestIdAndEntityId(request.getId(), entityId)
                .filter(EntityStep::isInvolved)
                .orElseThrow(() -> new IllegalStateException(entityId + " was not routed for " + reference));
        step.workedBy(execution.getProcessInstanceId());
    }

    public StepIdentity of(DelegateExecution execution) {
        return of(execution.getProcessInstanceId());
    }

    public StepIdentity of(DelegateTask task) {
        return of(task.getProcessInstanceId());
    }

    public StepIdentity of(String processInstanceId) {
        EntityStep step = steps.findByProcessInstanceId(processInstanceId)
                .orElseThrow(() -> new IllegalStateException("process instance " + processInstanceId + " works no entity step"));
        return new StepIdentity(requests.byId(step.getRequestId()).getReference(), step.getEntityId(), step.getAction());
    }
}
