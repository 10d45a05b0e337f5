package dev.dsrdesk.connector;

import dev.dsrdesk.fulfilment.EntityRecord;
import java.util.List;

/** What one store holds about the subject: rows per table and the records they make up. */
record StoreFindings(String storeId, String storeName, List<TableCount> rows, List<EntityRecord> records) {

    long rowCount() {
        return rows.stream().mapToLong(TableCount::rows).sum();
    }

    record TableCount(String table, int rows) {
    }
}
