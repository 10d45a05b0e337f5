package dev.dsrdesk.fulfilment;

import dev.dsrdesk.registry.EntityRegistry;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Who works an entity's step: the candidate group the registry gives the entity the step belongs to, as the desk
 * recorded it (never a process variable a person could have sent).
 */
@Component("fanOut")
public class FanOut {

    private final EntityRegistry registry;
    private final EntityStepInstances instances;

    FanOut(EntityRegistry registry, EntityStepInstances instances) {
        this.registry = registry;
        this.instances = instances;
    }

    public String candidateGroup(DelegateExecution execution) {
        return registry.byId(instances.of(execution).entityId()).candidateGroup();
    }
}
