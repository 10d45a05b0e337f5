package dev.dsrdesk.dashboard;

import dev.dsrdesk.export.Csv;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The SLA dashboard for managers and operators, and the request list as CSV (no personal data in either). */
@Controller
class SlaDashboardController {

    private final SlaFiguresQuery figures;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    SlaDashboardController(SlaFiguresQuery figures, JdbcTemplate jdbc, Clock clock) {
        this.figures = figures;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @GetMapping("/dashboard")
    String dashboard(Model model) {
        model.addAttribute("sla", figures.figures());
        return "dashboard";
    }

    @GetMapping("/dashboard/requests.csv")
    ResponseEntity<byte[]> requests() {
        StringBuilder csv = new StringBuilder(Csv.row("reference", "type", "status", "channel", "country", "region",
                "received_at", "due_date", "extended_due_date", "clock_paused_at", "closed_at", "closed_on_time"));
        ZoneId zone = clock.getZone();
        jdbc.query("""
                select reference, request_type, status, channel, country, region, received_at, due_date,
                       extended_due_date, closed_at, clock_paused_at
                from data_subject_request order by received_at desc, reference desc""", row -> {
            LocalDate due = row.getObject(9, LocalDate.class) != null ? row.getObject(9, LocalDate.class)
                    : row.getObject(8, LocalDate.class);
            Timestamp closed = row.getTimestamp(10);
            String onTime = closed == null ? "" : String.valueOf(!closed.toInstant().atZone(zone).toLocalDate().isAfter(due));
            csv.append(Csv.row(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                    row.getString(5), nullToEmpty(row.getString(6)), row.getTimestamp(7).toInstant().toString(),
                    String.valueOf(row.getObject(8, LocalDate.class)), nullToEmpty(row.getObject(9, LocalDate.class)),
                    row.getTimestamp(11) == null ? "" : row.getTimestamp(11).toInstant().toString(),
                    closed == null ? "" : closed.toInstant().toString(), onTime));
        });
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("requests-" + LocalDate.now(clock) + ".csv").build().toString())
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String nullToEmpty(Object value) {
        return value == null ? "" : value.toString();
    }
}
