package dev.dsrdesk.request;

import java.time.Instant;

/** How and when a request reached the desk, and who entered it when it was not the requester. */
public record Receipt(RequestChannel channel, Instant receivedAt, String enteredBy) {

    public static Receipt selfService(Instant now) {
        return new Receipt(RequestChannel.SELF_SERVICE, now, null);
    }
}
