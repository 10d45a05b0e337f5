package dev.dsrdesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.dsrdesk.process.StaffDates;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.support.DeskDriver;
import dev.dsrdesk.support.DeskTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Staff see how each statutory date was computed: in the request's API view and on the tasks that decide on it. */
@DeskTest
class DatesWithTheirReasonsTest {

    private static final String SATURDAY_MOVED = "received 28 October 2026 → one month → 28 November 2026 is a Saturday "
            + "→ next working day 30 November 2026";

    @Autowired DeskDriver desk;
    @Autowired MockMvc mvc;
    @Autowired TaskService tasks;

    @Test
    void theApiSaysHowEveryRegimesDateWasComputed() throws Exception {
        DataSubjectRequest request = desk.enteredByStaff("ERASURE", DeskDriver.uniqueEmail(), "POST", "2026-10-28");

        mvc.perform(get("/api/requests/{reference}", request.getReference()).with(httpBasic("manager", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dueDate").value("2026-11-30"))
                .andExpect(jsonPath("$.dueDateReasoning").value(SATURDAY_MOVED))
                .andExpect(jsonPath("$.regimes[0].regime").value("GDPR"))
                .andExpect(jsonPath("$.regimes[0].howComputed").value(SATURDAY_MOVED))
                .andExpect(jsonPath("$.regimes[0].reasoning.startedBy").value("RECEIPT"))
                .andExpect(jsonPath("$.regimes[0].reasoning.periodEnds").value("2026-11-28"))
                .andExpect(jsonPath("$.regimes[0].reasoning.periodEndsOn").value("SATURDAY"));
    }

    @Test
    void theTriageAndEntityTasksShowTheirDatesWithTheirReasons() {
        DataSubjectRequest request = desk.enteredByStaff("RESTRICTION", DeskDriver.uniqueEmail(), "POST", "2026-10-28");
        desk.complete(desk.taskOf(request.getReference(), "Task_ReviewIdentity"),
                Map.of("identityVerified", true, "identityEvidence", "Signed letter matches the CRM", "emailChecked", true));

        Task triage = desk.taskOf(request.getReference(), "Task_TriageRequest");

        assertThat((String) tasks.getVariableLocal(triage.getId(), "statutoryDate"))
                .isEqualTo(StaffDates.day(request.getDueDate()) + ": " + SATURDAY_MOVED);
        desk.complete(triage, Map.of("decision", "ACCEPT"));
        desk.runJobs(request.getReference());
        List<Task> steps = desk.entityTasks(request.getReference());
        assertThat(steps).isNotEmpty().allSatisfy(step -> assertThat((String) tasks.getVariableLocal(step.getId(), "dueDateReasoning"))
                .startsWith("10 days from " + StaffDates.day(LocalDate.now(ZoneId.of("Europe/Rome"))))
                .contains(StaffDates.day(step.getDueDate().toInstant().atZone(ZoneId.of("Europe/Rome")).toLocalDate())));
    }
}
