package dev.dsrdesk.registry;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The affiliates and processors every request fans out to, as configured under {@code dsr.entities}.
 * The diagrams iterate over this list; they never name an entity.
 */
@Validated
@ConfigurationProperties(prefix = "dsr")
public record EntityRegistry(@NotEmpty List<@Valid Entity> entities) {

    public EntityRegistry {
        entities = List.copyOf(entities);
        Set<String> ids = entities.stream().map(Entity::id).collect(Collectors.toSet());
        if (ids.size() != entities.size()) {
            throw new IllegalArgumentException("dsr.entities: every entity id must be unique");
        }
    }

    public Entity byId(String id) {
        return entities.stream()
                .filter(entity -> entity.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("No entity '" + id + "' in dsr.entities"));
    }

    public List<String> ids() {
        return entities.stream().map(Entity::id).toList();
    }
}
