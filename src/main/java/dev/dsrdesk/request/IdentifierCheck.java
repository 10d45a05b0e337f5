package dev.dsrdesk.request;

/** How the desk verified one of the requester's identifiers. */
public enum IdentifierCheck {
    /** The requester confirmed the link mailed to this address. */
    EMAIL_LINK,
    /** An operator's identity review recorded this identifier as checked against the evidence. */
    OPERATOR_REVIEW
}
