package dev.dsrdesk.deadline;

import dev.dsrdesk.request.DueDates;
import dev.dsrdesk.request.RequestType;
import java.time.Instant;
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
    public Due due(String country, String region, RequestType type, Instant clockStart) {
        StatutoryDue due = statutory.due(country, region, type.name(), deadlines.dayOf(clockStart));
        return new Due(due.dueDate(), statutory.toJson(due.regimes()));
    }

    @Override
    public boolean clockStartsAtVerification() {
        return deadlines.clockStartsAtVerification();
    }
}
