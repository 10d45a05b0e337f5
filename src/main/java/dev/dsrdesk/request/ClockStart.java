package dev.dsrdesk.request;

import java.time.Instant;

/**
 * When and why a request's statutory clock starts: at receipt, again when identity is established (where the desk is
 * configured so), or again at the requester's answer to a question about identity, after a pause that began at
 * {@code pausedSince}. The deadline feature says it back in words beside the date it computes.
 */
public record ClockStart(Instant at, Event event, Instant pausedSince) {

    public enum Event { RECEIPT, IDENTITY_ESTABLISHED, ANSWER_RECEIVED }

    public static ClockStart receipt(Instant receivedAt) {
        return new ClockStart(receivedAt, Event.RECEIPT, null);
    }

    public static ClockStart identityEstablished(Instant verifiedAt) {
        return new ClockStart(verifiedAt, Event.IDENTITY_ESTABLISHED, null);
    }

    public static ClockStart answerReceived(Instant answeredAt, Instant pausedSince) {
        return new ClockStart(answeredAt, Event.ANSWER_RECEIVED, pausedSince);
    }
}
