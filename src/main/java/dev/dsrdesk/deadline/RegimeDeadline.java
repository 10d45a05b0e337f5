package dev.dsrdesk.deadline;

import java.time.LocalDate;

/** When a regime's clock runs out for one request (and by when receipt must be confirmed, where it says so). */
public record RegimeDeadline(String regime, LocalDate dueDate, LocalDate confirmBy, String basis) {
}
