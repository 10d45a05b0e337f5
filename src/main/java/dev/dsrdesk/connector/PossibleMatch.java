package dev.dsrdesk.connector;

import dev.dsrdesk.fulfilment.EntityRecord;
import java.util.List;

/**
 * A row that matched only an identifier the desk has not verified (a typed phone number): it may be another person's.
 * The desk never acts on it by itself; the entity's person sees which identifier matched and the row's own email,
 * masked, and may include it. {@code key} is the row's value in the table's key column, as text (absent where none is
 * configured: such a row can only be left out). The records stay in memory, for an included row's export.
 */
record PossibleMatch(String storeId, String storeName, String table, String key, String matchedOn, String maskedEmail,
                     List<EntityRecord> records) {

    /** The same row, as kept on the step: where it is and why it is only possible, never its values. */
    PossibleMatchRef ref() {
        return new PossibleMatchRef(storeId, table, key, matchedOn, maskedEmail, storeName);
    }

    /** A possible match as the step keeps it between the search and the action. */
    record PossibleMatchRef(String storeId, String table, String key, String matchedOn, String maskedEmail, String storeName) {

        boolean includable() {
            return key != null;
        }

        boolean sameRow(PossibleMatch match) {
            return storeId.equals(match.storeId()) && table.equals(match.table()) && key != null && key.equals(match.key());
        }
    }
}
