package dev.dsrdesk.deadline;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the applicable clocks into dates. A period in months ends on the same day of the month it
 * reaches, or on that month's last day where there is none (31 January → 28/29 February); where the rule
 * says so, a last day that is not a working day moves to the next working day. The earliest date decides.
 */
public final class StatutoryCalendar {

    private final WorkingCalendar calendar;

    public StatutoryCalendar(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    public StatutoryDue due(List<RegimeRule> rules, LocalDate start) {
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("at least one statutory clock applies to every request (GDPR, policy §6)");
        }
        List<RegimeDeadline> regimes = rules.stream().map(rule -> deadline(rule, start)).toList();
        LocalDate earliest = regimes.stream().map(RegimeDeadline::dueDate).min(Comparator.naturalOrder()).orElseThrow();
        return new StatutoryDue(earliest, regimes);
    }

    private RegimeDeadline deadline(RegimeRule rule, LocalDate start) {
        LocalDate last = start.plus(rule.answerPeriod());
        LocalDate due = rule.endsOnWorkingDay() ? calendar.onOrAfter(last) : last;
        LocalDate confirmBy = rule.confirmWithinBusinessDays() == null ? null
                : calendar.plusWorkingDays(start, rule.confirmWithinBusinessDays());
        return new RegimeDeadline(rule.regime(), due, confirmBy, rule.basis());
    }
}
