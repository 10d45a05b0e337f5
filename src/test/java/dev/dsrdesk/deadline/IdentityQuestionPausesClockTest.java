package dev.dsrdesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.dsrdesk.question.RequesterQuestions;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.Requests;
import dev.dsrdesk.support.DeskDriver;
import dev.dsrdesk.support.DeskTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.hamcrest.Matchers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A question about the requester's identity stops the statutory clock ({@code dsr.deadlines.identity-questions-pause-clock},
 * on by default: EDPB Guidelines 01/2022 on the right of access, read with GDPR Art. 12(3) and 12(6)); the answer starts
 * the whole GDPR period again, counted in Italy's calendar (the CCPA's and LGPD's run from receipt: StatutoryCalendarTest).
 * Other questions leave the clock running.
 */
@DeskTest
class IdentityQuestionPausesClockTest {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");

    @Autowired DeskDriver desk;
    @Autowired Requests requests;
    @Autowired RequesterQuestions questions;
    @Autowired ManagementService management;
    @Autowired MockMvc mvc;

    @ParameterizedTest(name = "{0} {1}, answered {2} -> due {3}")
    @CsvSource(textBlock = """
            IT, ACCESS,  2026-11-20T10:00:00Z, 2026-12-21, one month ends on Sunday 20 December: the next working day
            IT, ERASURE, 2027-03-31T10:00:00Z, 2027-04-30, 31 March plus one month: the month's last day
            IT, ACCESS,  2026-12-01T10:00:00Z, 2027-01-04, 1 January is a public holiday and 2-3 January a weekend
            BR, ERASURE, 2027-04-02T12:00:00Z, 2027-05-03, a Brazilian's GDPR month ends on Sunday 2 May: Monday in Italy
            BR, ERASURE, 2027-03-21T12:00:00Z, 2027-04-21, 21 April 2027 is Tiradentes in Brazil, not a holiday in Italy: it stands
            """)
    void theAnswerStartsTheWholePeriodAgainInTheLawsCalendar(String country, String type, Instant answeredAt, LocalDate due,
                                                            String why) {
        DataSubjectRequest request = desk.submit(type, DeskDriver.uniqueEmail(), country, null);
        requests.pauseClock(request.getReference());
        assertThat(requests.byReference(request.getReference()).getClockPausedAt()).isNotNull();

        requests.resumeClockFrom(request.getReference(), answeredAt);

        DataSubjectRequest resumed = requests.byReference(request.getReference());
        assertThat(resumed.getDueDate()).as(why).isEqualTo(due);
        assertThat(resumed.getClockPausedAt()).as("the pause is over").isNull();
    }

    @Test
    void anIdentityQuestionStopsTheClockAndItsTimersAndTheStaffSeeThePause() throws Exception {
        DataSubjectRequest request = desk.verifiedRequest("ACCESS", DeskDriver.uniqueEmail());
        String reference = request.getReference();

        ask(reference, "Can you send the last four digits of your customer number?", true);

        assertThat(requests.byReference(reference).getClockPausedAt()).isNotNull();
        assertThat(timer(reference, DeadlineTimers.BREACH).isSuspended()).as("no breach counted while the clock stands").isTrue();
        assertThat(timer(reference, DeadlineTimers.WARNING).isSuspended()).isTrue();
        mvc.perform(get("/api/requests/{reference}", reference).with(httpBasic("operator", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("AWAITING_REQUESTER"))
                .andExpect(jsonPath("$.clockPausedAt").value(Matchers.notNullValue()));
        String board = mvc.perform(get("/dashboard").with(httpBasic("manager", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String paused = board.substring(board.indexOf("id=\"clock-paused\""), board.indexOf("id=\"slowest\""));
        assertThat(paused).contains(reference).contains("clock paused since " + LocalDate.now(ROME));
        String dated = board.substring(board.indexOf("id=\"overdue\""), board.indexOf("id=\"clock-paused\""));
        assertThat(dated).as("a paused request has no date to be late for").doesNotContain(reference);
    }

    @Test
    void theAnswerRestartsTheClockFromItsArrivalAndTheTimersFollow() {
        DataSubjectRequest request = desk.verifiedRequest("ACCESS", DeskDriver.uniqueEmail());
        String reference = request.getReference();
        LocalDate provisional = request.getDueDate();
        ask(reference, "Can you send the last four digits of your customer number?", true);

        questions.answer(requests.byReference(reference), "4711", null);

        DataSubjectRequest answered = requests.byReference(reference);
        LocalDate today = LocalDate.now(ROME);
        assertThat(answered.getClockPausedAt()).isNull();
        assertThat(answered.getDueDate()).as("a full month from the answer, moved to a working day")
                .isAfterOrEqualTo(today.plusMonths(1)).isBefore(today.plusMonths(1).plusDays(5))
                .isAfterOrEqualTo(provisional);
        Job breach = timer(reference, DeadlineTimers.BREACH);
        assertThat(breach.isSuspended()).as("the breach timer runs again").isFalse();
        assertThat(breach.getDuedate().toInstant().atZone(ROME).toLocalDate()).isEqualTo(answered.getDueDate());
        assertThat(timer(reference, DeadlineTimers.WARNING).isSuspended()).isFalse();
    }

    @Test
    void aQuestionAboutSomethingElseLeavesTheClockRunning() {
        DataSubjectRequest request = desk.verifiedRequest("ACCESS", DeskDriver.uniqueEmail());
        String reference = request.getReference();

        ask(reference, "Which of your two accounts do you mean?", false);

        DataSubjectRequest asked = requests.byReference(reference);
        assertThat(asked.getClockPausedAt()).isNull();
        assertThat(asked.getDueDate()).isEqualTo(request.getDueDate());
        assertThat(timer(reference, DeadlineTimers.BREACH).isSuspended()).isFalse();
    }

    @Test
    void anIdentityQuestionToACalifornianLeavesTheClockRunningForTheCcpasFortyFiveDaysFromReceipt() {
        String email = DeskDriver.uniqueEmail();
        DataSubjectRequest request = desk.submit("ACCESS", email, "US", "US-CA");
        desk.runJobs(request.getReference());
        assertThat(desk.verify(email).verified()).isTrue();
        String reference = request.getReference();

        ask(reference, "Can you send the last four digits of your customer number?", true);

        DataSubjectRequest asked = requests.byReference(reference);
        assertThat(asked.getClockPausedAt()).as("the CCPA's period runs from receipt whatever verification takes").isNull();
        assertThat(asked.getDueDate()).isEqualTo(request.getDueDate());
        assertThat(timer(reference, DeadlineTimers.BREACH).isSuspended()).isFalse();

        questions.answer(asked, "4711", null);
        assertThat(requests.byReference(reference).getDueDate()).as("the answer moves nothing").isEqualTo(request.getDueDate());
    }

    private void ask(String reference, String question, boolean aboutIdentity) {
        desk.complete(desk.taskOf(reference, "Task_TriageRequest"),
                Map.of("askRequester", true, "question", question, "questionAboutIdentity", aboutIdentity));
        desk.runJobs(reference);
    }

    private Job timer(String reference, String activityId) {
        return management.createJobQuery().timers().processInstanceId(desk.processOf(reference).getId())
                .activityId(activityId).singleResult();
    }
}
