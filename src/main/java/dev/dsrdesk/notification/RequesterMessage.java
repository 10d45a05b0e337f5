package dev.dsrdesk.notification;

/** Every kind of message a requester receives; each has a template in {@code mail/} and a subject in the bundle. */
public enum RequesterMessage {
    ACKNOWLEDGEMENT("acknowledgement"),
    VERIFICATION_LINK("verification-link"),
    VERIFICATION_REMINDER("verification-reminder"),
    CLOSED_UNVERIFIED("closed-unverified"),
    REJECTION("rejection"),
    IDENTITY_REFUSAL("identity-refusal"),
    /** A request an agent made for the data subject is closed: the operator did not accept the agent's permission. */
    PERMISSION_REFUSAL("permission-refusal"),
    LINKED("linked"),
    EXTENSION("extension"),
    CLOSURE("closure"),
    QUESTION("question"),
    QUESTION_REMINDER("question-reminder"),
    CLOSED_UNANSWERED("closed-unanswered"),
    WITHDRAWN("withdrawn"),
    FRESH_DOWNLOAD_LINK("fresh-download-link");

    private final String templateName;

    RequesterMessage(String templateName) {
        this.templateName = templateName;
    }

    String templateName() {
        return templateName;
    }

    String subjectKey() {
        return "mail." + templateName + ".subject";
    }
}
