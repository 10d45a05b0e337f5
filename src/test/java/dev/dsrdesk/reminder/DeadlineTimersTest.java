package dev.dsrdesk.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.support.DeskDriver;
import dev.dsrdesk.support.DeskTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Reminders before a step is due, escalation when it is late, the warning and the breach marker, one digest each. */
@DeskTest
class DeadlineTimersTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Rome"));

    @Autowired DeskDriver desk;
    @Autowired ProcessEngine engine;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired StaffDigests digests;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;

    @BeforeEach
    void initAssertions() {
        init(engine);
    }

    @AfterEach
    void resetTheEngineClock() {
        ClockUtil.reset();
    }

    @Test
    void anEntityIsRemindedBeforeItsDueDateEscalatedAfterItAndHearsItOnceInADigest() {
        DataSubjectRequest request = desk.acceptedRequest("ERASURE", DeskDriver.uniqueEmail());
        Task rome = desk.entityTasks(request.getReference()).stream()
                .filter(task -> task.getName().endsWith("(rome)")).findFirst().orElseThrow();
        Job reminder = timer(rome.getProcessInstanceId(), "Event_EntityReminderDue");
        Job late = timer(rome.getProcessInstanceId(), "Event_EntityStepLate");
        assertThat(reminder.getDuedate()).isBefore(rome.getDueDate());
        assertThat(late.getDuedate()).isEqualTo(rome.getDueDate());
        assertThat(dueNow(rome.getProcessInstanceId())).isEmpty();

        ClockUtil.setCurrentTime(new Date(reminder.getDuedate().getTime() + 60_000));
        assertThat(dueNow(rome.getProcessInstanceId())).extracting(Job::getId).containsExactly(reminder.getId());
        management.executeJob(reminder.getId());
        ClockUtil.setCurrentTime(new Date(late.getDuedate().getTime() + 60_000));
        assertThat(dueNow(rome.getProcessInstanceId())).extracting(Job::getId).containsExactly(late.getId());
        management.executeJob(late.getId());

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(rome.getProcessInstanceId()).singleResult())
                .isWaitingAt("Task_FulfilEntityStep").hasPassed("Task_RemindEntity", "Task_EscalateLateStep");
        long romeMailsBefore = mailsTo("rome@staff.interactivemedia.example");
        digests.sendAll();
        desk.deliverStaffMail();

        assertThat(mailsTo("rome@staff.interactivemedia.example")).as("one digest, not one mail per notice")
                .isEqualTo(romeMailsBefore + 1);
        String romeDigest = lastMailTo("rome@staff.interactivemedia.example");
        assertThat(romeDigest).contains("[due soon]").contains("[late]").contains(request.getReference());
        assertThat(lastMailTo("manager@staff.interactivemedia.example"))
                .contains("Interactive Media S.p.A. (group controller) is late with its step on " + request.getReference());
        assertThat(digests.sendAll()).as("nothing is sent twice").isZero();
    }

    @Test
    void theStatutoryDateWarnsOperatorsAndManagersThenMarksTheBreach() {
        DataSubjectRequest request = desk.enteredByStaff("ERASURE", DeskDriver.uniqueEmail(), "POST", TODAY.toString());
        String process = desk.processOf(request.getReference()).getId();
        Job warning = timer(process, "StartEvent_StatutoryDateNear");
        Job breach = timer(process, "StartEvent_StatutoryDatePassed");
        assertThat(warning.getDuedate()).isBefore(breach.getDuedate());

        ClockUtil.setCurrentTime(new Date(warning.getDuedate().getTime() + 60_000));
        assertThat(dueNow(process)).extracting(Job::getId).contains(warning.getId()).doesNotContain(breach.getId());
        management.executeJob(warning.getId());
        ClockUtil.setCurrentTime(new Date(breach.getDuedate().getTime() + 60_000));
        management.executeJob(breach.getId());

        assertThat(desk.processOf(request.getReference())).hasPassed("Task_WarnDeadlineNear", "Task_RecordDeadlineBreach")
                .isWaitingAt("Task_ReviewIdentity");
        assertThat(runtime.getVariable(process, "deadlineBreached")).isEqualTo(true);
        assertThat(jdbc.queryForObject("select breached_at from data_subject_request where reference = ?", Date.class,
                request.getReference())).isNotNull();
        digests.sendAll();
        desk.deliverStaffMail();
        assertThat(lastMailTo("operator@staff.interactivemedia.example")).contains("[statutory date passed]")
                .contains(request.getReference());
    }

    @Test
    void anExtensionMovesTheWarningAndTheBreachTimers() throws Exception {
        DataSubjectRequest request = desk.enteredByStaff("ERASURE", DeskDriver.uniqueEmail(), "POST", TODAY.toString());
        String process = desk.processOf(request.getReference()).getId();
        Date breachBefore = timer(process, "StartEvent_StatutoryDatePassed").getDuedate();

        mvc.perform(post("/api/requests/{reference}/extension", request.getReference()).with(httpBasic("operator", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"months\":2,\"reason\":\"Archives on paper.\"}"))
                .andExpect(status().isOk());

        Date breachAfter = timer(process, "StartEvent_StatutoryDatePassed").getDuedate();
        Date warningAfter = timer(process, "StartEvent_StatutoryDateNear").getDuedate();
        assertThat(breachAfter).isAfter(new Date(breachBefore.getTime() + 55L * 24 * 3600 * 1000));
        assertThat(warningAfter).isBefore(breachAfter).isAfter(breachBefore);
    }

    private Job timer(String processInstanceId, String activityId) {
        return management.createJobQuery().timers().processInstanceId(processInstanceId).activityId(activityId).singleResult();
    }

    private List<Job> dueNow(String processInstanceId) {
        return management.createJobQuery().timers().processInstanceId(processInstanceId).executable().list();
    }

    private long mailsTo(String email) {
        return jdbc.queryForObject("select count(*) from dev_mail where recipient = ?", Long.class, email);
    }

    private String lastMailTo(String email) {
        return jdbc.queryForList("select body from dev_mail where recipient = ? order by id desc", String.class, email).get(0);
    }
}
