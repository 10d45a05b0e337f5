package dev.dsrdesk.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.support.DeskDriver;
import dev.dsrdesk.support.DeskTest;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@DeskTest
class DownloadPageTest {

    @Autowired MockMvc mvc;
    @Autowired DeskDriver desk;
    @Autowired JdbcTemplate jdbc;

    @Test
    void openingAsksConfirmingServesTheReportAndRecordsTheDownload() throws Exception {
        String email = DeskDriver.uniqueEmail();
        DataSubjectRequest request = desk.closedAccessRequest(email);
        String secret = desk.downloadSecret(email);
        long before = downloads();

        mvc.perform(get("/download").param("token", secret))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Open my data report")));
        assertThat(downloads()).as("opening the link serves nothing").isEqualTo(before);

        mvc.perform(post("/download").param("token", secret).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(request.getReference())))
                .andExpect(content().string(Matchers.containsString("kept.in.crm@example.org")));
        assertThat(downloads()).isEqualTo(before + 1);
    }

    @Test
    void anExpiredLinkExplainsHowToAskAgainAndServesNothing() throws Exception {
        String email = DeskDriver.uniqueEmail();
        DataSubjectRequest request = desk.closedAccessRequest(email);
        String secret = desk.downloadSecret(email);
        jdbc.update("update download_link set expires_at = created_at where request_id = ?", request.getId());

        mvc.perform(post("/download").param("token", secret).with(csrf()))
                .andExpect(status().isGone())
                .andExpect(content().string(Matchers.containsString("submit a new request")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("kept.in.crm@example.org"))));
    }

    @Test
    void answersWithoutPersonalDataComeWithoutALink() {
        String email = DeskDriver.uniqueEmail();
        DataSubjectRequest request = desk.acceptedRequest("ERASURE", email);
        desk.entityTasks(request.getReference()).forEach(step -> desk.complete(step, DeskDriver.doneAnswer(step)));
        desk.runJobs(request.getReference());
        desk.complete(desk.taskOf(request.getReference(), "Task_ReviewResponse"), Map.of("approved", true));
        desk.runJobs(request.getReference());

        assertThat(desk.lastMailTo(email, "is complete")).doesNotContain("/download");
    }

    private long downloads() {
        return jdbc.queryForObject("select count(*) from download_event", Long.class);
    }
}
