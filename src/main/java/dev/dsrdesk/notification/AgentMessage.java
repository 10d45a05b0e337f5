package dev.dsrdesk.notification;

/**
 * The mails an authorized agent receives about a request they made on someone's behalf: where it stands, never the data
 * subject's data or name (the agent's address is what the agent typed; nobody verified it). Each has a template in
 * {@code mail/} and a subject in the bundle.
 */
public enum AgentMessage {
    /** The request is received; the data subject will be asked to confirm it. */
    ACKNOWLEDGEMENT("agent-acknowledgement"),
    /** The operator did not accept the permission: the request is closed, with the reasons (the data subject gets them too). */
    PERMISSION_REFUSAL("agent-permission-refusal"),
    /** The request ended (answered, refused, unconfirmed, answered with another); the answer went to the data subject. */
    STATUS("agent-status");

    private final String templateName;

    AgentMessage(String templateName) {
        this.templateName = templateName;
    }

    String templateName() {
        return templateName;
    }

    String subjectKey() {
        return "mail." + templateName + ".subject";
    }
}
