package dev.dsrdesk.response;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** How long a requester's download link works. */
@Validated
@ConfigurationProperties(prefix = "dsr.delivery")
public record DeliverySettings(@NotNull Duration linkValidity) {
}
