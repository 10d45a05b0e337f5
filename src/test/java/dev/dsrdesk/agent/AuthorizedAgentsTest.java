package dev.dsrdesk.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.retention.RetentionPurge;
import dev.dsrdesk.support.DeskDriver;
import dev.dsrdesk.support.DeskTest;
import java.time.Clock;
import java.time.Period;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the desk keeps of an agent: who they are while the request needs it, what was decided of their permission
 * for as long as the request's record lasts; never in the engine, the logs' reach or the audit trail's words.
 */
@DeskTest
class AuthorizedAgentsTest {

    @Autowired DeskDriver desk;
    @Autowired AuthorizedAgents agents;
    @Autowired RetentionPurge retention;
    @Autowired ManagementService management;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;

    @Test
    void theAgentIsKeptInTheDesksTableAndNeitherInTheProcessNorInTheAuditTrail() {
        String agentEmail = "paolo+" + System.nanoTime() + "@agents.example";
        DataSubjectRequest request = desk.submitByAgent("ACCESS", DeskDriver.uniqueEmail(), agentEmail);

        assertThat(agents.of(request.getReference())).hasValueSatisfying(agent -> {
            assertThat(agent.name()).isEqualTo("Paolo Bianchi");
            assertThat(agent.email()).isEqualTo(agentEmail);
            assertThat(agent.organisation()).isEqualTo("Privacy Agents Inc.");
            assertThat(agent.permission()).isNull();
        });
        assertThat(agents.madeOnBehalf(request.getReference())).isTrue();
        assertThat(desk.processOf(request.getReference()).getProcessInstanceId()).isNotNull();
        assertThat(jdbc.queryForList("select text_ from act_ru_variable where proc_inst_id_ = ? and text_ is not null",
                String.class, desk.processOf(request.getReference()).getId()))
                .noneMatch(value -> value.contains("Paolo") || value.contains(agentEmail) || value.contains("Privacy Agents"));
        assertThat(jdbc.queryForList("select coalesce(details, '') from audit_event where reference = ?", String.class,
                request.getReference()))
                .contains("made on the data subject's behalf by an authorized agent")
                .noneMatch(details -> details.contains("Paolo") || details.contains(agentEmail) || details.contains("Privacy Agents"));
    }

    @Test
    void theAgentHearsThatARequestThePersonNeverConfirmedWasClosed() {
        String agentEmail = "paolo+" + System.nanoTime() + "@agents.example";
        DataSubjectRequest request = desk.submitByAgent("ERASURE", DeskDriver.uniqueEmail(), agentEmail);

        management.executeJob(management.createJobQuery().processInstanceId(desk.processOf(request.getReference()).getId())
                .activityId("Event_VerificationWindowExpired").singleResult().getId());
        desk.runJobs(request.getReference());

        assertThat(desk.statusOf(request.getReference())).isEqualTo("CLOSED_UNVERIFIED");
        assertThat(desk.lastMailTo(agentEmail, "made on someone’s behalf: it has ended"))
                .contains("the person you act for did not confirm it at their email address in time");
        assertThat(desk.mailSubjectsTo(agentEmail)).hasSize(2);
    }

    @Test
    void theRetentionPurgeForgetsWhoTheAgentWasAndKeepsThatOneAskedAndWhatWasDecided() {
        String agentEmail = "paolo+" + System.nanoTime() + "@agents.example";
        String email = DeskDriver.uniqueEmail();
        DataSubjectRequest request = desk.submitByAgent("ACCESS", email, agentEmail);
        desk.verify(email);
        desk.complete(desk.taskOf(request.getReference(), "Task_ReviewIdentity"), Map.of("permissionAccepted", true,
                "identityEvidence", "Signed by Ada Lovelace, names Paolo Bianchi"));
        desk.complete(desk.taskOf(request.getReference(), "Task_TriageRequest"), Map.of("decision", "ACCEPT"));
        desk.answerAcceptedAccessRequest(request);
        assertThat(desk.statusOf(request.getReference())).isEqualTo("CLOSED");

        retention.purgeAsOf(clock.instant().atZone(clock.getZone()).plus(Period.ofYears(3)).plusDays(1).toInstant());

        Map<String, Object> row = jdbc.queryForMap("select * from authorized_agent where request_id = ?", request.getId());
        assertThat(row.get("NAME")).isEqualTo("[purged]");
        assertThat(row.get("EMAIL")).isEqualTo("[purged]");
        assertThat(row.get("ORGANISATION")).isNull();
        assertThat(row.get("PERMISSION_NOTE")).isNull();
        assertThat(row.get("PERMISSION")).as("what was decided stays, as evidence").isEqualTo("ACCEPTED");
        assertThat(row.get("DECIDED_AT")).isNotNull();
    }
}
