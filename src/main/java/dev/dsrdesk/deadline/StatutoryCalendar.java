package dev.dsrdesk.deadline;

import java.time.LocalDate;
import java.time.Period;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the applicable clocks into dates. A period in months ends on the same day of the month it
 * reaches, or on that month's last day where there is none (31 January → 28/29 February); where the rule
 * says so, a last day that is not a working day moves to the next working day. Each clock counts its working days
 * in the calendar its rule names (Italy's for GDPR, Brazil's for LGPD, California's for the CCPA). The earliest date
 * decides.
 */
public final class StatutoryCalendar {

    private final DeadlineCalendars calendars;

    public StatutoryCalendar(DeadlineCalendars calendars) {
        this.calendars = calendars;
    }

    public StatutoryDue due(List<RegimeRule> rules, LocalDate receivedOn) {
        return due(rules, DueDateReasoning.Start.receipt(receivedOn));
    }

    public StatutoryDue due(List<RegimeRule> rules, DueDateReasoning.Start start) {
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("at least one statutory clock applies to every request (GDPR, policy §6)");
        }
        List<RegimeDeadline> regimes = rules.stream().map(rule -> deadline(rule, start)).toList();
        LocalDate earliest = regimes.stream().map(RegimeDeadline::dueDate).min(Comparator.naturalOrder()).orElseThrow();
        return new StatutoryDue(earliest, regimes);
    }

    /**
     * The clocks after an extension of {@code months} further months (GDPR Art. 12(3)); a regime with a
     * fixed extension (the CCPA's 45 days) takes it once. A regime that allows none, or fewer months, refuses.
     */
    public StatutoryDue extended(List<RegimeRule> rules, DueDateReasoning.Start start, int months, LocalDate extendedOn) {
        List<RegimeDeadline> regimes = rules.stream().map(rule -> extendedDeadline(rule, start, months, extendedOn)).toList();
        LocalDate earliest = regimes.stream().map(RegimeDeadline::dueDate).min(Comparator.naturalOrder()).orElseThrow();
        return new StatutoryDue(earliest, regimes);
    }

    private RegimeDeadline extendedDeadline(RegimeRule rule, DueDateReasoning.Start start, int months, LocalDate extendedOn) {
        Period allowed = rule.maxExtension();
        if (allowed == null) {
            throw new ExtensionRefused(rule.regime() + " allows no extension (" + rule.basis() + ")");
        }
        Period extension = allowed.toTotalMonths() > 0 ? Period.ofMonths(months) : allowed;
        if (allowed.toTotalMonths() > 0 && months > allowed.toTotalMonths()) {
            throw new ExtensionRefused(rule.regime() + " allows at most " + allowed.toTotalMonths() + " further months");
        }
        return deadline(rule, start, extension, extendedOn);
    }

    /** An extension the law does not allow. */
    public static class ExtensionRefused extends RuntimeException {
        public ExtensionRefused(String message) {
            super(message);
        }
    }

    private RegimeDeadline deadline(RegimeRule rule, DueDateReasoning.Start start) {
        return deadline(rule, start, null, null);
    }

    private RegimeDeadline deadline(RegimeRule rule, DueDateReasoning.Start clockStart, Period extension, LocalDate extendedOn) {
        DueDateReasoning.Start start = rule.runsFromReceipt() ? clockStart.fromReceipt() : clockStart;
        WorkingCalendar calendar = calendars.regime(rule.calendar());
        if (rule.answerWithinBusinessDays() != null) {
            LocalDate due = calendar.plusWorkingDays(start.day(), rule.answerWithinBusinessDays());
            return new RegimeDeadline(rule.regime(), due, null, rule.basis(), new DueDateReasoning(start.event(), start.day(),
                    start.pausedDays(), null, rule.answerWithinBusinessDays(), null, null, due,
                    DueDateReasoning.LastDay.WORKING_DAY, null));
        }
        LocalDate last = start.day().plus(rule.answerPeriod());
        if (extension != null) {
            last = last.plus(extension);
        }
        LocalDate due = rule.endsOnWorkingDay() ? calendar.onOrAfter(last) : last;
        LocalDate confirmBy = rule.confirmWithinBusinessDays() == null ? null
                : calendar.plusWorkingDays(start.day(), rule.confirmWithinBusinessDays());
        DueDateReasoning.LastDay lastDay = rule.endsOnWorkingDay() ? calendar.dayKind(last)
                : DueDateReasoning.LastDay.COUNTED_AS_IT_FALLS;
        String holiday = lastDay == DueDateReasoning.LastDay.PUBLIC_HOLIDAY ? calendar.holidayOn(last).orElse(null) : null;
        return new RegimeDeadline(rule.regime(), due, confirmBy, rule.basis(), new DueDateReasoning(start.event(), start.day(),
                start.pausedDays(), rule.answerPeriod(), null, extension, extendedOn, last, lastDay, holiday));
    }
}
