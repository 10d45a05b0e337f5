package dev.dsrdesk.dashboard;

import dev.dsrdesk.notification.MailOutbox;
import dev.dsrdesk.process.DeskProcess;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.NativeProcessInstanceQuery;
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
    /** A paused clock has no date yet: the period starts again, in full, from the requester's answer. */
    private static final String CLOCK_RUNS = "clock_paused_at is null";
    private static final String PROCESS_KEY = DeskProcess.DATA_SUBJECT_REQUEST;
    private static final int DUE_ROWS_SHOWN = 25;
    private static final Duration SPEED_WINDOW = Duration.ofDays(90);

    private final NamedParameterJdbcTemplate jdbc;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final MailOutbox outbox;
    private final EntityRegistry registry;
    private final Clock clock;

    SlaFiguresQuery(NamedParameterJdbcTemplate jdbc, RuntimeService runtime, ManagementService management,
                    EntityRegistry registry, MailOutbox outbox, Clock clock) {
        this.management = management;
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
                .addValue("speedSince", Timestamp.from(clock.instant().minus(SPEED_WINDOW)))
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

        SlaFigures.DueList dueSoon = due("%s and %s between :today and :week".formatted(CLOCK_RUNS, EFFECTIVE_DUE), params);
        SlaFigures.DueList overdue = due("%s and %s < :today".formatted(CLOCK_RUNS, EFFECTIVE_DUE), params);
        SlaFigures.DueList clockPaused = due("clock_paused_at is not null", params);

        List<Closed> closed = jdbc.query("""
                select received_at, closed_at, %s from data_subject_request
                where closed_at >= :monthStart and status in (:final)""".formatted(EFFECTIVE_DUE), params,
                (row, i) -> new Closed(row.getTimestamp(1), row.getTimestamp(2), row.getObject(3, LocalDate.class)));
        ZoneId zone = clock.getZone();
        long onTime = closed.stream().filter(c -> !c.closedAt().toInstant().atZone(zone).toLocalDate().isAfter(c.due())).count();

        return new SlaFigures(today, byStatus, byEntity, dueSoon, overdue, clockPaused, onTime, closed.size() - onTime,
                median(closed), slowest(params, names), runtime.createIncidentQuery().count(), outbox.waiting());
    }

    private SlaFigures.DueList due(String condition, MapSqlParameterSource params) {
        String open = "from data_subject_request where status not in (:final) and " + condition;
        Long total = jdbc.queryForObject("select count(*) " + open, params, Long.class);
        List<SlaFigures.DueRequest> first = jdbc.query("""
                select reference, request_type, status, %s, clock_paused_at %s
                order by clock_paused_at, 4, reference fetch first %d rows only"""
                .formatted(EFFECTIVE_DUE, open, DUE_ROWS_SHOWN), params,
                (row, i) -> new SlaFigures.DueRequest(row.getString(1), row.getString(2), row.getString(3),
                        row.getObject(4, LocalDate.class), pausedOn(row.getTimestamp(5)), null));
        Map<String, String> processes = processesOf(first.stream().map(SlaFigures.DueRequest::reference).toList());
        return new SlaFigures.DueList(total == null ? 0 : total, first.stream()
                .map(r -> new SlaFigures.DueRequest(r.reference(), r.type(), r.status(), r.dueDate(), r.clockPausedOn(),
                        processes.get(r.reference())))
                .toList());
    }

    private LocalDate pausedOn(Timestamp pausedAt) {
        return pausedAt == null ? null : pausedAt.toInstant().atZone(clock.getZone()).toLocalDate();
    }

    /** The requests' process instances in one query (the query API has no "business key in"). */
    private Map<String, String> processesOf(List<String> references) {
        if (references.isEmpty()) {
            return Map.of();
        }
        String keys = IntStream.range(0, references.size()).mapToObj(i -> "#{key" + i + "}")
                .collect(Collectors.joining(", "));
        NativeProcessInstanceQuery query = runtime.createNativeProcessInstanceQuery().sql(
                "select RES.* from " + management.getTableName(ProcessInstance.class) + " RES"
                        + " where RES.PARENT_ID_ is null and RES.PROC_DEF_ID_ like #{definition} and RES.BUSINESS_KEY_ in (" + keys + ")")
                .parameter("definition", PROCESS_KEY + ":%");
        for (int i = 0; i < references.size(); i++) {
            query.parameter("key" + i, references.get(i));
        }
        return query.list().stream().collect(Collectors.toMap(ProcessInstance::getBusinessKey, ProcessInstance::getId,
                (one, other) -> one));
    }

    private List<SlaFigures.EntitySpeed> slowest(MapSqlParameterSource params, Map<String, String> names) {
        // counted by the database, and speed only over the last 90 days: the board stays quick however long the
        // desk has run and however many steps are open
        Map<String, Long> openLate = jdbc.query("""
                select entity_id, count(*) from entity_step where state = 'OPEN' and due_date < :today
                group by entity_id""", params, (row, i) -> Map.entry(row.getString(1), row.getLong(2)))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Map<String, Speed> answered = jdbc.query("""
                select entity_id, avg(extract(epoch from completed_at) - extract(epoch from opened_at)) / 86400.0, count(*)
                from entity_step where completed_at >= :speedSince and opened_at is not null
                group by entity_id""", params, (row, i) -> new Speed(row.getString(1), row.getDouble(2), row.getLong(3)))
                .stream().collect(Collectors.toMap(Speed::entityId, speed -> speed));
        List<SlaFigures.EntitySpeed> speeds = new ArrayList<>();
        Set<String> entities = new TreeSet<>(openLate.keySet());
        entities.addAll(answered.keySet());
        for (String entity : entities) {
            Speed speed = answered.getOrDefault(entity, new Speed(entity, 0, 0));
            speeds.add(new SlaFigures.EntitySpeed(names.getOrDefault(entity, entity), speed.averageDays(), speed.answered(),
                    openLate.getOrDefault(entity, 0L), 0));
        }
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

    private record Speed(String entityId, double averageDays, long answered) {
    }

    private record Closed(Timestamp receivedAt, Timestamp closedAt, LocalDate due) {
    }
}
