package dev.dsrdesk.triage;

/** The operator's triage decision (contract variable {@code decision}). */
enum Decision {
    ACCEPT,
    /** Manifestly unfounded or excessive, GDPR Art. 12(5); the requester is told why and where to complain. */
    REJECT
}
