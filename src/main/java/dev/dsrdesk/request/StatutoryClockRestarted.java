package dev.dsrdesk.request;

import java.time.LocalDate;

/**
 * Published when a request's statutory clock starts again, from verification ({@code clock-starts-at=VERIFICATION}) or
 * from the requester's answer to a question about their identity, with the new date, so that whatever was scheduled by the provisional one (the warning and breach timers) follows.
 */
public record StatutoryClockRestarted(String reference, LocalDate dueDate) {
}
