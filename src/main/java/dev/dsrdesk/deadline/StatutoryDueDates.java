package dev.dsrdesk.deadline;

import dev.dsrdesk.request.DueDates;
import dev.dsrdesk.request.RequestType;
import dev.dsrdesk.request.ClockStart;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;

/** The deadline feature's answer to a request starting its clock: the decision's regimes in the desk's calendar. */
@Component
class StatutoryDueDates implements DueDates {

    private final StatutoryDeadlines statutory;
    private final Deadlines deadlines;

    StatutoryDueDates(StatutoryDeadlines statutory, Deadlines deadlines) {
        this.statutory = statutory;
        this.deadlines = deadlines;
    }

    @Override
    public Due due(String country, String region, RequestType type, ClockStart clockStart) {
        LocalDate day = deadlines.dayOf(clockStart.at());
        Integer pausedDays = clockStart.pausedSince() == null ? null
                : (int) ChronoUnit.DAYS.between(deadlines.dayOf(clockStart.pausedSince()), day);
        StatutoryDue due = statutory.due(country, region, type.name(),
                new DueDateReasoning.Start(day, clockStart.event(), pausedDays));
        return new Due(due.dueDate(), statutory.toJson(due.regimes()));
    }

    @Override
    public boolean clockStartsAtVerification() {
        return deadlines.clockStartsAtVerification();
    }
}
