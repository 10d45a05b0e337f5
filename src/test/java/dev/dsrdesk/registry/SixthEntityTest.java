package dev.dsrdesk.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrdesk.deadline.DeadlineCalendars;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.support.DeskDriver;
import dev.dsrdesk.support.ReconfiguredDeskTest;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Adding an entity is configuration only: the diagrams never change. */
@ReconfiguredDeskTest
class SixthEntityTest {

    @Autowired DeskDriver desk;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired FilterService filters;
    @Autowired AuthorizationService authorizations;
    @Autowired EntityRegistry registry;
    @Autowired DeadlineCalendars calendars;

    @Test
    void aSixthEntityInTheRegistryGetsItsOwnTaskGroupAndFilter() {
        DataSubjectRequest request = desk.acceptedRequest("ERASURE", DeskDriver.uniqueEmail());

        List<Task> steps = desk.entityTasks(request.getReference());
        assertThat(steps).hasSize(6);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(request.getReference())
                .taskCandidateGroup("affiliate-lisbon").list()).singleElement()
                .satisfies(task -> assertThat(task.getName()).contains("ERASE"));
        assertThat(identity.createGroupQuery().groupId("affiliate-lisbon").singleResult().getName())
                .isEqualTo("IM Portugal Lda (fictitious sixth affiliate)");
        assertThat(filters.createTaskFilterQuery().filterName("Tasks of IM Portugal Lda (fictitious sixth affiliate)").count())
                .isEqualTo(1);

        steps.forEach(step -> desk.complete(step, Map.of("outcome", "NO_DATA")));
        desk.runJobs(request.getReference());
        assertThat(desk.taskOf(request.getReference(), "Task_ReviewResponse")).isNotNull();
    }

    @Test
    void theSixthEntitysCalendarIsConfigurationToo() {
        Entity lisbon = registry.byId("lisbon");

        assertThat(lisbon.holidaySubdivisions()).containsExactly("11", "LSB");
        assertThat(lisbon.closingDays()).containsExactly(LocalDate.parse("2026-12-31"));
        assertThat(lisbon.yearlyClosingDays()).as("read from \"12-24\"").containsExactly(MonthDay.of(12, 24));
        assertThat(calendars.entity("lisbon").isWorkingDay(LocalDate.parse("2029-06-13"))).as("Saint Anthony").isFalse();
        assertThat(calendars.entity("lisbon").isWorkingDay(LocalDate.parse("2029-12-24"))).as("every 24 December").isFalse();
        assertThat(calendars.entity("lisbon").isWorkingDay(LocalDate.parse("2026-12-31"))).as("once").isFalse();
        assertThat(calendars.entity("lisbon").isWorkingDay(LocalDate.parse("2027-12-31"))).as("a Friday").isTrue();
    }
}
