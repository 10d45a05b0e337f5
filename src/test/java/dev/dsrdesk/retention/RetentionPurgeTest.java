package dev.dsrdesk.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.support.DeskDriver;
import dev.dsrdesk.support.DeskTest;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Policy section 5: closed requests keep their data for the retention period, then only an anonymised record. */
@DeskTest
class RetentionPurgeTest {

    private static final Period RETENTION = Period.ofYears(3);

    @Autowired DeskDriver desk;
    @Autowired RetentionPurge retention;
    @Autowired JdbcTemplate jdbc;
    @Autowired HistoryService history;
    @Autowired RepositoryService repository;
    @Autowired ManagementService management;
    @Autowired ProcessEngine engine;
    @Autowired Clock clock;

    @Test
    void aClosedRequestKeepsItsDataForTheRetentionPeriodThenOnlyAnAnonymisedRecord() {
        String email = DeskDriver.uniqueEmail();
        DataSubjectRequest request = desk.closedAccessRequest(email);
        String reference = request.getReference();
        long auditBefore = auditEvents(reference);

        retention.purgeAsOf(inYears(clock.instant(), RETENTION).minusSeconds(86_400));
        assertThat(jdbc.queryForObject("select email from data_subject_request where reference = ?", String.class, reference))
                .as("a day before the period ends").isEqualTo(email);

        retention.purgeAsOf(inYears(clock.instant(), RETENTION).plusSeconds(86_400));

        Map<String, Object> row = jdbc.queryForMap("select * from data_subject_request where reference = ?", reference);
        assertThat(row.get("FULL_NAME")).isEqualTo("[purged]");
        assertThat(row.get("EMAIL")).isEqualTo("[purged]");
        assertThat(row.get("DETAILS")).isNull();
        assertThat(row.get("PURGED_AT")).isNotNull();
        assertThat(row.get("REQUEST_TYPE")).as("evidence kept").isEqualTo("ACCESS");
        assertThat(row.get("STATUS")).isEqualTo("CLOSED");
        assertThat(row.get("CLOSED_AT")).isNotNull();
        assertThat(jdbc.queryForList("select records_json from entity_step where request_id = ? and records_json is not null",
                String.class, request.getId())).isEmpty();
        assertThat(jdbc.queryForList("select entity_id from entity_step where request_id = ?", String.class, request.getId()))
                .as("which entity did what stays").hasSize(5);
        assertThat(count("select count(*) from download_link where request_id = ?", request.getId())).isZero();
        assertThat(count("select count(*) from verification_token where request_id = ?", request.getId())).isZero();
        assertThat(count("select count(*) from queued_mail where reference = ?", reference)).isZero();
        assertThat(count("select count(*) from dev_mail where recipient = ?", email)).isZero();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceIdIn(historicInstances(reference)).count())
                .isZero();
        List<String> trail = jdbc.queryForList("select event_type from audit_event where reference = ? order by id",
                String.class, reference);
        assertThat(trail).hasSize((int) auditBefore + 1).startsWith("RECEIVED").endsWith("PURGED");
        assertThat(jdbc.queryForList("select details from audit_event where reference = ?", String.class, reference))
                .noneMatch(details -> details != null && details.contains(email));
    }

    @Test
    void aPurgedRequestIsNotPurgedAgainAndAnOpenOneNeverIs() {
        DataSubjectRequest closed = desk.closedAccessRequest(DeskDriver.uniqueEmail());
        String openEmail = DeskDriver.uniqueEmail();
        DataSubjectRequest open = desk.awaitingVerification("ERASURE", openEmail);
        Instant muchLater = inYears(clock.instant(), Period.ofYears(10));

        retention.purgeAsOf(muchLater);
        retention.purgeAsOf(muchLater);

        assertThat(count("select count(*) from audit_event where reference = ? and event_type = 'PURGED'", closed.getReference()))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select email from data_subject_request where reference = ?", String.class,
                open.getReference())).isEqualTo(openEmail);
        assertThat(count("select count(*) from audit_event where reference = ? and event_type = 'PURGED'", open.getReference()))
                .isZero();
    }

    @Test
    void thePurgeRunsNightlyAsAJobAndEngineHistoryIsCleanedNoLaterThanTheDesk() {
        assertThat(management.createJobQuery().processDefinitionKey("retention-purge").timers().count())
                .as("the nightly timer").isEqualTo(1);
        int retentionDays = 3 * 366;
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
            assertThat(definition.getHistoryTimeToLive()).as(definition.getKey()).isNotNull().isLessThanOrEqualTo(retentionDays);
        }
        for (DecisionDefinition definition : repository.createDecisionDefinitionQuery().latestVersion().list()) {
            assertThat(definition.getHistoryTimeToLive()).as(definition.getKey()).isNotNull().isLessThanOrEqualTo(retentionDays);
        }
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
    }

    private String[] historicInstances(String reference) {
        return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).list().stream()
                .map(instance -> instance.getId()).toArray(String[]::new);
    }

    private Instant inYears(Instant from, Period period) {
        return from.atZone(clock.getZone()).plus(period).toInstant();
    }

    private long auditEvents(String reference) {
        return count("select count(*) from audit_event where reference = ?", reference);
    }

    private long count(String sql, Object argument) {
        return jdbc.queryForObject(sql, Long.class, argument);
    }
}
