package dev.dsrdesk.verification;

/** What the requester sees after pressing confirm. */
public record VerificationResult(boolean verified, String reference) {

    static VerificationResult verified(String reference) {
        return new VerificationResult(true, reference);
    }

    static VerificationResult invalid() {
        return new VerificationResult(false, null);
    }
}
