package dev.dsrdesk.report;

import dev.dsrdesk.request.RequestStatus;

/**
 * How a request ended, as the report counts it: every request received in the period has exactly one outcome, so the
 * columns of a row add up to its "received".
 */
public enum Outcome {
    /** Closed after the review with every entity's answer, nothing kept back. */
    ANSWERED_IN_FULL("answered in full"),
    /** Closed after the review, but at least one entity kept data it was asked to erase (GDPR Art. 17(3)). */
    ANSWERED_IN_PART("answered in part"),
    /** Refused: at triage (Art. 12(5)), or because identity or an agent's permission was not established. */
    REFUSED("refused"),
    WITHDRAWN("withdrawn"),
    /** The requester never confirmed the verification link within its window. */
    UNVERIFIED("unverified"),
    /** The requester did not answer the desk's question in time. */
    CLOSED_UNANSWERED("closed unanswered"),
    /** Answered with the open request it duplicated (counted there). */
    CLOSED_AS_DUPLICATE("closed as duplicate"),
    OPEN("still open");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The final statuses are the desk's; what tells "in full" from "in part" is whether an entity kept data. */
    static Outcome of(RequestStatus status, boolean dataRetained) {
        return switch (status) {
            case CLOSED -> dataRetained ? ANSWERED_IN_PART : ANSWERED_IN_FULL;
            case REJECTED -> REFUSED;
            case WITHDRAWN -> WITHDRAWN;
            case CLOSED_UNVERIFIED -> UNVERIFIED;
            case CLOSED_UNANSWERED -> CLOSED_UNANSWERED;
            case CLOSED_AS_DUPLICATE -> CLOSED_AS_DUPLICATE;
            default -> OPEN;
        };
    }

    /** A response went out: the answer, or the refusal with its reasons (GDPR Art. 12(3) and 12(4) time both). */
    public boolean isResponse() {
        return this == ANSWERED_IN_FULL || this == ANSWERED_IN_PART || this == REFUSED;
    }
}
