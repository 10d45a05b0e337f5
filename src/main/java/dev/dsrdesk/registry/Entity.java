package dev.dsrdesk.registry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A company of the group, or a processor, that may hold a data subject's data. */
public record Entity(
        @NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") String id,
        @NotBlank String name,
        String city,
        String country,
        @NotNull EntityKind kind) {

    /** The Camunda candidate group whose members work this entity's steps. */
    public String candidateGroup() {
        return kind.groupPrefix() + "-" + id;
    }
}
