package dev.dsrdesk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.support.DeskDriver;
import dev.dsrdesk.support.DeskTest;
import java.time.LocalDate;
import java.time.ZoneId;
import dev.dsrdesk.request.RequestStatus;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@DeskTest
class SlaDashboardTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Rome"));

    @Autowired org.springframework.context.MessageSource messages;
    @Autowired MockMvc mvc;
    @Autowired DeskDriver desk;

    @Test
    void aManagerSeesOverdueAndSoonDueRequestsWithTheWayToCockpit() throws Exception {
        DataSubjectRequest late = desk.enteredByStaff("ERASURE", DeskDriver.uniqueEmail(), "POST", "2026-10-01");
        DataSubjectRequest soon = desk.enteredByStaff("ERASURE", DeskDriver.uniqueEmail(), "PHONE",
                TODAY.minusMonths(1).plusDays(2).toString());
        String process = desk.processOf(late.getReference()).getId();

        String page = mvc.perform(get("/dashboard").with(httpBasic("manager", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Open requests by state")))
                .andExpect(content().string(containsString("Open steps by entity")))
                .andExpect(content().string(containsString("Slowest entities")))
                .andExpect(content().string(containsString("AWAITING_IDENTITY_REVIEW")))
                .andReturn().getResponse().getContentAsString();

        String overdue = page.substring(page.indexOf("id=\"overdue\""), page.indexOf("id=\"due-soon\""));
        assertThat(overdue).contains(late.getReference()).contains("#/process-instance/" + process + "/runtime")
                .doesNotContain(soon.getReference());
        String dueSoon = page.substring(page.indexOf("id=\"due-soon\""), page.indexOf("id=\"slowest\""));
        assertThat(dueSoon).contains(soon.getReference()).doesNotContain(late.getReference());
        assertThat(page).doesNotContain("@example.org");
    }

    @Test
    void aLongOverdueListShowsTheMostPressingAndCountsTheRest() throws Exception {
        String received = TODAY.minusMonths(1).minusDays(10).toString();
        for (int i = 0; i < 26; i++) {
            desk.enteredByStaff("ACCESS", DeskDriver.uniqueEmail(), "POST", received);
        }

        String page = mvc.perform(get("/dashboard").with(httpBasic("manager", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        long total = Long.parseLong(page.replaceAll("(?s).*id=\"overdue-total\">(\\d+)<.*", "$1"));
        assertThat(total).isGreaterThanOrEqualTo(26);
        String overdue = page.substring(page.indexOf("id=\"overdue\""), page.indexOf("id=\"due-soon\""));
        assertThat(overdue.split("#/process-instance/", -1)).hasSize(25 + 1);
        assertThat(overdue).containsPattern("and <span>" + (total - 25) + "</span> more");
    }

    @Test
    void theRequestListDownloadsAsCsvWithoutPersonalData() throws Exception {
        String email = DeskDriver.uniqueEmail();
        DataSubjectRequest closed = desk.acceptedRequest("RESTRICTION", email);
        desk.entityTasks(closed.getReference()).forEach(step -> desk.complete(step, DeskDriver.doneAnswer(step)));
        desk.runJobs(closed.getReference());
        desk.complete(desk.taskOf(closed.getReference(), "Task_ReviewResponse"), Map.of("approved", true));
        desk.runJobs(closed.getReference());

        String csv = mvc.perform(get("/dashboard/requests.csv").with(httpBasic("operator", "demo")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andExpect(header().string("Content-Disposition", matchesPattern("attachment; filename=\"requests-.*\\.csv\"")))
                .andReturn().getResponse().getContentAsString();

        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("\"reference\",\"type\",\"status\",\"channel\",\"country\",\"region\","
                + "\"received_at\",\"due_date\",\"extended_due_date\",\"clock_paused_at\",\"closed_at\",\"closed_on_time\"");
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .startsWith("\"" + closed.getReference() + "\",\"RESTRICTION\",\"CLOSED\",\"SELF_SERVICE\",\"IT\",\"\",")
                .endsWith(",\"true\""));
        assertThat(csv).doesNotContain("@").doesNotContain("Ada Lovelace");

        String page = mvc.perform(get("/dashboard").with(httpBasic("operator", "demo")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).containsPattern("id=\"on-time\">[1-9]\\d*<");
        assertThat(page).as("states in words, not constants").doesNotContainPattern("<dt>[A-Z_]+</dt>");
        for (RequestStatus status : RequestStatus.values()) {
            assertThat(messages.getMessage("status." + status.name(), null, null, Locale.ENGLISH))
                    .as("the dashboard's word for %s", status).isNotBlank();
        }
    }

    @Test
    void entityUsersAndStrangersSeeNoDashboard() throws Exception {
        mvc.perform(get("/dashboard")).andExpect(status().isUnauthorized());
        mvc.perform(get("/dashboard").with(httpBasic("rome", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/dashboard/requests.csv").with(httpBasic("google-analytics", "demo"))).andExpect(status().isForbidden());
    }
}
