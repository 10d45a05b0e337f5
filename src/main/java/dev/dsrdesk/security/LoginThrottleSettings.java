package dev.dsrdesk.security;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How many wrong passwords one client address, and one user name, may send in a window before sign-ins are
 * refused until the window ends. At most a minute: the right password must work again soon after an attack.
 */
@Validated
@ConfigurationProperties(prefix = "dsr.login-throttle")
public record LoginThrottleSettings(
        @NotNull @DurationMax(minutes = 1) Duration window,
        @Min(1) int failuresPerAddress,
        @Min(1) int failuresPerUser) {
}
