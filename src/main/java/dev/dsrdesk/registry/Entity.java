package dev.dsrdesk.registry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/**
 * A company of the group, or a processor, that may hold a data subject's data: the data categories
 * it holds (policy §2: CONTACT_INFORMATION, COOKIES, WEB_NAVIGATION) and what it uses them for
 * (policy §3, e.g. DIRECT_MARKETING, ANALYTICS). The routing decision reads both.
 */
public record Entity(
        @NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") String id,
        @NotBlank String name,
        String city,
        String country,
        @NotNull EntityKind kind,
        List<@Pattern(regexp = "[A-Z][A-Z_]*") String> dataCategories,
        List<@Pattern(regexp = "[A-Z][A-Z_]*") String> purposes) {

    public Entity {
        dataCategories = dataCategories == null ? List.of() : List.copyOf(dataCategories);
        purposes = purposes == null ? List.of() : List.copyOf(purposes);
    }

    /** The Camunda candidate group whose members work this entity's steps. */
    public String candidateGroup() {
        return kind.groupPrefix() + "-" + id;
    }
}
