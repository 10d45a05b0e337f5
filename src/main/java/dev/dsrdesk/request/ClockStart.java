package dev.dsrdesk.request;

import java.time.Instant;

/**
 * When and why a request's statutory clock starts: at receipt, again when identity is established (where the desk is
 * configured so), or again at the requester's answer to a question about identity, after a pause that began at
 * {@code pausedSince}. The receipt goes along: a law whose period runs from receipt whatever verification takes (the
 * CCPA's, LGPD's) keeps counting from it. The deadline feature says it back in words beside the date it computes.
 */
public record ClockStart(Instant at, Event event, Instant pausedSince, Instant receivedAt) {

    public enum Event { RECEIPT, IDENTITY_ESTABLISHED, ANSWER_RECEIVED }

    public static ClockStart receipt(Instant receivedAt) {
        return new ClockStart(receivedAt, Event.RECEIPT, null, receivedAt);
    }

    public static ClockStart identityEstablished(Instant verifiedAt, Instant receivedAt) {
        return new ClockStart(verifiedAt, Event.IDENTITY_ESTABLISHED, null, receivedAt);
    }

    public static ClockStart answerReceived(Instant answeredAt, Instant pausedSince, Instant receivedAt) {
        return new ClockStart(answeredAt, Event.ANSWER_RECEIVED, pausedSince, receivedAt);
    }
}
