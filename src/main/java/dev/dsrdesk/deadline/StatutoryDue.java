package dev.dsrdesk.deadline;

import java.time.LocalDate;
import java.util.List;

/** Every clock a request runs under, and the one that decides: the earliest. */
public record StatutoryDue(LocalDate dueDate, List<RegimeDeadline> regimes) {
}
