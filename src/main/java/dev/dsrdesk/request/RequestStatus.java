package dev.dsrdesk.request;

import java.util.Arrays;
import java.util.List;

/** Where a request stands in its lifecycle, as shown to staff and kept after the process ends. */
public enum RequestStatus {
    AWAITING_VERIFICATION,
    AWAITING_IDENTITY_REVIEW,
    LINKED_TO_OPEN_REQUEST,
    IN_TRIAGE,
    IN_FULFILMENT,
    IN_REVIEW,
    /** The desk asked the requester a question and waits for the answer (GDPR Art. 12(2), 12(6)). */
    AWAITING_REQUESTER,
    CLOSED,
    REJECTED,
    CLOSED_UNVERIFIED,
    CLOSED_AS_DUPLICATE,
    /** The requester withdrew the request before it was answered. */
    WITHDRAWN,
    /** The requester did not answer the desk's question in time. */
    CLOSED_UNANSWERED;

    /** Every status that ends a request. */
    public static List<RequestStatus> finalStatuses() {
        return Arrays.stream(values()).filter(RequestStatus::isFinal).toList();
    }

    public boolean isFinal() {
        return this == CLOSED || this == REJECTED || this == CLOSED_UNVERIFIED || this == CLOSED_AS_DUPLICATE
                || this == WITHDRAWN || this == CLOSED_UNANSWERED;
    }
}
