package dev.dsrdesk.verification;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** How long a requester has to prove they control the email address, and when we remind them. */
@Validated
@ConfigurationProperties(prefix = "dsr.verification")
public record VerificationSettings(@NotNull Duration linkValidity, @NotNull Duration reminderAfter) {

    public VerificationSettings {
        if (linkValidity != null && reminderAfter != null && reminderAfter.compareTo(linkValidity) >= 0) {
            throw new IllegalArgumentException("dsr.verification.reminder-after must be shorter than link-validity");
        }
    }
}
