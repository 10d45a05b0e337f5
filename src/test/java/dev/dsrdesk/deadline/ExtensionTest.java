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

    private static MockHttpServletRequestBuilder extension(String reference, int months, String reason) {
        return post("/api/requests/{reference}/extension", reference).with(httpBasic("operator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"months\":" + months + ",\"reason\":\"" + reason + "\"}");
    }
}
