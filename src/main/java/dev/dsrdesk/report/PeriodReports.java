package dev.dsrdesk.report;

import dev.dsrdesk.registry.EntityRegistry;
import dev.dsrdesk.request.RequestStatus;
import dev.dsrdesk.request.RequestType;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes a period's report from the desk's own tables: the requests, their entity steps, and the audit trail for
 * why a refusal was made. Reads only columns that hold no personal data (no name, email, phone, details, notes).
 */
@Component
class PeriodReports {

    private final NamedParameterJdbcTemplate jdbc;
    private final EntityRegistry registry;
    private final Clock clock;

    PeriodReports(NamedParameterJdbcTemplate jdbc, EntityRegistry registry, Clock clock) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    PeriodReport of(ReportPeriod period) {
        ZoneId zone = clock.getZone();
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("start", Timestamp.from(period.from().atStartOfDay(zone).toInstant()))
                .addValue("end", Timestamp.from(period.to().plusDays(1).atStartOfDay(zone).toInstant()));
        Map<Long, Set<String>> entitiesOf = new HashMap<>();
        Map<String, List<StepFacts>> steps = new TreeMap<>();
        jdbc.query("""
                select s.request_id, s.entity_id, s.state, s.opened_at, s.due_date, s.completed_at
                from entity_step s join data_subject_request r on r.id = s.request_id
                where r.received_at >= :start and r.received_at < :end and s.state <> 'NOT_INVOLVED'""", params, row -> {
            String entity = row.getString(2);
            entitiesOf.computeIfAbsent(row.getLong(1), id -> new HashSet<>()).add(entity);
            steps.computeIfAbsent(entity, id -> new ArrayList<>()).add(new StepFacts(entity, row.getString(3),
                    day(row.getTimestamp(4), zone), row.getObject(5, LocalDate.class), day(row.getTimestamp(6), zone)));
        });
        List<RequestFacts> requests = jdbc.query("""
                select r.id, r.request_type, r.status, r.country, r.region, r.received_at, r.due_date,
                       r.extended_due_date, r.extended_at, r.closed_at,
                       case when exists (select 1 from entity_step s where s.request_id = r.id and s.kept_data) then 1 else 0 end,
                       case when r.status <> 'REJECTED' then null
                            when exists (select 1 from audit_event a where a.reference = r.reference
                                         and a.event_type = 'AGENT_PERMISSION_REFUSED') then 'AGENT_PERMISSION_REFUSED'
                            when exists (select 1 from audit_event a where a.reference = r.reference
                                         and a.event_type = 'IDENTITY_NOT_ESTABLISHED') then 'IDENTITY_NOT_ESTABLISHED'
                            when exists (select 1 from audit_event a where a.reference = r.reference
                                         and a.event_type = 'TRIAGED' and a.details = 'REJECT') then 'MANIFESTLY_UNFOUNDED_OR_EXCESSIVE'
                            else 'NOT_RECORDED' end
                from data_subject_request r
                where r.received_at >= :start and r.received_at < :end""", params, (row, n) -> {
            LocalDate extendedDue = row.getObject(8, LocalDate.class);
            String refusal = row.getString(12);
            return new RequestFacts(RequestType.valueOf(row.getString(2)), row.getString(4), row.getString(5),
                    day(row.getTimestamp(6), zone), extendedDue != null ? extendedDue : row.getObject(7, LocalDate.class),
                    row.getTimestamp(9) != null || extendedDue != null, day(row.getTimestamp(10), zone),
                    Outcome.of(RequestStatus.valueOf(row.getString(3)), row.getInt(11) == 1),
                    refusal == null ? null : RefusalReason.valueOf(refusal),
                    Set.copyOf(entitiesOf.getOrDefault(row.getLong(1), Set.of())));
        });
        return PeriodReport.of(period, LocalDate.now(clock), requests, steps, registry.ids(), this::entityName);
    }

    private String entityName(String id) {
        try {
            return registry.byId(id).name();
        } catch (NoSuchElementException e) {
            return id + " (no longer registered)";
        }
    }

    private static LocalDate day(Timestamp timestamp, ZoneId zone) {
        return timestamp == null ? null : timestamp.toInstant().atZone(zone).toLocalDate();
    }
}
