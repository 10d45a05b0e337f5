package dev.dsrdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.support.DeskDriver;
import dev.dsrdesk.support.DeskTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Requests received by post, phone or in person: entered by an operator, identity checked by an operator. */
@DeskTest
class StaffIntakeTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Rome"));

    @Autowired DeskDriver desk;
    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired ProcessEngine engine;

    @BeforeEach
    void initAssertions() {
        init(engine);
    }

    @Test
    void aLetterIsEnteredWithItsReceiptDateAndGoesToIdentityReviewNotToAnEmailLink() {
        String email = DeskDriver.uniqueEmail();
        DataSubjectRequest request = desk.enteredByStaff("ERASURE", email, "POST", "2026-11-02");
        ProcessInstance process = desk.processOf(request.getReference());

        assertThat(request.getDueDate()).as("the clock started when the letter arrived").isEqualTo("2026-12-02");
        assertThat(process).isWaitingAt("Task_ReviewIdentity").hasNotPassed("Task_SendVerificationLink");
        assertThat(desk.mailSubjectsTo(email)).containsExactly("We received your privacy request " + request.getReference());
        assertThat(desk.statusOf(request.getReference())).isEqualTo("AWAITING_IDENTITY_REVIEW");

        assertThatThrownBy(() -> desk.complete(desk.taskOf(request.getReference(), "Task_ReviewIdentity"),
                Map.of("identityVerified", true))).hasMessageContaining("Evidence checked is required");
        assertThatThrownBy(() -> desk.complete(desk.taskOf(request.getReference(), "Task_ReviewIdentity"),
                Map.of("identityVerified", true, "identityEvidence", "Signed letter matches the customer record")))
                .as("established, but by which identifier?").hasMessageContaining("Tick the identifiers the evidence covers");
        desk.complete(desk.taskOf(request.getReference(), "Task_ReviewIdentity"),
                Map.of("identityVerified", true, "identityEvidence", "Signed letter matches the customer record",
                        "emailChecked", true));

        assertThat(process).isWaitingAt("Task_TriageRequest");
        assertThat(jdbc.queryForObject("select email_checked_by from data_subject_request where reference = ?", String.class,
                request.getReference())).as("the review says which identifier it verified").isEqualTo("OPERATOR_REVIEW");
        assertThat(jdbc.queryForObject("select phone_checked_by from data_subject_request where reference = ?", String.class,
                request.getReference())).isNull();
        assertThat(desk.statusOf(request.getReference())).isEqualTo("IN_TRIAGE");
        assertThat(jdbc.queryForObject("select identity_evidence from data_subject_request where reference = ?", String.class,
                request.getReference())).isEqualTo("Signed letter matches the customer record");
        assertThat(jdbc.queryForObject("select entered_by from data_subject_request where reference = ?", String.class,
                request.getReference())).isEqualTo("operator");
    }

    @Test
    void identityThatCannotBeEstablishedIsRefusedWithReasonsAndTheRightToComplain() {
        String email = DeskDriver.uniqueEmail();
        DataSubjectRequest request = desk.enteredByStaff("ERASURE", email, "PHONE", TODAY.toString());
        ProcessInstance process = desk.processOf(request.getReference());

        assertThatThrownBy(() -> desk.complete(desk.taskOf(request.getReference(), "Task_ReviewIdentity"),
                Map.of("identityVerified", false, "identityEvidence", "Caller could not confirm the account email")))
                .hasMessageContaining("Why identity could not be established is required");
        desk.complete(desk.taskOf(request.getReference(), "Task_ReviewIdentity"), Map.of("identityVerified", false,
                "identityEvidence", "Caller could not confirm the account email",
                "refusalReason", "The caller could not confirm the email address we hold."));
        desk.runJobs(request.getReference());

        assertThat(process).hasPassed("Task_SendIdentityRefusal", "EndEvent_IdentityRefused")
                .hasNotPassed("Task_TriageRequest", "CallActivity_FulfilEntityStep").isEnded();
        assertThat(desk.statusOf(request.getReference())).isEqualTo("REJECTED");
        assertThat(desk.lastMailTo(email, "could not confirm your identity"))
                .contains("The caller could not confirm the email address we hold.").contains("Art. 12(6)")
                .contains("ANPD");
    }

    @Test
    void onlyPrivacyStaffMaySetChannelAndReceiptDate() throws Exception {
        String body = body("POST", "2026-11-02");
        mvc.perform(api(body)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("channel"));
        mvc.perform(api(body).with(httpBasic("rome", "demo")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("channel"));
        mvc.perform(api(body).with(httpBasic("operator", "demo")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("AWAITING_IDENTITY_REVIEW"))
                .andExpect(jsonPath("$.dueDate").value("2026-12-02"));
    }

    @Test
    void aReceiptDateInTheFutureOrMissingIsRefused() throws Exception {
        long before = jdbc.queryForObject("select count(*) from data_subject_request", Long.class);
        mvc.perform(api(body("PHONE", TODAY.plusDays(1).toString())).with(httpBasic("operator", "demo")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("receivedAt"))
                .andExpect(jsonPath("$.errors[0].message").value("cannot be in the future"));
        mvc.perform(api(body("PHONE", "2026-02-30")).with(httpBasic("operator", "demo")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("receivedAt"));
        mvc.perform(api(body("PIGEON", TODAY.toString())).with(httpBasic("operator", "demo")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("channel"));
        mvc.perform(api(body("PHONE", null)).with(httpBasic("operator", "demo")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("receivedAt"));
        assertThat(jdbc.queryForObject("select count(*) from data_subject_request", Long.class)).isEqualTo(before);
    }

    @Test
    void operatorsHaveAFormOfTheirOwn() throws Exception {
        mvc.perform(get("/staff/requests/new"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/staff/requests/new")
                        .with(httpBasic("rome", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/staff/requests").with(httpBasic("operator", "demo")).with(csrf())
                        .param("channel", "IN_PERSON").param("receivedAt", TODAY.plusDays(3).toString())
                        .param("type", "ACCESS").param("fullName", "Grace Hopper").param("email", DeskDriver.uniqueEmail())
                        .param("country", "IT").param("language", "it"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("cannot be in the future")));
        mvc.perform(post("/staff/requests").with(httpBasic("operator", "demo")).with(csrf())
                        .param("channel", "IN_PERSON").param("receivedAt", TODAY.toString())
                        .param("type", "ACCESS").param("fullName", "Grace Hopper").param("email", DeskDriver.uniqueEmail())
                        .param("country", "IT").param("language", "it"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Review identity for")));
    }

    private static String body(String channel, String receivedAt) {
        return """
                {"type":"ACCESS","fullName":"Grace Hopper","email":"%s","country":"IT","channel":"%s"%s}"""
                .formatted(DeskDriver.uniqueEmail(), channel, receivedAt == null ? "" : ",\"receivedAt\":\"" + receivedAt + "\"");
    }

    private static MockHttpServletRequestBuilder api(String body) {
        return post("/api/requests").contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
