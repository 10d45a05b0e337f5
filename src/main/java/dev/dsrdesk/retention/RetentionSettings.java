package dev.dsrdesk.retention;

import jakarta.validation.constraints.NotNull;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long a closed request keeps the requester's personal data as evidence of compliance (privacy policy
 * section 5: "to the extent necessary to comply with our legal obligations, resolve disputes").
 */
@Validated
@ConfigurationProperties(prefix = "dsr.retention")
public record RetentionSettings(@NotNull Period keepClosedRequests) {
}
