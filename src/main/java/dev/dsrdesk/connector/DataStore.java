package dev.dsrdesk.connector;

import dev.dsrdesk.fulfilment.EntityAction;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/**
 * A system of an entity that holds personal data, and how the desk reaches it. Where an entity has stores, its
 * step runs by itself: the desk searches them, shows the entity a preview, and (where {@code confirmBefore} names
 * the action; erasure by default) waits for the entity's user to confirm before it changes anything.
 * Credentials come from the environment, never from the repository.
 */
public record DataStore(
        @NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") String id,
        @NotBlank String entity,
        @NotBlank String name,
        @NotNull ConnectorType type,
        List<EntityAction> confirmBefore,
        @Valid Jdbc jdbc,
        List<@Valid SqlTable> tables) {

    public DataStore {
        confirmBefore = confirmBefore == null ? List.of(EntityAction.ERASE) : List.copyOf(confirmBefore);
        tables = tables == null ? List.of() : List.copyOf(tables);
    }

    public enum ConnectorType {
        SQL
    }

    public record Jdbc(@NotBlank String url, String username, String password) {
    }
}
