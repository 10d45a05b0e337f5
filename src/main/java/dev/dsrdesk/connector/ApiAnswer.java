package dev.dsrdesk.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsrdesk.fulfilment.EntityRecord;
import dev.dsrdesk.fulfilment.StepState;
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

    /** The answer breaks the contract; the message says how. */
    static class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }
}
