package dev.dsrdesk.deadline;

import jakarta.validation.constraints.NotNull;
import java.time.Period;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long each party has. The statutory period is GDPR Art. 12(3)'s month; the others are the
 * desk's internal targets, kept well inside it. Calendar days are counted in {@code zone}.
 */
@Validated
@ConfigurationProperties(prefix = "dsr.deadlines")
public record DeadlineSettings(
        @NotNull ZoneId zone,
        @NotNull Period statutoryPeriod,
        @NotNull Period entityStepPeriod,
        @NotNull Period triagePeriod,
        @NotNull Period reviewPeriod) {
}
