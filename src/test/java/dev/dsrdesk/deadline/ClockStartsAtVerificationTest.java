package dev.dsrdesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.Requests;
import dev.dsrdesk.support.DeskDriver;
import dev.dsrdesk.support.ReconfiguredDeskTest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Where the desk is configured so ({@link ReconfiguredDeskTest}), the statutory clock starts when identity is established, not at receipt, and every
 * timer follows it. Entity steps here get forty days, so the statutory date is what bounds them.
 */
@ReconfiguredDeskTest
class ClockStartsAtVerificationTest {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");

    @Autowired DeskDriver desk;
    @Autowired Requests requests;
    @Autowired ManagementService management;
    @Autowired DeadlineCalendars calendars;
    @Autowired StatutoryDeadlines statutory;
    @Autowired Extensions extensions;
    @Autowired dev.dsrdesk.audit.AuditTrail audit;

    @Test
    void theDueDateIsCountedFromVerification() {
        DataSubjectRequest request = desk.enteredByStaff("ERASURE", DeskDriver.uniqueEmail(), "POST", "2026-11-02");
        assertThat(request.getDueDate()).as("provisional, from receipt").isEqualTo("2026-12-02");

        establishIdentity(request);

        LocalDate today = LocalDate.now(ROME);
        LocalDate due = requests.byReference(request.getReference()).getDueDate();
        assertThat(due).isAfterOrEqualTo(today.plusMonths(1)).isBefore(today.plusMonths(1).plusDays(5));
    }

    @Test
    void aRequestVerifiedFiveDaysAfterReceiptHasItsWarningBreachAndEntityStepsAtTheVerifiedDate() {
        LocalDate today = LocalDate.now(ROME);
        DataSubjectRequest request = desk.enteredByStaff("ERASURE", DeskDriver.uniqueEmail(), "POST",
                today.minusDays(5).toString());
        LocalDate provisional = request.getDueDate();
        assertThat(endOf(timer(request, DeadlineTimers.BREACH))).as("the breach timer, set at receipt").isEqualTo(provisional);

        establishIdentity(request);

        LocalDate verified = requests.byReference(request.getReference()).getDueDate();
        assertThat(verified).as("five days later than receipt's").isAfter(provisional);
        assertThat(endOf(timer(request, DeadlineTimers.BREACH))).as("the breach marker follows").isEqualTo(verified);
        assertThat(timer(request, DeadlineTimers.BREACH).getDuedate().toInstant().atZone(ROME).toLocalTime())
                .as("at the end of the day").isEqualTo("23:59:59");
        assertThat(timer(request, DeadlineTimers.WARNING).getDuedate().toInstant().atZone(ROME).toLocalDateTime())
                .as("the warning follows, a week before").isEqualTo(LocalDateTime.of(verified.minusDays(7), LocalTime.of(23, 59, 59)));

        desk.complete(desk.taskOf(request.getReference(), "Task_TriageRequest"), Map.of("decision", "ACCEPT"));
        desk.runJobs(request.getReference());
        List<Task> steps = desk.entityTasks(request.getReference());
        assertThat(steps).isNotEmpty();
        for (Task step : steps) {
            String entity = DeskDriver.entityOf(step);
            LocalDate stepDue = step.getDueDate().toInstant().atZone(ROME).toLocalDate();
            assertThat(stepDue).as(entity + "'s step: its last working day up to the verified date, not receipt's")
                    .isEqualTo(calendars.entity(entity).onOrBefore(verified))
                    .isAfter(provisional);
        }
    }

    @Test
    void lgpdsFifteenDaysStillRunFromReceiptWhenIdentityIsEstablishedLater() {
        LocalDate received = LocalDate.now(ROME).minusDays(5);
        DataSubjectRequest request = desk.enteredByStaff("ACCESS", DeskDriver.uniqueEmail(), "POST", received.toString());

        establishIdentity(request);

        DataSubjectRequest verified = requests.byReference(request.getReference());
        RegimeDeadline lgpd = regime(verified, "LGPD");
        assertThat(lgpd.dueDate()).as("LGPD Art. 19 II counts from the request").isEqualTo(brazilian(received.plusDays(15)));
        assertThat(lgpd.reasoning().startedBy()).isEqualTo(dev.dsrdesk.request.ClockStart.Event.RECEIPT);
        assertThat(regime(verified, "GDPR").reasoning().startedBy()).isEqualTo(dev.dsrdesk.request.ClockStart.Event.IDENTITY_ESTABLISHED);
        assertThat(verified.getDueDate()).as("the earlier date decides").isEqualTo(lgpd.dueDate());
    }

    @Test
    void anExtensionGrantedBeforeIdentityIsEstablishedIsCountedAgainFromIt() {
        LocalDate received = LocalDate.now(ROME).minusDays(5);
        DataSubjectRequest request = desk.enteredByStaff("ERASURE", DeskDriver.uniqueEmail(), "POST", received.toString());
        extensions.extend(request.getReference(), 2, "Records across five affiliates", "operator");
        LocalDate extendedFromReceipt = requests.byReference(request.getReference()).effectiveDueDate();

        establishIdentity(request);

        DataSubjectRequest verified = requests.byReference(request.getReference());
        RegimeDeadline gdpr = regime(verified, "GDPR");
        assertThat(verified.effectiveDueDate()).as("three months from the day identity was established")
                .isEqualTo(gdpr.dueDate()).isAfter(extendedFromReceipt);
        assertThat(gdpr.reasoning().extension()).isEqualTo(java.time.Period.ofMonths(2));
        assertThat(gdpr.reasoning().extendedOn()).as("granted when it was granted").isEqualTo(LocalDate.now(ROME));
        assertThat(verified.getDueDate()).as("the unextended date, from the new start").isBefore(verified.effectiveDueDate())
                .isAfterOrEqualTo(LocalDate.now(ROME).plusMonths(1));
        assertThat(audit.of(request.getReference())).as("the recount is audited")
                .anyMatch(event -> event.getEventType().equals("EXTENSION_RECOUNTED")
                        && event.getDetails().equals("from " + extendedFromReceipt + " to " + verified.effectiveDueDate()));
        assertThat(gdpr.reasoning().startedBy()).isEqualTo(dev.dsrdesk.request.ClockStart.Event.IDENTITY_ESTABLISHED);
        assertThat(statutory.deciding(verified.getRegimes(), verified.effectiveDueDate())).as("the date keeps its reason").isPresent();
        assertThat(endOf(timer(request, DeadlineTimers.BREACH))).as("the breach marker follows").isEqualTo(verified.effectiveDueDate());
    }

    private RegimeDeadline regime(DataSubjectRequest request, String regime) {
        return statutory.fromJson(request.getRegimes()).stream().filter(deadline -> deadline.regime().equals(regime))
                .findFirst().orElseThrow();
    }

    private LocalDate brazilian(LocalDate day) {
        return calendars.regime("brazil").onOrAfter(day);
    }

    private void establishIdentity(DataSubjectRequest request) {
        desk.complete(desk.taskOf(request.getReference(), "Task_ReviewIdentity"),
                Map.of("identityVerified", true, "identityEvidence", "Letter signed, matches the CRM", "emailChecked", true));
    }

    private Job timer(DataSubjectRequest request, String activityId) {
        return management.createJobQuery().timers().processInstanceId(desk.processOf(request.getReference()).getId())
                .activityId(activityId).singleResult();
    }

    private static LocalDate endOf(Job timer) {
        Date due = timer.getDuedate();
        return due.toInstant().atZone(ROME).toLocalDate();
    }
}
