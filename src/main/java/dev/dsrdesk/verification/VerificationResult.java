package dev.dsrdesk.verification;

/** What the requester sees after pressing confirm, in the language stored with the request. */
public record VerificationResult(boolean verified, String reference, String language) {

    static VerificationResult verified(String reference, String language) {
        return new VerificationResult(true, reference, language);
    }

    static VerificationResult invalid() {
        return new VerificationResult(false, null, null);
    }
}
