package dev.dsrdesk.registry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

/**
 * A company of the group, or a processor, that may hold a data subject's data: the data categories
 * it holds (policy §2: CONTACT_INFORMATION, COOKIES, WEB_NAVIGATION) and what it uses them for
 * (policy §3, e.g. DIRECT_MARKETING, ANALYTICS). The routing decision reads both.
 * <p>
 * Its steps fall due on its own working days: the public holidays of its {@code country} and of its
 * {@code holidaySubdivisions} (the holiday library's codes, outermost first: {@code [62, rm]} is Lazio, then Rome),
 * and its own closing days — once ({@code closingDays}, company holidays) or every year ({@code yearlyClosingDays},
 * a local holiday the library does not know). Where the library is wrong for the place, {@code holidaysNotCounted}
 * drops its holidays by key and {@code closedTheDayAfter} closes the day after the holidays named (as the statutory
 * calendars of {@code dsr.deadlines.calendars} do).
 */
public record Entity(
        @NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") String id,
        @NotBlank String name,
        String city,
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country,
        @NotNull EntityKind kind,
        List<@Pattern(regexp = "[A-Z][A-Z_]*") String> dataCategories,
        List<@Pattern(regexp = "[A-Z][A-Z_]*") String> purposes,
        List<@NotBlank String> holidaySubdivisions,
        List<@NotNull LocalDate> closingDays,
        List<@NotNull MonthDay> yearlyClosingDays,
        List<@NotBlank String> holidaysNotCounted,
        List<@NotBlank String> closedTheDayAfter) {

    public Entity {
        dataCategories = dataCategories == null ? List.of() : List.copyOf(dataCategories);
        purposes = purposes == null ? List.of() : List.copyOf(purposes);
        holidaySubdivisions = holidaySubdivisions == null ? List.of() : List.copyOf(holidaySubdivisions);
        closingDays = closingDays == null ? List.of() : List.copyOf(closingDays);
        yearlyClosingDays = yearlyClosingDays == null ? List.of() : List.copyOf(yearlyClosingDays);
        holidaysNotCounted = holidaysNotCounted == null ? List.of() : List.copyOf(holidaysNotCounted);
        closedTheDayAfter = closedTheDayAfter == null ? List.of() : List.copyOf(closedTheDayAfter);
    }

    /** The Camunda candidate group whose members work this entity's steps. */
    public String candidateGroup() {
        return kind.groupPrefix() + "-" + id;
    }
}
