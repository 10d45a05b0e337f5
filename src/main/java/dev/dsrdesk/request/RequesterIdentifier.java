package dev.dsrdesk.request;

/**
 * An identifier the requester gave (their email, their phone) and whether the desk verified it. Only a verified one
 * is a key for the desk's own search, export or change; an unverified one is a hint for a person.
 */
public record RequesterIdentifier(Kind kind, String value, IdentifierCheck checkedBy) {

    public enum Kind {
        EMAIL,
        PHONE
    }

    public boolean verified() {
        return checkedBy != null;
    }

    /** For staff: "email ada@example.org: verified (the requester confirmed the emailed link)". */
    public String forStaff() {
        String how = switch (checkedBy == null ? "none" : checkedBy.name()) {
            case "EMAIL_LINK" -> "verified (the requester confirmed the emailed link)";
            case "OPERATOR_REVIEW" -> "verified (checked in the operator's identity review)";
            default -> "not verified";
        };
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + value + ": " + how;
    }
}
