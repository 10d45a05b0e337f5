package dev.dsrdesk.deadline;

import dev.dsrdesk.audit.AuditTrail;
import dev.dsrdesk.notification.RequesterMail;
import dev.dsrdesk.notification.RequesterMessage;
import dev.dsrdesk.request.ClockStart;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.Requests;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Extends a request's period (GDPR Art. 12(3)): once, by at most two further months, only within the first
 * month and only with a reasoned notice to the requester, which goes out with the new date.
 */
@Service
public class Extensions {

    private final Requests requests;
    private final StatutoryDeadlines statutory;
    private final Deadlines deadlines;
    private final RequesterMail mail;
    private final DeadlineTimers timers;
    private final AuditTrail audit;
    private final Clock clock;

    Extensions(Requests requests, StatutoryDeadlines statutory, Deadlines deadlines, RequesterMail mail,
               DeadlineTimers timers, AuditTrail audit, Clock clock) {
        this.timers = timers;
        this.audit = audit;
        this.requests = requests;
        this.statutory = statutory;
        this.deadlines = deadlines;
        this.mail = mail;
        this.clock = clock;
    }

    @Transactional
    public LocalDate extend(String reference, int months, String reason, String operator) {
        DataSubjectRequest request = requests.byReference(reference);
        if (request.getStatus().isFinal()) {
            throw new StatutoryCalendar.ExtensionRefused(reference + " is closed");
        }
        if (request.getExtendedDueDate() != null) {
            throw new StatutoryCalendar.ExtensionRefused(reference + " was already extended to " + request.getExtendedDueDate()
                    + "; the period may be extended only once");
        }
        List<RegimeDeadline> regimes = statutory.fromJson(request.getRegimes());
        Optional<RegimeDeadline> gdpr = regimes.stream().filter(regime -> regime.regime().equals("GDPR")).findFirst();
        LocalDate today = LocalDate.now(clock);
        LocalDate firstMonthEnds = gdpr.map(RegimeDeadline::dueDate).orElse(request.getDueDate());
        if (today.isAfter(firstMonthEnds)) {
            throw new StatutoryCalendar.ExtensionRefused("the first month ended on " + firstMonthEnds
                    + ": an extension must be notified within it (GDPR Art. 12(3))");
        }
        // each law's extension is notified within its own first period: the CCPA's 45 days run from receipt and may
        // end before a GDPR month that started later
        for (RegimeDeadline regime : regimes) {
            if (today.isAfter(regime.dueDate())) {
                throw new StatutoryCalendar.ExtensionRefused("the " + regime.regime() + " period ended on " + regime.dueDate()
                        + ": an extension must be notified within it (" + regime.basis() + ")");
            }
        }
        // the clock's own start (receipt, identity established, or the answer after a pause), as it was reasoned
        DueDateReasoning.Start start = gdpr.map(RegimeDeadline::reasoning)
                .map(reasoning -> new DueDateReasoning.Start(reasoning.start(), reasoning.startedBy(), reasoning.pausedDays(),
                        deadlines.dayOf(request.getReceivedAt())))
                .orElseGet(() -> deadlines.clockStartsAtVerification() && request.getVerifiedAt() != null
                        ? new DueDateReasoning.Start(deadlines.dayOf(request.getVerifiedAt()), ClockStart.Event.IDENTITY_ESTABLISHED,
                                null, deadlines.dayOf(request.getReceivedAt()))
                        : DueDateReasoning.Start.receipt(deadlines.dayOf(request.getReceivedAt())));
        StatutoryDue extended = statutory.extended(request.getCountry(), request.getRegion(), request.getType().name(),
                start, months, LocalDate.now(clock));
        request.extend(extended.dueDate(), statutory.toJson(extended.regimes()), reason, operator, clock.instant());
        timers.reschedule(reference);
        audit.record(reference, "EXTENDED", operator, "by " + months + " month(s) to " + extended.dueDate());
        mail.send(request, RequesterMessage.EXTENSION, Map.of("reason", reason, "newDueDate", extended.dueDate()));
        return extended.dueDate();
    }
}
