package dev.dsrdesk.deadline;

import java.time.Period;

/**
 * One statutory clock, as the decision statutory-deadlines states it: how long (a period, or a number of business
 * days in the rule's calendar, as the CCPA's 15 business days to honour an opt-out), whether the last day
 * moves to a working day (Regulation 1182/71 Art. 3(4), as the EDPB reads it for GDPR Art. 12(3); Código Civil
 * art. 132 § 1 for LGPD), how soon receipt must be confirmed, how far the period may be extended with notice, and
 * the calendar (one of {@code dsr.deadlines.calendars}) whose working days the clock counts, and whether the period
 * runs from receipt whatever verification takes (CCPA regulations § 7021(b), LGPD Art. 19) or follows the desk's clock
 * (it may start when identity is established, and stands still while the desk waits for proof of identity).
 */
public record RegimeRule(String regime, Period answerPeriod, Integer answerWithinBusinessDays, boolean endsOnWorkingDay, Integer confirmWithinBusinessDays,
                         Period maxExtension, String calendar, boolean runsFromReceipt, String basis) {

    public RegimeRule {
        if ((answerPeriod == null) == (answerWithinBusinessDays == null)) {
            throw new IllegalArgumentException("the decision statutory-deadlines gives " + regime + " either an answer period or "
                    + "a number of business days, not " + (answerPeriod == null ? "neither" : "both"));
        }
        if (answerWithinBusinessDays != null && (maxExtension != null || confirmWithinBusinessDays != null)) {
            throw new IllegalArgumentException("the decision statutory-deadlines gives " + regime + " a period in business days "
                    + "with an extension or a receipt to confirm, which the desk does not count for such a period");
        }
    }
}
