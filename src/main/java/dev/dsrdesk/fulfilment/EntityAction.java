package dev.dsrdesk.fulfilment;

/** What an entity must do for a request; the routing decision (processes/entity-routing.dmn) picks one. */
public enum EntityAction {
    EXPORT,
    RECTIFY,
    ERASE,
    RESTRICT,
    STOP_PROCESSING,
    STOP_DIRECT_MARKETING,
    RECORD_CONSENT_WITHDRAWAL
}
