package dev.dsrdesk.report;

import dev.dsrdesk.request.RequestType;

/** The rights in the words of the policy's § 6, with their article, for people reading the report. */
final class RightLabels {

    private RightLabels() {
    }

    static String of(RequestType type) {
        return switch (type) {
            case ACCESS -> "Access (Art. 15)";
            case RECTIFICATION -> "Rectification (Art. 16)";
            case ERASURE -> "Erasure (Art. 17)";
            case RESTRICTION -> "Restriction (Art. 18)";
            case PORTABILITY -> "Portability (Art. 20)";
            case OBJECTION -> "Objection (Art. 21)";
            case WITHDRAW_CONSENT -> "Consent withdrawal (Art. 7(3))";
        };
    }

    /** A short word for chart legends. */
    static String shortOf(RequestType type) {
        return switch (type) {
            case ACCESS -> "Access";
            case RECTIFICATION -> "Rectification";
            case ERASURE -> "Erasure";
            case RESTRICTION -> "Restriction";
            case PORTABILITY -> "Portability";
            case OBJECTION -> "Objection";
            case WITHDRAW_CONSENT -> "Consent withdrawal";
        };
    }
}
