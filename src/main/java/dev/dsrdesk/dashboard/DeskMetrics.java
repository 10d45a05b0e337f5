package dev.dsrdesk.dashboard;

import dev.dsrdesk.request.RequestClosed;
import dev.dsrdesk.request.RequestStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The desk's figures for Prometheus (/actuator/prometheus, staff only). Open, overdue and closed counts
 * are read from the request table at each scrape, so they cannot drift; time to close is timed as
 * requests close.
 */
@Component
class DeskMetrics implements MeterBinder {

    private static final String FINAL = RequestStatus.finalStatuses().stream()
            .map(status -> "'" + status.name() + "'").collect(Collectors.joining(","));

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private MeterRegistry registry;

    DeskMetrics(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("dsr.requests.open", this, metrics -> metrics.count(
                        "select count(*) from data_subject_request where status not in (" + FINAL + ")"))
                .description("Requests not yet closed").register(registry);
        Gauge.builder("dsr.requests.overdue", this, metrics -> metrics.count(
                        "select count(*) from data_subject_request where status not in (" + FINAL + ") "
                                + "and clock_paused_at is null and coalesce(extended_due_date, due_date) < ?", LocalDate.now(clock)))
                .description("Open requests past their statutory date").register(registry);
        Gauge.builder("dsr.requests.clock-paused", this, metrics -> metrics.count(
                        "select count(*) from data_subject_request where status not in (" + FINAL + ") "
                                + "and clock_paused_at is not null"))
                .description("Open requests whose statutory clock waits for the requester's answer about identity")
                .register(registry);
        Gauge.builder("dsr.mail.waiting", this, metrics -> metrics.count(
                        "select count(*) from queued_mail where delivered_at is null"))
                .description("Mails queued and not yet delivered (mail server slow or down)").register(registry);
        for (RequestStatus status : RequestStatus.finalStatuses()) {
            Gauge.builder("dsr.requests.closed", this, metrics -> metrics.count(
                            "select count(*) from data_subject_request where status = ?", status.name()))
                    .tag("outcome", status.name())
                    .description("Requests closed, by outcome").register(registry);
        }
    }

    @EventListener
    void closed(RequestClosed closed) {
        if (registry != null) {
            Timer.builder("dsr.requests.time.to.close").tag("outcome", closed.status().name())
                    .description("From receipt to closure").register(registry).record(closed.timeToClose());
        }
    }

    private double count(String sql, Object... args) {
        Long count = jdbc.queryForObject(sql, Long.class, args);
        return count == null ? 0 : count;
    }
}
