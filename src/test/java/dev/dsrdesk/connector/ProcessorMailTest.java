package dev.dsrdesk.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.dsrdesk.fulfilment.EntityStep;
import dev.dsrdesk.fulfilment.EntityStepRepository;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.support.DeskDriver;
import dev.dsrdesk.support.SharedSmtpServer;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The analytics processor without an API: its privacy contact gets a mail (through a real SMTP server, GreenMail)
 * with a link to a form, answers there,
 * is reminded every two days with a fresh link, and when the answer is late, managers hear of it and the step goes
 * to the processor liaison.
 */
@SpringBootTest(properties = {
        "spring.mail.host=127.0.0.1",
        "logging.level.com.icegreen.greenmail=warn",
        "dsr.stores[0].id=ga-privacy-contact",
        "dsr.stores[0].entity=google-analytics",
        "dsr.stores[0].name=Google Analytics privacy contact",
        "dsr.stores[0].type=EMAIL",
        "dsr.stores[0].email.to=privacy@analytics.example"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({DeskDriver.class, SharedSmtpServer.class})
class ProcessorMailTest {

    private static final String CONTACT = "privacy@analytics.example";
    private static final Pattern LINK = Pattern.compile("https?://\\S+/processor-answer\\?token=([A-Za-z0-9_-]+)");

    @Autowired DeskDriver desk;
    @Autowired MockMvc mvc;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired EntityStepRepository steps;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theProcessorIsWrittenToAndAnswersOnTheFormBehindTheLink() throws Exception {
        String email = DeskDriver.uniqueEmail();
        DataSubjectRequest request = desk.acceptedRequest("ACCESS", email);
        desk.runJobs(request.getReference());

        String mail = desk.lastMailTo(CONTACT, "Privacy request " + request.getReference() + ": please send us the data you hold");
        assertThat(mail).contains(email).contains("Export:").contains("email " + email + ": verified")
                .as("only verified identifiers travel, never the typed name").doesNotContain("Ada Lovelace");
        String token = tokenIn(mail);
        mvc.perform(get("/processor-answer").param("token", token))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(email)));

        mvc.perform(post("/processor-answer").with(csrf()).param("token", token).param("outcome", "DONE")
                        .param("records", "Web navigation | client id | GA1.2.345\nWeb navigation | pages viewed | 42"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Thank you")));
        desk.runJobs(request.getReference());

        EntityStep step = step(request);
        assertThat(step.getState().name()).isEqualTo("DONE");
        assertThat(step.getRecordsJson()).contains("GA1.2.345").contains("Google Analytics privacy contact");
        assertThat(step.getCompletedBy()).isEqualTo("email:ga-privacy-contact");
        mvc.perform(get("/processor-answer").param("token", token)).andExpect(status().isGone());
    }

    @Test
    void anAnswerOutsideTheFormsRulesIsShownAgainWithTheReasonAndRecordsNothing() throws Exception {
        DataSubjectRequest request = desk.acceptedRequest("ACCESS", DeskDriver.uniqueEmail());
        desk.runJobs(request.getReference());
        String token = tokenIn(desk.lastMailTo(CONTACT, request.getReference()));

        mvc.perform(post("/processor-answer").with(csrf()).param("token", token).param("outcome", "DONE")
                        .param("records", "just some text"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("line 1 must read")));
        mvc.perform(post("/processor-answer").with(csrf()).param("token", token).param("outcome", "PERHAPS"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/processor-answer").param("token", token).param("outcome", "NO_DATA"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/processor-answer").param("token", "forged")).andExpect(status().isBadRequest());
        assertThat(step(request).getState().name()).isEqualTo("OPEN");
    }

    @Test
    void theProcessorIsRemindedWithAFreshLinkThenEscalatedAndHandedToTheLiaison() throws Exception {
        DataSubjectRequest request = desk.acceptedRequest("ERASURE", DeskDriver.uniqueEmail());
        desk.runJobs(request.getReference());
        String first = tokenIn(desk.lastMailTo(CONTACT, request.getReference()));

        management.executeJob(timer(request, "Event_ProcessorReminderDue").getId());
        desk.runJobs(request.getReference());
        String reminder = desk.lastMailTo(CONTACT, "Reminder: privacy request " + request.getReference());
        String second = tokenIn(reminder);
        assertThat(second).isNotEqualTo(first);
        mvc.perform(get("/processor-answer").param("token", first)).andExpect(status().isOk());
        mvc.perform(get("/processor-answer").param("token", second)).andExpect(status().isOk());
        assertThat(timer(request, "Event_ProcessorReminderDue")).as("the next reminder is set").isNotNull();

        management.executeJob(timer(request, "Event_ProcessorReplyOverdue").getId());
        desk.runJobs(request.getReference());

        assertThat(desk.entityTasks(request.getReference())).extracting(DeskDriver::entityOf).contains("google-analytics");
        assertThat(jdbc.queryForList("select kind from staff_notice where text like ?", String.class,
                "%" + request.getReference() + "%")).contains("STEP_LATE");
        mvc.perform(post("/processor-answer").with(csrf()).param("token", second).param("outcome", "NO_DATA"))
                .andExpect(status().isConflict());
        assertThat(step(request).getState().name()).as("the late answer changed nothing").isEqualTo("OPEN");
    }

    private Job timer(DataSubjectRequest request, String activityId) {
        List<Job> timers = management.createJobQuery().timers().activityId(activityId).processInstanceId(desk.entityStepProcess(request.getReference(), "google-analytics")).list();
        return timers.isEmpty() ? null : timers.get(0);
    }

    private EntityStep step(DataSubjectRequest request) {
        return steps.findByRequestIdAndEntityId(request.getId(), "google-analytics").orElseThrow();
    }

    private static String tokenIn(String mail) {
        Matcher matcher = LINK.matcher(mail);
        assertThat(matcher.find()).as("a form link in:%n%s", mail).isTrue();
        return matcher.group(1);
    }
}
