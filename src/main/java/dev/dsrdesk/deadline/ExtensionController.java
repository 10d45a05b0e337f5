package dev.dsrdesk.deadline;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Staff")
class ExtensionController {

    private final Extensions extensions;

    ExtensionController(Extensions extensions) {
        this.extensions = extensions;
    }

    @PostMapping("/api/requests/{reference}/extension")
    @Operation(operationId = "extendRequest", summary = "Give a request more time (GDPR Art. 12(3))",
            description = """
                    For privacy operators (group dpo). Extends the period by one or two further months, once per request \
                    and only within the first month; the requester is mailed the reasons and the new date at once. \
                    Where a stricter law applies, its own extension goes with it (the CCPA's 45 days); a request under \
                    a law that allows none (LGPD's 15 days for an access declaration) is refused.""")
    @SecurityRequirement(name = "staff")
    @ApiResponse(responseCode = "200", description = "Extended: the requester has been told the new date.")
    @ApiResponse(responseCode = "400", ref = "InvalidRequest")
    @ApiResponse(responseCode = "404", ref = "NoSuchRequest")
    @ApiResponse(responseCode = "409", description = "Refused: the request is closed, was extended already, its first month "
            + "has passed, or a law that applies allows no extension; `detail` says which.", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    ExtensionGranted extend(@Parameter(description = "The request's reference", example = "DSR-2026-000042") @PathVariable String reference,
                            @Valid @RequestBody ExtensionRequest extension,
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

    @Schema(description = "How much longer, and why: the requester reads the reason.")
    record ExtensionRequest(
            @Schema(description = "Further months: 1 or 2", example = "2")
            @NotNull(message = "is required: 1 or 2 further months") @Min(value = 1, message = "must be 1 or 2")
            @Max(value = 2, message = "must be 1 or 2: GDPR Art. 12(3) allows at most two further months") Integer months,
            @Schema(description = "The reasons, for the requester (GDPR Art. 12(3))",
                    example = "Five entities hold records in archives that need a manual search")
            @NotBlank(message = "is required: the requester is told why") @Size(max = 2000, message = "must be at most 2000 characters") String reason) {
    }

    record ExtensionGranted(String reference, @Schema(description = "The new due date") LocalDate extendedDueDate) {
    }
}
