package dev.dsrdesk.deadline;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long each party has inside the statutory clocks (which come from processes/statutory-deadlines.dmn):
 * the desk's internal targets, when the statutory clock starts, and the calendars the table's clocks count in
 * ({@code calendars}, by the name its column "Counts in calendar" gives). Calendar days are counted in {@code zone}.
 * Where {@code identityQuestionsPauseClock} holds, a question to the requester about their identity stops the statutory
 * clock until the answer arrives, and the period runs again in full from then.
 */
@Validated
@ConfigurationProperties(prefix = "dsr.deadlines")
public record DeadlineSettings(
        @NotNull ZoneId zone,
        @NotNull ClockStart clockStartsAt,
        @NotEmpty Map<String, @Valid RegimeCalendar> calendars,
        @NotNull Period entityStepPeriod,
        @NotNull Period triagePeriod,
        @NotNull Period reviewPeriod,
        @NotNull Period entityReminderBefore,
        @NotNull Period requestWarningBefore,
        boolean identityQuestionsPauseClock) {

    public DeadlineSettings {
        calendars = calendars == null ? Map.of() : Map.copyOf(calendars);
    }

    /** Receipt is the GDPR's start; some authorities accept the start at successful verification. */
    public enum ClockStart {
        RECEIPT,
        VERIFICATION
    }

    /**
     * The public holidays a statutory clock counts in: a country's, and its subdivisions' where the law counts them
     * (the holiday library's codes, outermost first), less the days the library lists that this law does not make
     * holidays ({@code holidays-not-counted}, the library's keys such as {@code christian.CARNIVAL}), plus the day
     * after each holiday named in {@code closed-the-day-after} (the library's keys, such as {@code THANKSGIVING}). No
     * company closing day moves a statutory date: those belong to the entities' calendars.
     */
    public record RegimeCalendar(
            @NotBlank @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country,
            List<@NotBlank String> subdivisions,
            List<@NotBlank String> holidaysNotCounted,
            List<@NotBlank String> closedTheDayAfter) {

        public RegimeCalendar {
            subdivisions = subdivisions == null ? List.of() : List.copyOf(subdivisions);
            holidaysNotCounted = holidaysNotCounted == null ? List.of() : List.copyOf(holidaysNotCounted);
            closedTheDayAfter = closedTheDayAfter == null ? List.of() : List.copyOf(closedTheDayAfter);
        }
    }
}
