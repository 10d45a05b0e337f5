package dev.dsrdesk.fulfilment;

/** An entity's part of a request: not asked, still open, done, or done with nothing found. */
public enum StepState {
    NOT_INVOLVED,
    OPEN,
    DONE,
    NO_DATA
}
