package dev.dsrdesk.suppression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.support.DeskDriver;
import dev.dsrdesk.support.DeskTest;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@DeskTest
class SuppressionRegistryTest {

    @Autowired DeskDriver desk;
    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired ProcessEngine engine;

    @BeforeEach
    void initAssertions() {
        init(engine);
    }

    @Test
    void anAnsweredObjectionSuppressesTheAddressWhateverItsCase() throws Exception {
        String email = DeskDriver.uniqueEmail();
        ProcessInstance process = close("OBJECTION", email);

        assertThat(process).hasPassed("Task_AddToSuppressionRegistry", "Task_SendClosure");
        mvc.perform(get("/api/suppressions").param("email", email.toUpperCase()).with(httpBasic("operator", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.suppressed").value(true))
                .andExpect(jsonPath("$.since").isNotEmpty());
        mvc.perform(get("/api/suppressions").param("email", DeskDriver.uniqueEmail()).with(httpBasic("manager", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.suppressed").value(false))
                .andExpect(jsonPath("$.since").isEmpty());
        assertThat(jdbc.queryForList("select email_hash from suppression", String.class))
                .as("the registry keeps no address").noneMatch(hash -> hash.contains("@"));
    }

    @Test
    void aConsentWithdrawalSuppressesAndOtherRightsDoNot() throws Exception {
        String withdrew = DeskDriver.uniqueEmail();
        close("WITHDRAW_CONSENT", withdrew);
        String erased = DeskDriver.uniqueEmail();
        ProcessInstance erasure = close("ERASURE", erased);

        assertThat(erasure).hasNotPassed("Task_AddToSuppressionRegistry");
        mvc.perform(get("/api/suppressions").param("email", withdrew).with(httpBasic("operator", "demo")))
                .andExpect(jsonPath("$.suppressed").value(true));
        mvc.perform(get("/api/suppressions").param("email", erased).with(httpBasic("operator", "demo")))
                .andExpect(jsonPath("$.suppressed").value(false));
    }

    @Test
    void onlyStaffMayAskAndOnlyAboutAnEmail() throws Exception {
        mvc.perform(get("/api/suppressions").param("email", "ada@example.org")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/suppressions").param("email", "ada@example.org").with(httpBasic("rome", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/suppressions").param("email", "not-an-email").with(httpBasic("operator", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("email"));
        mvc.perform(get("/api/suppressions").with(httpBasic("operator", "demo"))).andExpect(status().isBadRequest());
    }

    private ProcessInstance close(String type, String email) {
        DataSubjectRequest request = desk.acceptedRequest(type, email);
        ProcessInstance process = desk.processOf(request.getReference());
        desk.entityTasks(request.getReference()).forEach(step -> desk.complete(step, DeskDriver.doneAnswer(step)));
        desk.runJobs(request.getReference());
        desk.complete(desk.taskOf(request.getReference(), "Task_ReviewResponse"), Map.of("approved", true));
        desk.runJobs(request.getReference());
        assertThat(process).isEnded();
        return process;
    }
}
