package dev.dsrdesk.question;

import dev.dsrdesk.request.RequestStatus;

/** The task that asked the requester a question, and where the request stands again once the answer is in. */
public enum AskedAt {
    TRIAGE(RequestStatus.IN_TRIAGE),
    IDENTITY_REVIEW(RequestStatus.AWAITING_IDENTITY_REVIEW),
    REVISION(RequestStatus.IN_REVIEW);

    private final RequestStatus statusWhenAnswered;

    AskedAt(RequestStatus statusWhenAnswered) {
        this.statusWhenAnswered = statusWhenAnswered;
    }

    RequestStatus statusWhenAnswered() {
        return statusWhenAnswered;
    }
}
