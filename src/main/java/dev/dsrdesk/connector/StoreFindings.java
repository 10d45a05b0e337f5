package dev.dsrdesk.connector;

import dev.dsrdesk.fulfilment.EntityRecord;
import java.util.List;

/**
 * What one store holds about the subject: the rows found by a verified identifier per table and the records they make
 * up, and apart from them the rows found only by an identifier nobody verified. Store and tables under the names
 * their reader reads.
 */
record StoreFindings(String storeId, String storeName, List<TableCount> rows, List<EntityRecord> records,
                     List<PossibleMatch> possibleMatches) {

    long rowCount() {
        return rows.stream().mapToLong(TableCount::rows).sum();
    }

    record TableCount(String table, int rows) {
    }
}
