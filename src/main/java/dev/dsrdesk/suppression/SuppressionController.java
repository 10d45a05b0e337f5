package dev.dsrdesk.suppression;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** For marketing and analytics, through staff credentials: may we contact or track this address? Yes/no and since when. */
@RestController
@Tag(name = "Suppression")
class SuppressionController {

    private final SuppressionRegistry registry;

    SuppressionController(SuppressionRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/api/suppressions")
    @Operation(operationId = "checkSuppression", summary = "May we contact or track this person?",
            description = """
                    For marketing and analytics, with the credentials of an operator (group dpo) or manager (group \
                    managers): whether the email address is in the suppression registry, because its owner objected or \
                    withdrew consent through an answered request, and since when. Ask before contacting or tracking \
                    anyone. The registry keeps no address, only a keyed hash of it.""")
    @SecurityRequirement(name = "staff")
    @ApiResponse(responseCode = "200", description = "Suppressed or not, and since when.")
    @ApiResponse(responseCode = "400", ref = "InvalidRequest")
    SuppressionAnswer check(@Parameter(description = "The address to look up, as the person gave it (compared trimmed and "
                                    + "in any case)", example = "maria.rossi@example.com") @RequestParam @NotBlank @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+") String email) {
        return registry.suppressedSince(email)
                .map(since -> new SuppressionAnswer(true, since))
                .orElse(new SuppressionAnswer(false, null));
    }

    record SuppressionAnswer(@Schema(description = "Whether the person may not be contacted or tracked") boolean suppressed,
                             @Schema(description = "Since when; absent when not suppressed") Instant since) {
    }
}
