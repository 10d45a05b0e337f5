package dev.dsrdesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.support.DeskDriver;
import dev.dsrdesk.support.DeskTest;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** GDPR Art. 12(3): once, two further months at most, within the first month, with a reasoned notice. */
@DeskTest
class ExtensionTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Rome"));

    @Autowired DeskDriver desk;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired StatutoryDeadlines statutory;
    @Autowired dev.dsrdesk.request.DueDates dueDates;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void anExtensionWithinTheFirstMonthMovesTheDateAndTellsTheRequesterWhy() throws Exception {
        String email = DeskDriver.uniqueEmail();
        DataSubjectRequest request = desk.enteredByStaff("ERASURE", email, "POST", TODAY.toString());

        String granted = mvc.perform(extension(request.getReference(), 2, "Three archives must be searched by hand."))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        LocalDate extended = LocalDate.parse(json.readTree(granted).get("extendedDueDate").asText());

        assertThat(extended).isAfterOrEqualTo(TODAY.plusMonths(3)).isBefore(TODAY.plusMonths(3).plusDays(5));
        assertThat(extended.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        desk.runJobs(request.getReference());
        assertThat(desk.lastMailTo(email, "More time is needed")).contains("Three archives must be searched by hand.")
                .contains("Art. 12(3)");
        mvc.perform(get("/api/requests/{reference}", request.getReference()).with(httpBasic("manager", "demo")))
                .andExpect(jsonPath("$.dueDate").value(request.getDueDate().toString()))
                .andExpect(jsonPath("$.extendedDueDate").value(extended.toString()))
                .andExpect(jsonPath("$.extensionReason").value("Three archives must be searched by hand."))
                .andExpect(jsonPath("$.dueDateReasoning").value(Matchers.containsString(
                        "one month, extended by two months on " + DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).format(TODAY))))
                .andExpect(jsonPath("$.regimes[0].reasoning.extension").value("P2M"));

        mvc.perform(extension(request.getReference(), 1, "Once more, please."))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("only once")));
    }

    @Test
    void anExtensionAfterTheFirstMonthIsRefused() throws Exception {
        DataSubjectRequest request = desk.enteredByStaff("ERASURE", DeskDriver.uniqueEmail(), "POST", "2026-10-01");

        mvc.perform(extension(request.getReference(), 1, "Too late to ask."))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("first month ended")));
    }

    @Test
    void anExtensionBeyondTwoMonthsOrWithoutReasonsIsRefused() throws Exception {
        DataSubjectRequest request = desk.enteredByStaff("ERASURE", DeskDriver.uniqueEmail(), "POST", TODAY.toString());

        mvc.perform(extension(request.getReference(), 3, "A long time."))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("months"));
        mvc.perform(extension(request.getReference(), 1, " "))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(get("/api/requests/{reference}", request.getReference()).with(httpBasic("operator", "demo")))
                .andExpect(jsonPath("$.extendedDueDate").isEmpty());
    }

    @Test
    void lgpdsFifteenDaysCannotBeExtended() throws Exception {
        DataSubjectRequest request = desk.enteredByStaff("ACCESS", DeskDriver.uniqueEmail(), "PHONE", TODAY.toString());

        mvc.perform(extension(request.getReference(), 1, "We are slow."))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("LGPD allows no extension")));
    }

    @Test
    void onlyOperatorsExtend() throws Exception {
        DataSubjectRequest request = desk.enteredByStaff("ERASURE", DeskDriver.uniqueEmail(), "POST", TODAY.toString());
        mvc.perform(post("/api/requests/{reference}/extension", request.getReference()).with(httpBasic("manager", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"months\":1,\"reason\":\"x\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void operatorsExtendThroughTheirForm() throws Exception {
        DataSubjectRequest request = desk.enteredByStaff("ERASURE", DeskDriver.uniqueEmail(), "POST", TODAY.toString());

        mvc.perform(get("/staff/requests/{reference}/extension", request.getReference()).with(httpBasic("operator", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Extend and notify the requester")));
        mvc.perform(post("/staff/requests/{reference}/extension", request.getReference()).with(httpBasic("operator", "demo"))
                        .with(csrf()).param("months", "3").param("reason", "Long."))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("at most two")));
        mvc.perform(post("/staff/requests/{reference}/extension", request.getReference()).with(httpBasic("operator", "demo"))
                        .with(csrf()).param("months", "1").param("reason", "Paper archives."))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("the requester has been told")));
        mvc.perform(post("/staff/requests/{reference}/extension", request.getReference()).with(httpBasic("operator", "demo"))
                        .with(csrf()).param("months", "1").param("reason", "Again."))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("only once")));
        mvc.perform(get("/staff/requests/{reference}/extension", request.getReference()).with(httpBasic("manager", "demo")))
                .andExpect(status().isForbidden());
    }

    @Test
    void noExtensionOnceTheCcpasFortyFiveDaysFromReceiptHaveRunOutThoughTheGdprMonthStartedLater() throws Exception {
        String email = DeskDriver.uniqueEmail();
        DataSubjectRequest request = desk.submit("ACCESS", email, "US", "US-CA");
        // received 50 days ago, identity established 20 days ago where the clock starts then: the CCPA's 45 days
        // ended five days ago, the GDPR month that started at verification has ten days to go
        StatutoryDue due = statutory.due("US", "US-CA", "ACCESS", new DueDateReasoning.Start(TODAY.minusDays(20),
                dev.dsrdesk.request.ClockStart.Event.IDENTITY_ESTABLISHED, null, TODAY.minusDays(50)));
        jdbc.update("update data_subject_request set regimes = ?, due_date = ? where reference = ?",
                statutory.toJson(due.regimes()), due.dueDate(), request.getReference());
        Long events = jdbc.queryForObject("select count(*) from audit_event where reference = ?", Long.class, request.getReference());

        mvc.perform(extension(request.getReference(), 2, "Records across five affiliates"))
                .andExpect(status().isConflict())
                .andExpect(content().string(Matchers.containsString("the CCPA period ended on " + TODAY.minusDays(5))));

        assertThat(jdbc.queryForObject("select extended_due_date from data_subject_request where reference = ?", LocalDate.class,
                request.getReference())).as("not extended").isNull();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where reference = ?", Long.class, request.getReference()))
                .as("nothing audited").isEqualTo(events);
        desk.runJobs(request.getReference());
        assertThat(desk.mailSubjectsTo(email)).noneMatch(subject -> subject.contains("More time is needed"));
    }

    @Test
    void anExtensionGrantedUnderRulesThatNoLongerAllowItKeepsItsDateWhenTheClockStartsAgain() {
        // a Californian opt-out extended by 45 days before opt-outs took 15 business days and no extension
        LocalDate received = LocalDate.parse("2026-11-02");
        StatutoryDue extendedThen = statutory.extended("US", "US-CA", "ACCESS", DueDateReasoning.Start.receipt(received), 2,
                received.plusDays(10));
        java.time.Instant answered = LocalDate.parse("2026-11-20").atStartOfDay(ZoneId.of("Europe/Rome")).toInstant();

        dev.dsrdesk.request.DueDates.Due restarted = dueDates.restart("US", "US-CA", dev.dsrdesk.request.RequestType.OBJECTION,
                dev.dsrdesk.request.ClockStart.answerReceived(answered, answered.minusSeconds(86_400),
                        received.atStartOfDay(ZoneId.of("Europe/Rome")).toInstant()),
                statutory.toJson(extendedThen.regimes()));

        assertThat(restarted.extendedDate()).as("not granted again: the request keeps the date it was told").isNull();
        assertThat(restarted.date()).as("15 business days from receipt").isEqualTo("2026-11-24");
    }

    private static MockHttpServletRequestBuilder extension(String reference, int months, String reason) {
        return post("/api/requests/{reference}/extension", reference).with(httpBasic("operator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"months\":" + months + ",\"reason\":\"" + reason + "\"}");
    }
}
