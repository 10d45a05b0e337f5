package dev.dsrdesk.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * One entity's step of a request received in the period: when it opened, when it fell due in the entity's calendar,
 * when the entity answered.
 *
 * @param state the step's state as the desk stores it (OPEN, DONE, NO_DATA, WITHDRAWN)
 */
record StepFacts(String entity, String state, LocalDate openedOn, LocalDate dueDate, LocalDate answeredOn) {

    boolean answered() {
        return answeredOn != null && ("DONE".equals(state) || "NO_DATA".equals(state));
    }

    Optional<Long> daysLate() {
        return answered() && dueDate != null ? Optional.of(Math.max(0, ChronoUnit.DAYS.between(dueDate, answeredOn)))
                : Optional.empty();
    }

    Optional<Long> daysToAnswer() {
        return answered() && openedOn != null ? Optional.of(ChronoUnit.DAYS.between(openedOn, answeredOn)) : Optional.empty();
    }

    boolean openAndLate(LocalDate today) {
        return "OPEN".equals(state) && dueDate != null && dueDate.isBefore(today);
    }
}
