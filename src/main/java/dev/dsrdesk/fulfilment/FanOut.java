package dev.dsrdesk.fulfilment;

import dev.dsrdesk.registry.EntityRegistry;
import org.springframework.stereotype.Component;

/** Who works an entity's step: the candidate group the registry gives the entity. */
@Component("fanOut")
public class FanOut {

    private final EntityRegistry registry;

    FanOut(EntityRegistry registry) {
        this.registry = registry;
    }

    public String candidateGroup(String entityId) {
        return registry.byId(entityId).candidateGroup();
    }
}
