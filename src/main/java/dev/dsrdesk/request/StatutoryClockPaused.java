package dev.dsrdesk.request;

/**
 * Published when a request's statutory clock stops, waiting for the requester's answer about their identity, so that
 * whatever the running clock scheduled (the warning and breach timers) waits too, until {@link StatutoryClockRestarted}.
 */
public record StatutoryClockPaused(String reference) {
}
