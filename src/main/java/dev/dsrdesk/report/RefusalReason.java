package dev.dsrdesk.report;

/**
 * Why a request was refused, from what the audit trail records of the decision (its event types and the triage
 * decision), never from the reasons an operator typed for the requester.
 */
public enum RefusalReason {
    /** Triage rejected it as manifestly unfounded or excessive (GDPR Art. 12(5)); event TRIAGED with REJECT. */
    MANIFESTLY_UNFOUNDED_OR_EXCESSIVE("manifestly unfounded or excessive"),
    /** The operator's identity review could not establish who asks (Art. 12(6)); event IDENTITY_NOT_ESTABLISHED. */
    IDENTITY_NOT_ESTABLISHED("identity not established"),
    /** The agent's signed permission was refused; event AGENT_PERMISSION_REFUSED. */
    AGENT_PERMISSION_REFUSED("agent's permission refused"),
    /** A refusal whose trail holds none of the above (e.g. records from before the trail recorded decisions). */
    NOT_RECORDED("reason not recorded");

    private final String label;

    RefusalReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String csvColumn() {
        return "refused_" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
