package dev.dsrdesk.fulfilment;

/** What an entity must do for a request; the routing decision (processes/entity-action.dmn) picks one. */
public enum EntityAction {
    EXPORT,
    RECTIFY,
    ERASE,
    RESTRICT,
    STOP_PROCESSING,
    RECORD_CONSENT_WITHDRAWAL
}
