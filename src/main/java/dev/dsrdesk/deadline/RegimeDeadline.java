package dev.dsrdesk.deadline;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;

/**
 * When a regime's clock runs out for one request (and by when receipt must be confirmed, where it says so), and how
 * the date was reached. Requests kept before the desk recorded the reasoning have none.
 */
@Schema(description = "One law's deadline for the request.")
public record RegimeDeadline(@Schema(example = "GDPR") String regime, LocalDate dueDate,
                             @Schema(description = "By when receipt must be confirmed, where the law says so") LocalDate confirmBy,
                             @Schema(description = "The rule applied, in words",
                                     example = "GDPR Art. 12(3): one month from receipt, applied to every requester (policy §6)")
                             String basis,
                             DueDateReasoning reasoning) {
}
