package dev.dsrdesk.agent;

import dev.dsrdesk.audit.AuditTrail;
import dev.dsrdesk.request.Requests;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests made on someone's behalf: who the agent is (name, address, organisation) and whether an operator accepted
 * their signed permission. The desk verifies the data subject directly (the link goes to the request's own address);
 * the agent's address only receives status mail. The process asks {@link #madeOnBehalf} by reference.
 */
@Component
public class AuthorizedAgents {

    private final JdbcTemplate jdbc;
    private final EntityManager entities;
    private final Requests requests;
    private final AuditTrail audit;
    private final Clock clock;

    AuthorizedAgents(JdbcTemplate jdbc, EntityManager entities, Requests requests, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.entities = entities;
        this.requests = requests;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records that this request was made by an agent, in the caller's transaction (the intake's). */
    @Transactional
    public void record(String reference, AgentDetails agent) {
        long requestId = requests.byReference(reference).getId();
        // the request is new in this transaction, written by JPA: its row must exist before the one that names it
        entities.flush();
        jdbc.update("insert into authorized_agent (request_id, name, email, organisation, created_at) values (?, ?, ?, ?, ?)",
                requestId, agent.name(), agent.email(), agent.organisation(),
                Timestamp.from(clock.instant()));
        audit.record(reference, "MADE_BY_AGENT", "requester", "made on the data subject's behalf by an authorized agent");
    }

    /** The agent who made the request, if someone made it on the data subject's behalf. */
    @Transactional(readOnly = true)
    public Optional<AuthorizedAgent> of(String reference) {
        return jdbc.query("""
                select a.name, a.email, a.organisation, a.permission
                from authorized_agent a join data_subject_request r on r.id = a.request_id
                where r.reference = ?""", (row, number) -> new AuthorizedAgent(row.getString("name"), row.getString("email"),
                row.getString("organisation"), row.getString("permission") == null ? null
                        : PermissionDecision.valueOf(row.getString("permission"))), reference).stream().findFirst();
    }

    /** The process's question after the data subject confirmed: made on someone's behalf? */
    @Transactional(readOnly = true)
    public boolean madeOnBehalf(String reference) {
        return of(reference).isPresent();
    }

    /**
     * An operator checked the agent's permission and noted what they checked (kept here, with the agent, until the
     * purge); the reasons of a refusal go to the mails only.
     */
    @Transactional
    public void permissionChecked(String reference, PermissionDecision decision, String note, String operator) {
        int updated = jdbc.update("""
                update authorized_agent set permission = ?, permission_note = ?, decided_by = ?, decided_at = ?
                where request_id = (select id from data_subject_request where reference = ?)""",
                decision.name(), note, operator, Timestamp.from(clock.instant()), reference);
        if (updated != 1) {
            throw new IllegalStateException(reference + " was not made by an agent");
        }
        audit.record(reference, "AGENT_PERMISSION_" + decision.name(), operator, null);
    }
}
