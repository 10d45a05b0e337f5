package dev.dsrdesk.report;

import dev.dsrdesk.request.RequestType;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

/**
 * What the report needs of one request, and nothing personal: its right, where the requester lives, its dates in the
 * desk's time zone, how it ended and which entities were asked.
 *
 * @param dueDate the date the answer was due: the extended one where the period was extended, else the statutory one
 * @param closedOn the day it closed, or null while open
 */
record RequestFacts(RequestType type, String country, String region, LocalDate receivedOn, LocalDate dueDate,
                    boolean extended, LocalDate closedOn, Outcome outcome, RefusalReason refusalReason,
                    Set<String> entities) {

    /** A region where the intake recorded one (US-CA), else the country: the law that applies follows the finer one. */
    String jurisdiction() {
        return region != null && !region.isBlank() ? region : country;
    }

    boolean answered() {
        return outcome.isResponse() && closedOn != null;
    }

    /** Calendar days from receipt to the response (0 when answered the day it came). */
    Optional<Long> daysToAnswer() {
        return answered() ? Optional.of(ChronoUnit.DAYS.between(receivedOn, closedOn)) : Optional.empty();
    }

    /** Calendar days past the due date the response went out; 0 when on time. */
    Optional<Long> daysLate() {
        return answered() ? Optional.of(Math.max(0, ChronoUnit.DAYS.between(dueDate, closedOn))) : Optional.empty();
    }

    boolean inCalifornia() {
        return CcpaRight.CALIFORNIA.equals(region);
    }
}
