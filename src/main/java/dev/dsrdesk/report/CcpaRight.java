package dev.dsrdesk.report;

import dev.dsrdesk.request.RequestType;
import java.util.Set;

/**
 * The four kinds of request CCPA Regulations § 7102(a)(1) asks a business to count, and the desk's rights each one
 * covers. Restriction has no CCPA counterpart among the four (the right to limit sensitive personal information is
 * not one of them) and is not counted.
 */
public enum CcpaRight {
    /** Right to know (Civ. Code 1798.110, .115): an Art. 15 access report or an Art. 20 portable copy. */
    KNOW("Requests to know", Set.of(RequestType.ACCESS, RequestType.PORTABILITY)),
    DELETE("Requests to delete", Set.of(RequestType.ERASURE)),
    CORRECT("Requests to correct", Set.of(RequestType.RECTIFICATION)),
    /** Opt-out of sale or sharing (1798.120): the desk's objection (to direct marketing) and consent withdrawal. */
    OPT_OUT("Requests to opt out of sale or sharing", Set.of(RequestType.OBJECTION, RequestType.WITHDRAW_CONSENT));

    /** California residents, as the intake records them (ISO 3166-2). */
    static final String CALIFORNIA = "US-CA";

    private final String label;
    private final Set<RequestType> types;

    CcpaRight(String label, Set<RequestType> types) {
        this.label = label;
        this.types = types;
    }

    public String label() {
        return label;
    }

    public Set<RequestType> types() {
        return types;
    }
}
