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
