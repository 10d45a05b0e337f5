package dev.dsrdesk.request;

/** The rights a data subject can exercise (GDPR Arts. 15-21 and 7(3)); the policy's §6 lists them all. */
public enum RequestType {
    ACCESS,
    RECTIFICATION,
    ERASURE,
    RESTRICTION,
    PORTABILITY,
    OBJECTION,
    WITHDRAW_CONSENT;

    /** The answer carries the requester's data (Art. 15 report, Art. 20 package): it travels only behind a download link. */
    public boolean deliversPersonalData() {
        return this == ACCESS || this == PORTABILITY;
    }
}
