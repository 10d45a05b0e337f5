package dev.dsrdesk.dashboard;

import dev.dsrdesk.notification.MailOutbox;
import dev.dsrdesk.registry.EntityRegistry;
import dev.dsrdesk.request.RequestStatus;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Counts the SLA figures from the desk's tables and the engine's incidents, at the moment they are asked for. */
@Component
class SlaFiguresQuery {

    private static final List<String> FINAL = RequestStatus.finalStatuses().stream().map(Enum::name).toList();
    private static final String EFFECTIVE_DUE = "coalesce(extended_due_date, due_date)";

    private final NamedParameterJdbcTemplate jdbc;
    private final RuntimeService runtime;
    private final MailOutbox outbox;
    private final EntityRegistry registry;
    private final Clock clock;

    SlaFiguresQuery(NamedParameterJdbcTemplate jdbc, RuntimeService runtime, EntityRegistry registry, MailOutbox outbox,
                    Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.runtime = runtime;
        this.registry = registry;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    SlaFigures figures() {
        LocalDate today = LocalDate.now(clock);
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("final", FINAL)
                .addValue("today", today)
                .addValue("week", today.plusDays(7))
                .addValue("monthStart", Timestamp.from(today.withDayOfMonth(1).atStartOfDay(clock.getZone()).toInstant()));

        List<SlaFigures.Count> byStatus = bars(jdbc.query("""
                select status, count(*) from data_subject_request where status not in (:final)
                group by status order by count(*) desc, status""", params,
                (row, i) -> Map.entry(row.getString(1), row.getLong(2))));
        Map<String, String> names = registry.entities().stream()
                .collect(Collectors.toMap(entity -> entity.id(), entity -> entity.name()));
        List<SlaFigures.Count> byEntity = bars(jdbc.query("""
                select entity_id, count(*) from entity_step where state = 'OPEN'
                group by entity_id order by count(*) desc, entity_id""", params,
                (row, i) -> Map.entry(names.getOrDefault(row.getString(1), row.getString(1)), row.getLong(2))));

        List<SlaFigures.DueRequest> dueSoon = due("""
                select reference, request_type, status, %s from data_subject_request
                where status not in (:final) and %s between :today and :week order by 4, reference"""
                .formatted(EFFECTIVE_DUE, EFFECTIVE_DUE), params);
        List<SlaFigures.DueRequest> overdue = due("""
                select reference, request_type, status, %s from data_subject_request
                where status not in (:final) and %s < :today order by 4, reference"""
                .formatted(EFFECTIVE_DUE, EFFECTIVE_DUE), params);

        List<Closed> closed = jdbc.query("""
                select received_at, closed_at, %s from data_subject_request
                where closed_at >= :monthStart and status in (:final)""".formatted(EFFECTIVE_DUE), params,
                (row, i) -> new Closed(row.getTimestamp(1), row.getTimestamp(2), row.getObject(3, LocalDate.class)));
        ZoneId zone = clock.getZone();
        long onTime = closed.stream().filter(c -> !c.closedAt().toInstant().atZone(zone).toLocalDate().isAfter(c.due())).count();

        return new SlaFigures(today, byStatus, byEntity, dueSoon, overdue, onTime, closed.size() - onTime,
                median(closed), slowest(params, names), runtime.createIncidentQuery().count(), outbox.waiting());
    }

    private List<SlaFigures.DueRequest> due(String sql, MapSqlParameterSource params) {
        return jdbc.query(sql, params, (row, i) -> new SlaFigures.DueRequest(row.getString(1), row.getString(2),
                row.getString(3), row.getObject(4, LocalDate.class), processOf(row.getString(1))));
    }

    private String processOf(String reference) {
        ProcessInstance process = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey("data-subject-request").singleResult();
        return process == null ? null : process.getId();
    }

    private List<SlaFigures.EntitySpeed> slowest(MapSqlParameterSource params, Map<String, String> names) {
        List<Step> rows = jdbc.query("""
                select entity_id, opened_at, completed_at, state, due_date from entity_step
                where opened_at is not null""", params, (row, i) -> new Step(row.getString(1), row.getTimestamp(2),
                row.getTimestamp(3), row.getString(4), row.getObject(5, LocalDate.class)));
        LocalDate today = LocalDate.now(clock);
        List<SlaFigures.EntitySpeed> speeds = new ArrayList<>();
        rows.stream().collect(Collectors.groupingBy(Step::entityId)).forEach((entity, steps) -> {
            List<Double> days = steps.stream().filter(step -> step.completedAt() != null)
                    .map(step -> Duration.between(step.openedAt().toInstant(), step.completedAt().toInstant()).toMinutes() / 1440.0)
                    .toList();
            long openLate = steps.stream().filter(step -> "OPEN".equals(step.state()) && step.dueDate() != null
                    && step.dueDate().isBefore(today)).count();
            double average = days.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            speeds.add(new SlaFigures.EntitySpeed(names.getOrDefault(entity, entity), average, days.size(), openLate, 0));
        });
        double slowest = speeds.stream().mapToDouble(SlaFigures.EntitySpeed::averageDays).max().orElse(0);
        return speeds.stream()
                .sorted(Comparator.comparingLong(SlaFigures.EntitySpeed::openLate).reversed()
                        .thenComparing(Comparator.comparingDouble(SlaFigures.EntitySpeed::averageDays).reversed()))
                .map(speed -> new SlaFigures.EntitySpeed(speed.entity(), speed.averageDays(), speed.answered(), speed.openLate(),
                        slowest == 0 ? 0 : (int) Math.round(100 * speed.averageDays() / slowest)))
                .toList();
    }

    private static Double median(List<Closed> closed) {
        List<Double> days = closed.stream()
                .map(c -> Duration.between(c.receivedAt().toInstant(), c.closedAt().toInstant()).toMinutes() / 1440.0)
                .sorted().toList();
        if (days.isEmpty()) {
            return null;
        }
        int middle = days.size() / 2;
        return days.size() % 2 == 1 ? days.get(middle) : (days.get(middle - 1) + days.get(middle)) / 2;
    }

    private static List<SlaFigures.Count> bars(List<Map.Entry<String, Long>> counts) {
        long largest = counts.stream().mapToLong(Map.Entry::getValue).max().orElse(0);
        return counts.stream().map(entry -> new SlaFigures.Count(entry.getKey(), entry.getValue(),
                largest == 0 ? 0 : (int) Math.round(100.0 * entry.getValue() / largest))).toList();
    }

    private record Step(String entityId, Timestamp openedAt, Timestamp completedAt, String state, LocalDate dueDate) {
    }

    private record Closed(Timestamp receivedAt, Timestamp closedAt, LocalDate due) {
    }
}
