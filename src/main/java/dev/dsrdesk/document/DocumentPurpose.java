package dev.dsrdesk.document;

/** Why a requester sent a document; staff see it, the audit trail records it (never the file's name or content). */
public enum DocumentPurpose {
    /** Evidence of the data subject's identity, answering an identity question of the desk. */
    IDENTITY_EVIDENCE("identity evidence"),
    /** The data subject's signed permission for an authorized agent to make the request (CCPA regulations § 7063). */
    AGENT_PERMISSION("agent permission");

    private final String forStaff;

    DocumentPurpose(String forStaff) {
        this.forStaff = forStaff;
    }

    /** How staff pages and task forms name it: "agent permission". */
    public String forStaff() {
        return forStaff;
    }
}
