package dev.dsrdesk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.support.DeskDriver;
import dev.dsrdesk.support.DeskTest;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Prometheus sees the desk's figures, counted from the tables; only staff may scrape them. */
@DeskTest
class DeskMetricsTest {

    @Autowired MockMvc mvc;
    @Autowired DeskDriver desk;

    @Test
    void openOverdueClosedAndTimeToCloseAreExposedToStaff() throws Exception {
        double openBefore = metric(scrape(), "dsr_requests_open");
        desk.enteredByStaff("ERASURE", DeskDriver.uniqueEmail(), "POST", "2026-10-01");
        DataSubjectRequest rejected = desk.verifiedRequest("ACCESS", DeskDriver.uniqueEmail());
        desk.complete(desk.taskOf(rejected.getReference(), "Task_TriageRequest"),
                Map.of("decision", "REJECT", "rejectionReason", "Manifestly excessive: the tenth copy this month."));
        desk.runJobs(rejected.getReference());

        String metrics = scrape();
        assertThat(metric(metrics, "dsr_requests_open")).isEqualTo(openBefore + 1);
        assertThat(metric(metrics, "dsr_requests_overdue")).isGreaterThanOrEqualTo(1);
        assertThat(metric(metrics, "dsr_requests_closed\\{outcome=\"REJECTED\"\\}")).isGreaterThanOrEqualTo(1);
        assertThat(metric(metrics, "dsr_requests_time_to_close_seconds_count\\{outcome=\"REJECTED\"\\}")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void onlyStaffMayScrape() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(httpBasic("rome", "demo"))).andExpect(status().isForbidden());
    }

    private String scrape() throws Exception {
        return mvc.perform(get("/actuator/prometheus").with(httpBasic("manager", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static double metric(String metrics, String name) {
        Matcher matcher = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(metrics);
        assertThat(matcher.find()).as("%s in%n%s", name, metrics).isTrue();
        return Double.parseDouble(matcher.group(2));
    }
}
