package dev.dsrdesk.suppression;

import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The key that turns an email into the registry's identifier; without it a hash could be guessed from a list of emails. */
@Validated
@ConfigurationProperties(prefix = "dsr.suppression")
public record SuppressionSettings(@Size(min = 16, message = "must be at least 16 characters") String hashKey) {
}
