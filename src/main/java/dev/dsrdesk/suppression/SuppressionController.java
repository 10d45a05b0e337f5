package dev.dsrdesk.suppression;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** For marketing and analytics, through staff credentials: may we contact or track this address? Yes/no and since when. */
@RestController
class SuppressionController {

    private final SuppressionRegistry registry;

    SuppressionController(SuppressionRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/api/suppressions")
    SuppressionAnswer check(@RequestParam @NotBlank @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+") String email) {
        return registry.suppressedSince(email)
                .map(since -> new SuppressionAnswer(true, since))
                .orElse(new SuppressionAnswer(false, null));
    }

    record SuppressionAnswer(boolean suppressed, Instant since) {
    }
}
