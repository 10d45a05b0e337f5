package dev.dsrdesk.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsrdesk.fulfilment.EntityRecord;
import dev.dsrdesk.fulfilment.StepState;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * A processor's answer through its API, in the contract's words: {@code status} DONE or NO_DATA, {@code records}
 * as {category, field, value, source} for access and portability, {@code actionTaken} for the other actions.
 * Anything else is refused with the reason, so the processor can fix its call.
 */
record ApiAnswer(StepState status, List<EntityRecord> records, String actionTaken, String notes) {

    private static final int MAX_TEXT = 4000;

    static ApiAnswer parse(String body, ObjectMapper json) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (Exception e) {
            throw new Refused("the answer is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new Refused("the answer must be a JSON object {status, records?, actionTaken?, notes?}");
        }
        String status = text(root, "status");
        if (!"DONE".equals(status) && !"NO_DATA".equals(status)) {
            throw new Refused("status must be DONE or NO_DATA");
        }
        List<EntityRecord> records = new ArrayList<>();
        JsonNode items = root.get("records");
        if (items != null && !items.isNull()) {
            if (!items.isArray()) {
                throw new Refused("records must be an array of {category, field, value, source}");
            }
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i);
                List<String> values = new ArrayList<>();
                for (String field : List.of("category", "field", "value", "source")) {
                    String value = item.isObject() ? text(item, field) : null;
                    if (value == null || value.isBlank()) {
                        throw new Refused("records[" + i + "]." + field + " is required and must be text");
                    }
                    values.add(value);
                }
                records.add(new EntityRecord(values.get(0), values.get(1), values.get(2), values.get(3)));
            }
        }
        if ("NO_DATA".equals(status) && !records.isEmpty()) {
            throw new Refused("an answer of NO_DATA cannot carry records");
        }
        return new ApiAnswer(StepState.valueOf(status), records, bounded(root, "actionTaken"), bounded(root, "notes"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static String bounded(JsonNode node, String field) {
        String value = text(node, field);
        if (value != null && value.length() > MAX_TEXT) {
            throw new Refused(field + " must be at most " + MAX_TEXT + " characters");
        }
        return value;
    }

    /**
     * The answer as the API document states it (the webhook's 200 and the callback's body); {@link #parse} is what
     * holds a body to it, with the reasons it gives.
     */
    @Schema(name = "ProcessorAnswer", description = "The processor's answer: what it did, and for access and portability "
            + "the records it holds. Any other field is ignored.")
    record Contract(
            @Schema(description = "DONE: the action was carried out; NO_DATA: the processor holds nothing on the person",
                    allowableValues = {"DONE", "NO_DATA"}, requiredMode = Schema.RequiredMode.REQUIRED) String status,
            @Schema(description = "For EXPORT: every record found; none with NO_DATA") List<ContractRecord> records,
            @Schema(description = "For the other actions: what was done, in words the requester may read",
                    maxLength = MAX_TEXT, example = "Analytics profile deleted") String actionTaken,
            @Schema(description = "For the desk's people", maxLength = MAX_TEXT) String notes) {
    }

    @Schema(name = "ProcessorRecord", description = "One piece of the person's data; every field is required text.")
    record ContractRecord(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, example = "Web navigation data") String category,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, example = "client id") String field,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, example = "GA1.2.123456789.1700000000") String value,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, example = "Google Analytics") String source) {
    }

    /** The answer breaks the contract; the message says how. */
    static class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }
}
