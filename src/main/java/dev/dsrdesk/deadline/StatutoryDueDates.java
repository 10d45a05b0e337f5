package dev.dsrdesk.deadline;

import dev.dsrdesk.request.ClockStart;
import dev.dsrdesk.request.DueDates;
import dev.dsrdesk.request.RequestType;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
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
        StatutoryDue due = statutory.due(country, region, type.name(), start(clockStart));
        return new Due(due.dueDate(), null, statutory.toJson(due.regimes()));
    }

    @Override
    public Due restart(String country, String region, RequestType type, ClockStart clockStart, String regimes) {
        Optional<DueDateReasoning> extension = statutory.fromJson(regimes).stream()
                .filter(regime -> regime.regime().equals("GDPR")).map(RegimeDeadline::reasoning).filter(Objects::nonNull)
                .filter(reasoning -> reasoning.extension() != null).findFirst();
        if (extension.isEmpty()) {
            return due(country, region, type, clockStart);
        }
        DueDateReasoning.Start start = start(clockStart);
        StatutoryDue unextended = statutory.due(country, region, type.name(), start);
        try {
            StatutoryDue extended = statutory.extended(country, region, type.name(), start,
                    (int) extension.get().extension().toTotalMonths(), extension.get().extendedOn());
            return new Due(unextended.dueDate(), extended.dueDate(), statutory.toJson(extended.regimes()));
        } catch (StatutoryCalendar.ExtensionRefused noLongerAllowed) {
            // granted under rules that have changed since: the request keeps the extended date it was told of
            return new Due(unextended.dueDate(), null, statutory.toJson(unextended.regimes()));
        }
    }

    private DueDateReasoning.Start start(ClockStart clockStart) {
        LocalDate day = deadlines.dayOf(clockStart.at());
        Integer pausedDays = clockStart.pausedSince() == null ? null
                : (int) ChronoUnit.DAYS.between(deadlines.dayOf(clockStart.pausedSince()), day);
        return new DueDateReasoning.Start(day, clockStart.event(), pausedDays, deadlines.dayOf(clockStart.receivedAt()));
    }

    @Override
    public boolean clockCanStandStill(String country, String region, RequestType type) {
        return statutory.rules(country, region, type.name()).stream().noneMatch(RegimeRule::runsFromReceipt);
    }

    @Override
    public boolean clockStartsAtVerification() {
        return deadlines.clockStartsAtVerification();
    }
}
