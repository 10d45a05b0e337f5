package dev.dsrdesk.connector;

import dev.dsrdesk.fulfilment.EntityAction;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A system of an entity that holds personal data, and how the desk reaches it. Where an entity has stores, its
 * step runs by itself: the desk searches them, shows the entity a preview, and (where {@code confirmBefore} names
 * the action; erasure by default) waits for the entity's user to confirm before it changes anything.
 * Credentials come from the environment, never from the repository. Requesters read the store under its
 * {@code label} and its data categories under {@code categoryLabels}, per language; else under {@code name} and the
 * category as configured.
 */
public record DataStore(
        @NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") String id,
        @NotBlank String entity,
        @NotBlank String name,
        @NotNull ConnectorType type,
        List<EntityAction> confirmBefore,
        @Valid Jdbc jdbc,
        List<@Valid SqlTable> tables,
        @Valid Webhook webhook,
        @Valid Email email,
        Map<String, String> label,
        Map<String, Map<String, String>> categoryLabels) {

    public DataStore {
        confirmBefore = confirmBefore == null ? List.of(EntityAction.ERASE) : List.copyOf(confirmBefore);
        tables = tables == null ? List.of() : List.copyOf(tables);
        label = label == null ? Map.of() : Map.copyOf(label);
        categoryLabels = categoryLabels == null ? Map.of() : Map.copyOf(categoryLabels);
    }

    public enum ConnectorType {
        /** A relational database the desk reaches over JDBC. */
        SQL,
        /** A processor's API: a signed request, answered at once or later through a callback. */
        WEBHOOK,
        /** A processor without an API: a mail to its privacy contact with a link to a form to answer on. */
        EMAIL
    }

    /**
     * Where the store is; {@code connectWithin} (default ten seconds) is how long a step waits for a connection before
     * it fails and is retried.
     */
    public record Jdbc(@NotBlank String url, String username, String password, Duration connectWithin) {

        public Jdbc {
            connectWithin = connectWithin == null ? Duration.ofSeconds(10) : connectWithin;
        }

    }

    /**
     * A processor's privacy contact, written to with a link to answer on; reminded every {@code remindEvery}
     * (two days) and escalated to managers, and the step handed to the processor liaison, after
     * {@code answerWithin} (ten days).
     */
    public record Email(@NotBlank @jakarta.validation.constraints.Email String to, Duration answerWithin,
                        Duration remindEvery) {

        public Email {
            answerWithin = answerWithin == null ? Duration.ofDays(10) : answerWithin;
            remindEvery = remindEvery == null ? Duration.ofDays(2) : remindEvery;
        }
    }

    /**
     * A processor's endpoint and the shared secret both sides sign with (HMAC-SHA256). No answer within
     * {@code answerWithin} (default three days) hands the step to the processor liaison in Tasklist.
     */
    public record Webhook(@NotBlank String url, @NotBlank String secret, Duration answerWithin) {

        public Webhook {
            answerWithin = answerWithin == null ? Duration.ofDays(3) : answerWithin;
        }
    }
}
