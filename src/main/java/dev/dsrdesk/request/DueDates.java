package dev.dsrdesk.request;

import java.time.LocalDate;

/**
 * When the law says a request must be answered, as the deadline feature works it out; asked whenever a request's
 * clock starts. The request keeps the answer; the rules and calendars stay with the deadline feature.
 */
public interface DueDates {

    /** The statutory date of a request of this type from this place whose clock starts at {@code clockStart}. */
    Due due(String country, String region, RequestType type, ClockStart clockStart);

    /**
     * The dates again when the clock starts anew ({@code clockStart}) on a request whose clocks are {@code regimes}:
     * an extension already granted is granted again from the new start, so no date is left behind.
     */
    Due restart(String country, String region, RequestType type, ClockStart clockStart, String regimes);

    /**
     * Whether every clock of such a request may stand still while the desk waits for proof of identity: not where a
     * law's period runs from receipt whatever verification takes (the CCPA's, LGPD's).
     */
    boolean clockCanStandStill(String country, String region, RequestType type);

    /** Whether the clock starts when the requester's identity is verified rather than at receipt. */
    boolean clockStartsAtVerification();

    /**
     * The date that decides without an extension, the extended date where one was granted (else null), and every
     * regime behind them as the request keeps them (JSON).
     */
    record Due(LocalDate date, LocalDate extendedDate, String regimes) {
    }
}
