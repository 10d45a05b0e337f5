package dev.dsrdesk.fulfilment;

import dev.dsrdesk.registry.EntityRegistry;
import java.util.List;
import org.springframework.stereotype.Component;

/** The entities a request fans out to, read from the registry when the fan-out starts. */
@Component("fanOut")
public class FanOut {

    private final EntityRegistry registry;

    FanOut(EntityRegistry registry) {
        this.registry = registry;
    }

    public List<String> entityIds() {
        return registry.ids();
    }

    public String candidateGroup(String entityId) {
        return registry.byId(entityId).candidateGroup();
    }

    public String entityName(String entityId) {
        return registry.byId(entityId).name();
    }
}
