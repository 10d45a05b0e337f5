package dev.dsrdesk.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The yearly or custom-period report for managers and operators: as a page with charts, as a printable page
 * ({@code ?print}) and as CSV. Parameters are read as text so that a bad one gets a sentence, not a stack trace.
 */
@Controller
class ReportController {

    private final PeriodReports reports;
    private final ObjectMapper json;
    private final Clock clock;

    ReportController(PeriodReports reports, ObjectMapper json, Clock clock) {
        this.reports = reports;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/reports")
    ModelAndView page(@RequestParam(required = false) String year, @RequestParam(required = false) String from,
                      @RequestParam(required = false) String to, @RequestParam(required = false) String print, Model model) {
        model.addAttribute("print", print != null);
        model.addAttribute("year", year);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        ReportPeriod period;
        try {
            period = ReportPeriod.of(year, from, to, LocalDate.now(clock));
        } catch (ReportPeriod.BadPeriod bad) {
            model.addAttribute("problem", bad.getMessage());
            return new ModelAndView("reports", model.asMap(), HttpStatus.BAD_REQUEST);
        }
        PeriodReport report = reports.of(period);
        model.addAttribute("report", report);
        model.addAttribute("weeklyChart", Charts.requestsPerWeek(report.weeks()));
        model.addAttribute("onTimeChart", Charts.onTimePerMonth(report.months()));
        model.addAttribute("entityChart", Charts.entityLateness(report.entities()));
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("reasons", RefusalReason.values());
        model.addAttribute("periodQuery", period.wholeYear() ? "year=" + period.from().getYear()
                : "from=" + period.from() + "&to=" + period.to());
        return new ModelAndView("reports", model.asMap(), HttpStatus.OK);
    }

    @GetMapping("/reports/report.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String year, @RequestParam(required = false) String from,
                               @RequestParam(required = false) String to) throws Exception {
        ReportPeriod period;
        try {
            period = ReportPeriod.of(year, from, to, LocalDate.now(clock));
        } catch (ReportPeriod.BadPeriod bad) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", "Bad report period");
            problem.put("status", 400);
            problem.put("detail", bad.getMessage());
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(json.writeValueAsBytes(problem));
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("dsr-report-" + period.fileName() + ".csv").build().toString())
                .body(ReportCsv.of(reports.of(period)).getBytes(StandardCharsets.UTF_8));
    }
}
