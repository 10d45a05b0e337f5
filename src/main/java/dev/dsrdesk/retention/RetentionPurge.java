package dev.dsrdesk.retention;

import dev.dsrdesk.audit.AuditTrail;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily step of process {@code retention-purge}: requests closed longer ago than the retention period lose
 * the requester's personal data — name, email, phone, details, identity evidence, the entities' answers, links,
 * queued mail — while what proves compliance stays: reference, type, country, dates, statuses, which entity
 * did what, and the audit trail, which holds no personal data and gains a PURGED event. One transaction per
 * request, so an interrupted run keeps what it finished and the next run goes on.
 */
@Component
public class RetentionPurge {

    static final String PURGED = "[purged]";

    private final JdbcTemplate jdbc;
    private final HistoryService history;
    private final AuditTrail audit;
    private final RetentionSettings settings;
    private final TransactionTemplate eachRequest;
    private final Clock clock;

    RetentionPurge(JdbcTemplate jdbc, HistoryService history, AuditTrail audit, RetentionSettings settings,
                   PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.history = history;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
        this.eachRequest = new TransactionTemplate(transactions);
        this.eachRequest.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Returns how many requests were purged. */
    public int purgeExpired() {
        return purgeAsOf(clock.instant());
    }

    /** As {@link #purgeExpired()} on the given day: the retention period counts back from it. */
    public int purgeAsOf(Instant now) {
        Instant cutoff = now.atZone(clock.getZone()).minus(settings.keepClosedRequests()).toInstant();
        List<String> expired = jdbc.queryForList("""
                select reference from data_subject_request
                where closed_at < ? and purged_at is null order by closed_at""", String.class, Timestamp.from(cutoff));
        expired.forEach(reference -> eachRequest.executeWithoutResult(status -> purge(reference, now)));
        return expired.size();
    }

    private void purge(String reference, Instant now) {
        Long id = jdbc.queryForObject("select id from data_subject_request where reference = ?", Long.class, reference);
        String email = jdbc.queryForObject("select email from data_subject_request where id = ?", String.class, id);
        jdbc.update("delete from download_event where download_link_id in (select id from download_link where request_id = ?)", id);
        jdbc.update("delete from download_link where request_id = ?", id);
        jdbc.update("delete from verification_token where request_id = ?", id);
        jdbc.update("""
                update entity_step set notes = null, records_json = null, action_taken = null, retained = null,
                       value_before = null, value_after = null, recipients_notified = null, possible_matches = null
                where request_id = ?""", id);
        jdbc.update("delete from queued_mail where reference = ?", reference);
        jdbc.update("delete from dev_mail where recipient = ?", email);
        jdbc.update("delete from intake_idempotency_key where reference = ?", reference);
        jdbc.update("delete from connector_callback where reference = ?", reference);
        jdbc.update("""
                update data_subject_request set full_name = ?, email = ?, phone = null, details = null,
                       identity_evidence = null, purged_at = ?, version = version + 1
                where id = ?""", PURGED, PURGED, Timestamp.from(now), id);
        for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(reference).list()) {
            history.deleteHistoricVariableInstancesByProcessInstanceId(instance.getId());
        }
        audit.record(reference, "PURGED", null, "personal data removed after the retention period ("
                + settings.keepClosedRequests() + " from closure)");
    }
}
