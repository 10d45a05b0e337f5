package dev.dsrdesk.security;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How often one client address, and one email address, may use the public endpoints; and how many fresh download
 * links one request's page may ask for, per window.
 */
@Validated
@ConfigurationProperties(prefix = "dsr.rate-limits")
public record RateLimitSettings(
        @NotNull Duration window,
        @Min(1) int intakePerAddress,
        @Min(1) int intakePerEmail,
        @Min(1) int linksPerAddress,
        @Min(1) int freshDownloadLinksPerRequest) {
}
