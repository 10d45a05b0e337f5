package dev.dsrdesk.retention;

import dev.dsrdesk.audit.AuditTrail;
import dev.dsrdesk.request.PersonalDataHolder;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily step of process {@code retention-purge}: requests closed longer ago than the retention period lose
 * the requester's personal data, each feature erasing its own ({@link PersonalDataHolder}: the request record, the
 * entities' answers, links, mail, process history …), while what proves compliance stays: reference, type,
 * country, dates, statuses, which entity did what, and the audit trail, which holds no personal data and gains a
 * PURGED event. One transaction per request, so an interrupted run keeps what it finished and the next run goes on.
 */
@Component
public class RetentionPurge {

    private final JdbcTemplate jdbc;
    private final List<PersonalDataHolder> holders;
    private final AuditTrail audit;
    private final RetentionSettings settings;
    private final TransactionTemplate eachRequest;
    private final Clock clock;

    RetentionPurge(JdbcTemplate jdbc, List<PersonalDataHolder> holders, AuditTrail audit, RetentionSettings settings,
                   PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.holders = holders;
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
        PersonalDataHolder.ExpiredRequest request = jdbc.queryForObject(
                "select id, email from data_subject_request where reference = ?",
                (row, number) -> new PersonalDataHolder.ExpiredRequest(row.getLong("id"), reference, row.getString("email"), now),
                reference);
        holders.forEach(holder -> holder.erasePersonalData(request));
        audit.record(reference, "PURGED", null, "personal data removed after the retention period ("
                + settings.keepClosedRequests() + " from closure)");
    }
}
