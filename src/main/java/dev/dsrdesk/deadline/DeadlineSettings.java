package dev.dsrdesk.deadline;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long each party has inside the statutory clocks (which come from processes/statutory-deadlines.dmn):
 * the desk's internal targets, when the statutory clock starts, and the public holidays on which a GDPR
 * period cannot end. Calendar days are counted in {@code zone}.
 */
@Validated
@ConfigurationProperties(prefix = "dsr.deadlines")
public record DeadlineSettings(
        @NotNull ZoneId zone,
        @NotNull ClockStart clockStartsAt,
        List<LocalDate> publicHolidays,
        @NotNull Period entityStepPeriod,
        @NotNull Period triagePeriod,
        @NotNull Period reviewPeriod,
        @NotNull Period entityReminderBefore,
        @NotNull Period requestWarningBefore) {

    public DeadlineSettings {
        publicHolidays = publicHolidays == null ? List.of() : List.copyOf(publicHolidays);
    }

    /** Receipt is the GDPR's start; some authorities accept the start at successful verification. */
    public enum ClockStart {
        RECEIPT,
        VERIFICATION
    }
}
