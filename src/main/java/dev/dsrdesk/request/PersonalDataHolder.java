package dev.dsrdesk.request;

import java.time.Instant;
import java.util.Set;

/**
 * A feature that keeps a requester's personal data in its own tables erases it when the request's retention period
 * ends. The retention purge asks every holder, in one transaction per request; each names the columns it erases, so
 * that a test can tell a column nobody erases from one that holds no personal data.
 */
public interface PersonalDataHolder {

    /** The columns ("table.column") of this feature's tables that hold a requester's personal data. */
    Set<String> personalDataColumns();

    /** Deletes or blanks this request's personal data in the feature's own tables. */
    void erasePersonalData(ExpiredRequest request);

    /** The request being purged, as it was before any holder erased anything. */
    record ExpiredRequest(long id, String reference, String email, Instant purgedAt) {
    }
}
