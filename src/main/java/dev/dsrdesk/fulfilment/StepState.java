package dev.dsrdesk.fulfilment;

/** An entity's part of a request: not asked, still open, done, done with nothing found, or stopped by a withdrawal. */
public enum StepState {
    NOT_INVOLVED,
    OPEN,
    DONE,
    NO_DATA,
    WITHDRAWN
}
