package dev.dsrdesk.fulfilment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsrdesk.process.TaskInput;
import java.util.ArrayList;
import java.util.List;

/** An entity's answer to its step, checked against what the contract allows for the action. */
record EntityAnswer(StepState outcome, String notes, List<EntityRecord> records, ActionReport report) {

    static final int MAX_NOTES = 4000;
    private static final List<String> RECORD_FIELDS = List.of("category", "field", "value", "source");

    static EntityAnswer read(TaskInput input, EntityAction action, ObjectMapper json) {
        StepState outcome = input.requiredChoice("outcome", Outcome.class).state;
        String notes = input.text("notes", MAX_NOTES);
        String recordsText = input.text("records", 1_000_000);
        List<EntityRecord> records = recordsText == null ? List.of() : parseRecords(input, recordsText, json);
        if (action != EntityAction.EXPORT && !records.isEmpty()) {
            throw input.refusal("records", "are only given for access and portability requests (action EXPORT)");
        }
        if (action == EntityAction.EXPORT && outcome == StepState.DONE && records.isEmpty()) {
            throw input.refusal("records", "are required when data was found: a JSON array of "
                    + "{category, field, value, source}; answer NO_DATA when nothing was found");
        }
        if (outcome == StepState.NO_DATA && !records.isEmpty()) {
            throw input.refusal("records", "cannot come with the outcome NO_DATA");
        }
        return new EntityAnswer(outcome, notes, records, ActionReport.read(input, action, outcome));
    }

    private static List<EntityRecord> parseRecords(TaskInput input, String text, ObjectMapper json) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw input.refusal("records", "are not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + "): expected an array of {category, field, value, source}");
        }
        if (root == null || !root.isArray()) {
            throw input.refusal("records", "must be a JSON array of {category, field, value, source}");
        }
        List<EntityRecord> records = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode item = root.get(i);
            if (!item.isObject()) {
                throw input.refusal("records", "entry " + (i + 1) + " must be an object {category, field, value, source}");
            }
            for (String field : RECORD_FIELDS) {
                JsonNode value = item.get(field);
                if (value == null || !value.isTextual() || value.asText().isBlank()) {
                    throw input.refusal("records", "entry " + (i + 1) + ": " + field + " is required and must be text");
                }
            }
            records.add(new EntityRecord(item.get("category").asText(), item.get("field").asText(),
                    item.get("value").asText(), item.get("source").asText()));
        }
        return records;
    }

    /** The outcomes of the contract, by their contract names. */
    enum Outcome {
        DONE(StepState.DONE),
        NO_DATA(StepState.NO_DATA);

        private final StepState state;

        Outcome(StepState state) {
            this.state = state;
        }
    }
}
