package dev.dsrdesk.deadline;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Operators extend a request's period, with the reasons the requester will read. */
@RestController
class ExtensionController {

    private final Extensions extensions;

    ExtensionController(Extensions extensions) {
        this.extensions = extensions;
    }

    @PostMapping("/api/requests/{reference}/extension")
    ExtensionGranted extend(@PathVariable String reference, @Valid @RequestBody ExtensionRequest extension,
                            Authentication operator) {
        return new ExtensionGranted(reference,
                extensions.extend(reference, extension.months(), extension.reason().strip(), operator.getName()));
    }

    @ExceptionHandler(StatutoryCalendar.ExtensionRefused.class)
    ProblemDetail refused(StatutoryCalendar.ExtensionRefused refusal) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, refusal.getMessage());
        problem.setTitle("Extension refused");
        return problem;
    }

    record ExtensionRequest(
            @NotNull(message = "is required: 1 or 2 further months") @Min(value = 1, message = "must be 1 or 2")
            @Max(value = 2, message = "must be 1 or 2: GDPR Art. 12(3) allows at most two further months") Integer months,
            @NotBlank(message = "is required: the requester is told why") @Size(max = 2000, message = "must be at most 2000 characters") String reason) {
    }

    record ExtensionGranted(String reference, LocalDate extendedDueDate) {
    }
}
