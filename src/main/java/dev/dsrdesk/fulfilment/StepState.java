package dev.dsrdesk.fulfilment;

/** An entity's step: still open, done, or done with nothing found. */
public enum StepState {
    OPEN,
    DONE,
    NO_DATA
}
