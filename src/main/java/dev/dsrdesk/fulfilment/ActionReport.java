package dev.dsrdesk.fulfilment;

import dev.dsrdesk.process.TaskInput;
import java.util.EnumSet;
import java.util.Set;

/**
 * What an entity reports having done, by action: what was erased and what was kept under a legal
 * obligation (Art. 17(3)), the value before and after a correction (Art. 16), what was restricted or
 * stopped, and further recipients it informed (Art. 19). Categories and systems, not the data itself.
 */
public record ActionReport(String actionTaken, String retained, String retentionReason, String valueBefore,
                           String valueAfter, String recipientsNotified) {

    static final int MAX_TEXT = 4000;

    private static final Set<EntityAction> ACTION_TAKEN = EnumSet.of(EntityAction.ERASE, EntityAction.RESTRICT,
            EntityAction.STOP_PROCESSING, EntityAction.STOP_DIRECT_MARKETING, EntityAction.RECORD_CONSENT_WITHDRAWAL);
    private static final Set<EntityAction> NOTIFIES_RECIPIENTS =
            EnumSet.of(EntityAction.ERASE, EntityAction.RECTIFY, EntityAction.RESTRICT);

    /** Nothing to report beyond the records (an export). */
    public static ActionReport none() {
        return new ActionReport(null, null, null, null, null, null);
    }

    /** What a connector did, in words; null when it did nothing. */
    public static ActionReport taken(String actionTaken) {
        return new ActionReport(actionTaken, null, null, null, null, null);
    }

    static ActionReport read(TaskInput input, EntityAction action, StepState outcome) {
        String actionTaken = only(input, "actionTaken", ACTION_TAKEN, action);
        String retained = only(input, "retained", EnumSet.of(EntityAction.ERASE), action);
        String retentionReason = only(input, "retentionReason", EnumSet.of(EntityAction.ERASE), action);
        String before = only(input, "valueBefore", EnumSet.of(EntityAction.RECTIFY), action);
        String after = only(input, "valueAfter", EnumSet.of(EntityAction.RECTIFY), action);
        String recipients = only(input, "recipientsNotified", NOTIFIES_RECIPIENTS, action);
        if (outcome == StepState.DONE) {
            if (ACTION_TAKEN.contains(action) && actionTaken == null) {
                throw input.refusal("actionTaken", "is required: say what was "
                        + (action == EntityAction.ERASE ? "erased or anonymised" : "done") + ", by category and system");
            }
            if (action == EntityAction.RECTIFY && (before == null || after == null)) {
                String missing = before == null ? "valueBefore" : "valueAfter";
                throw input.refusal(missing, "is required for a rectification (" + input.label("valueBefore") + " and "
                        + input.label("valueAfter") + ": what was wrong and what it is now)");
            }
        }
        if (retained != null && retentionReason == null) {
            throw input.refusal("retentionReason", "is required when data was kept: name the legal obligation (GDPR Art. 17(3))");
        }
        return new ActionReport(actionTaken, retained, retentionReason, before, after, recipients);
    }

    private static String only(TaskInput input, String field, Set<EntityAction> allowedFor, EntityAction action) {
        String value = input.text(field, MAX_TEXT);
        if (value != null && !allowedFor.contains(action)) {
            throw input.refusal(field, "does not apply to the action " + action);
        }
        return value;
    }
}
