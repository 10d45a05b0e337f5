package dev.dsrdesk.request;

/** How a request reached the desk; it decides how the requester's identity is verified. */
public enum RequestChannel {
    /** The public page or the API: the requester proves control of the email address by a link. */
    SELF_SERVICE,
    /** Entered by an operator from an email to the privacy desk, a letter, a call or a visit: an operator checks identity. */
    EMAIL,
    POST,
    PHONE,
    IN_PERSON;

    public boolean isStaffEntered() {
        return this != SELF_SERVICE;
    }
}
