package dev.dsrdesk.deadline;

import dev.dsrdesk.request.ClockStart;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.Period;

/**
 * How one statutory date was reached, step by step, kept beside the date so that staff and the requester can follow
 * it ({@link DueDateInWords} says it in their language): when and why the clock started, how long it stood still
 * before, the period (with an extension where one was granted), the period's last day and why it moved, if it did.
 */
@Schema(description = "How the date was computed, step by step")
public record DueDateReasoning(ClockStart.Event startedBy, LocalDate start,
                               @Schema(description = "Days the clock stood still before this start, waiting for the requester") Integer pausedDays,
                               @Schema(description = "The period as the law states it (ISO 8601), where it is not in business days", example = "P1M") Period period,
                               @Schema(description = "The period in business days of the law's calendar, where the law counts so", example = "15") Integer businessDays,
                               @Schema(description = "The extension granted (GDPR Art. 12(3)), else absent", example = "P2M") Period extension,
                               LocalDate extendedOn,
                               @Schema(description = "The period's last day, before any move to a working day") LocalDate periodEnds,
                               LastDay periodEndsOn,
                               @Schema(description = "The public holiday the last day falls on, where it does") String holiday) {

    /** What the period's last day is, and so whether the date moved to the next working day. */
    public enum LastDay {
        WORKING_DAY, SATURDAY, SUNDAY, PUBLIC_HOLIDAY, CLOSING_DAY,
        /** The rule counts calendar days to the end, whatever the last one is. */
        COUNTED_AS_IT_FALLS
    }

    /** Where the clock starts: the day, and the event that started it. */
    public record Start(LocalDate day, ClockStart.Event event, Integer pausedDays, LocalDate receivedOn) {

        public static Start receipt(LocalDate day) {
            return new Start(day, ClockStart.Event.RECEIPT, null, day);
        }

        /** Where a clock that runs from receipt whatever verification takes starts. */
        Start fromReceipt() {
            return receipt(receivedOn);
        }
    }
}
