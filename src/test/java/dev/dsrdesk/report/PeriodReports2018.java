package dev.dsrdesk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.dsrdesk.request.RequestChannel;
import dev.dsrdesk.request.RequestStatus;
import dev.dsrdesk.request.RequestType;
import dev.dsrdesk.support.DeskTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The report of 2018, over ten requests written by hand (no other test of the shared context writes requests received
 * in 2018): every figure is the one a person counts on paper from the list below.
 *
 * <pre>
 *  R1  ACCESS        IT     1 Mar  due 1 Apr   closed 21 Mar   in full, 20 days; rome on time, Google Analytics 3 days late
 *  R2  ERASURE       IT     5 Mar  due 5 Apr   closed 10 Apr   in part (rome kept invoices), 36 days, 5 days late
 *  R3  ACCESS        US-CA  2 May  due 16 Jun, extended to 31 Jul, closed 20 Jul   in full, 79 days; Pleasant Hill 17 days late
 *  R4  ERASURE       US-CA 10 May  due 24 Jun  closed 14 May   refused at triage, 4 days
 *  R5  OBJECTION     US-CA  1 Jun  never verified, closed 8 Jun
 *  R6  RECTIFICATION BR     2 Jul  due 17 Jul  closed 20 Jul   refused, identity not established, 18 days, 3 days late
 *  R7  ACCESS        BR     1 Aug  withdrawn 5 Aug (São Paulo's step stopped)
 *  R8  PORTABILITY   US-CA  3 Sep  due 18 Oct  closed 13 Sep   in full, 10 days; Pleasant Hill found nothing, on time
 *  R9  ACCESS        IT    31 Dec 2017 23:30 in Rome: not in 2018
 *  R10 ACCESS        IT    31 Dec 2018 23:30 in Rome: in 2018; closed unanswered 31 Jan 2019
 * </pre>
 *
 * Subclasses choose the database: the report's queries are the ones most likely to read differently on H2 and PostgreSQL.
 */
@DeskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PeriodReports2018 {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");

    @Autowired MockMvc mvc;
    @Autowired DemoHistory history;
    @Autowired JdbcTemplate jdbc;

    @BeforeAll
    void theRequestsOf2018() {
        Instant r1Opened = at("2018-03-02");
        history.insert(new DemoRequest(RequestType.ACCESS, RequestChannel.SELF_SERVICE, "IT", null, at("2018-03-01"),
                day("2018-04-01"), null, null, at("2018-03-01"), RequestStatus.CLOSED, at("2018-03-21"), List.of(
                        step("rome", "DONE", r1Opened, "2018-03-12", at("2018-03-05"), null),
                        step("google-analytics", "DONE", r1Opened, "2018-03-12", at("2018-03-15"), null),
                        new DemoRequest.Step("trento", "NOT_INVOLVED", null, null, null, null, null)),
                List.of(accepted("2018-03-01"))));
        history.insert(new DemoRequest(RequestType.ERASURE, RequestChannel.SELF_SERVICE, "IT", null, at("2018-03-05"),
                day("2018-04-05"), null, null, at("2018-03-05"), RequestStatus.CLOSED, at("2018-04-10"), List.of(
                        step("rome", "DONE", at("2018-03-06"), "2018-03-16", at("2018-03-16"), "Invoices (tax records)")),
                List.of(accepted("2018-03-05"))));
        history.insert(new DemoRequest(RequestType.ACCESS, RequestChannel.SELF_SERVICE, "US", "US-CA", at("2018-05-02"),
                day("2018-06-16"), day("2018-07-31"), at("2018-06-01"), at("2018-05-02"), RequestStatus.CLOSED,
                at("2018-07-20"), List.of(step("pleasant-hill", "DONE", at("2018-05-03"), "2018-05-13", at("2018-05-30"), null)),
                List.of(accepted("2018-05-02"), new DemoRequest.Event("EXTENDED", null, at("2018-06-01")))));
        history.insert(new DemoRequest(RequestType.ERASURE, RequestChannel.POST, "US", "US-CA", at("2018-05-10"),
                day("2018-06-24"), null, null, at("2018-05-10"), RequestStatus.REJECTED, at("2018-05-14"), List.of(),
                List.of(new DemoRequest.Event("TRIAGED", "REJECT", at("2018-05-14")))));
        history.insert(new DemoRequest(RequestType.OBJECTION, RequestChannel.SELF_SERVICE, "US", "US-CA", at("2018-06-01"),
                day("2018-07-16"), null, null, null, RequestStatus.CLOSED_UNVERIFIED, at("2018-06-08"), List.of(), List.of()));
        history.insert(new DemoRequest(RequestType.RECTIFICATION, RequestChannel.PHONE, "BR", null, at("2018-07-02"),
                day("2018-07-17"), null, null, null, RequestStatus.REJECTED, at("2018-07-20"), List.of(),
                List.of(new DemoRequest.Event("IDENTITY_NOT_ESTABLISHED", null, at("2018-07-20")))));
        history.insert(new DemoRequest(RequestType.ACCESS, RequestChannel.SELF_SERVICE, "BR", null, at("2018-08-01"),
                day("2018-08-16"), null, null, at("2018-08-01"), RequestStatus.WITHDRAWN, at("2018-08-05"), List.of(
                        step("sao-paulo", "WITHDRAWN", at("2018-08-02"), "2018-08-09", null, null)),
                List.of(accepted("2018-08-01"), new DemoRequest.Event("WITHDRAWN", null, at("2018-08-05")))));
        history.insert(new DemoRequest(RequestType.PORTABILITY, RequestChannel.SELF_SERVICE, "US", "US-CA", at("2018-09-03"),
                day("2018-10-18"), null, null, at("2018-09-03"), RequestStatus.CLOSED, at("2018-09-13"), List.of(
                        step("pleasant-hill", "NO_DATA", at("2018-09-04"), "2018-09-14", at("2018-09-10"), null)),
                List.of(accepted("2018-09-03"))));
        history.insert(new DemoRequest(RequestType.ACCESS, RequestChannel.SELF_SERVICE, "IT", null,
                LocalDate.of(2017, 12, 31).atTime(23, 30).atZone(ROME).toInstant(), day("2018-01-31"), null, null, null,
                RequestStatus.CLOSED_UNVERIFIED, at("2018-01-07"), List.of(), List.of()));
        history.insert(new DemoRequest(RequestType.ACCESS, RequestChannel.SELF_SERVICE, "IT", null,
                LocalDate.of(2018, 12, 31).atTime(23, 30).atZone(ROME).toInstant(), day("2019-01-31"), null, null,
                at("2019-01-01"), RequestStatus.CLOSED_UNANSWERED, at("2019-01-31"), List.of(), List.of()));
    }

    @Test
    void theYearsFiguresAreTheOnesCountedByHand() throws Exception {
        String page = page("/reports?year=2018");

        assertThat(figure(page, "received")).isEqualTo("9");
        assertThat(figure(page, "on-time-share")).as("4 of the 6 responses by their due date").isEqualTo("67%");
        assertThat(figure(page, "late")).isEqualTo("2");
        assertThat(figure(page, "extended")).isEqualTo("1");
        assertThat(figure(page, "median-days")).as("4, 10, 18, 20, 36, 79").isEqualTo("19.0");
        assertThat(figure(page, "mean-days")).as("167 / 6").isEqualTo("27.8");
        assertThat(figure(page, "open")).isEqualTo("0");

        assertThat(row(page, "right", "ACCESS")).as("R1, R3, R7, R10").isEqualTo(List.of("Access (Art. 15)", "4", "2", "0", "0",
                "1", "0", "1", "0", "0", "2 (100%)", "0", "1", "49.5 / 49.5"));
        assertThat(row(page, "right", "ERASURE")).as("R2 in part and late, R4 refused at triage").isEqualTo(List.of(
                "Erasure (Art. 17)", "2", "0", "1", "1 manifestly unfounded or excessive: 1", "0", "0", "0", "0", "0", "1 (50%)",
                "1 (5.0 / 5)", "0", "20.0 / 20.0"));
        assertThat(row(page, "right", "RESTRICTION")).startsWith("Restriction (Art. 18)", "0", "0");
        assertThat(row(page, "jurisdiction", "US-CA")).startsWith("US-CA", "4", "2", "0", "1 manifestly unfounded or excessive: 1");
        assertThat(row(page, "jurisdiction", "BR")).startsWith("BR", "2", "0", "0", "1 identity not established: 1", "1");
        assertThat(page.indexOf("data-group=\"US-CA\"")).as("the largest jurisdiction first")
                .isLessThan(page.indexOf("data-group=\"IT\"")).isLessThan(page.indexOf("data-group=\"BR\""));
        assertThat(row(page, "entity", "rome")).as("R1 and R2; trento's not-involved row counts nowhere")
                .startsWith("Interactive Media S.p.A. (group controller)", "2", "1", "1");
        assertThat(row(page, "entity", "trento")).startsWith("IM Service Lab Srl", "0");
    }

    @Test
    void anErasureAnsweredInPartStaysInPartAfterTheRetentionPurgeEmptiesWhatWasKept() throws Exception {
        // what the purge does to entity steps three years after closure (fulfilment.EntityStepPersonalData)
        jdbc.update("""
                update entity_step set retained = null, notes = null, action_taken = null
                where request_id in (select id from data_subject_request where received_at < ?)""",
                java.sql.Timestamp.from(at("2019-01-01")));

        assertThat(row(page("/reports?year=2018"), "right", "ERASURE")).as("R2 still in part, not in full")
                .startsWith("Erasure (Art. 17)", "2", "0", "1");
    }

    @Test
    void eachEntityIsMeasuredAgainstItsOwnStepDueDates() throws Exception {
        String page = page("/reports?year=2018");

        assertThat(stepRow(page, "rome")).isEqualTo(List.of("rome", "2", "2", "2", "0", "–", "6.5 / 6.5", "0", "0", "0"));
        assertThat(stepRow(page, "google-analytics")).isEqualTo(List.of("google-analytics", "1", "1", "0", "1", "3.0 / 3",
                "13.0 / 13.0", "0", "0", "0"));
        assertThat(stepRow(page, "pleasant-hill")).isEqualTo(List.of("pleasant-hill", "2", "2", "1", "1", "17.0 / 17",
                "16.5 / 16.5", "0", "0", "0"));
        assertThat(stepRow(page, "sao-paulo")).isEqualTo(List.of("sao-paulo", "1", "0", "0", "0", "–", "–", "0", "0", "1"));
    }

    @Test
    void californiasFiguresFollowTheCcpaRegulations() throws Exception {
        String page = page("/reports?year=2018");

        assertThat(ccpaRow(page, "KNOW")).as("R3 and R8: access and portability").isEqualTo(List.of("Requests to know", "2", "2",
                "0", "44.5", "44.5"));
        assertThat(ccpaRow(page, "DELETE")).as("R4 refused").isEqualTo(List.of("Requests to delete", "1", "0", "1", "4.0", "4.0"));
        assertThat(ccpaRow(page, "CORRECT")).isEqualTo(List.of("Requests to correct", "0", "0", "0", "–", "–"));
        assertThat(ccpaRow(page, "OPT_OUT")).as("R5, never verified: denied, with no response to time")
                .isEqualTo(List.of("Requests to opt out of sale or sharing", "1", "0", "1", "–", "–"));
    }

    @Test
    void theChartsAreSvgWithTitlesDescriptionsAndTheirFiguresInWords() throws Exception {
        String page = page("/reports?year=2018");

        assertThat(page).contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"chart-weekly\"")
                .contains("<title id=\"chart-weekly-title\">Requests received per week, by right</title>")
                .contains("<desc id=\"chart-weekly-desc\">9 requests in 53 weeks")
                .contains("<title>Week of 2018-02-26: 1, Access 1</title>")
                .contains("<text class=\"legend\"").contains(">Consent withdrawal</text>");
        assertThat(page).contains("<title id=\"chart-on-time-title\">Share answered on time, per month</title>")
                .contains("Mar 2018 100%; Apr 2018 0%; May 2018 100%; Jun 2018 none answered; Jul 2018 50%;")
                .contains("<title>Jul 2018: 1 of 2 on time</title>");
        assertThat(page).contains("<title id=\"chart-entities-title\">Each entity's lateness</title>")
                .contains("<title>pleasant-hill: 1 of 2 late (50%), by 17.0 days on average, 17 at most</title>")
                .contains("<title>rome: 0 of 2 late (0%)</title>");
        assertThat(page).doesNotContain("<script");
    }

    @Test
    void theCsvHoldsEveryFigureOfEveryGroup() throws Exception {
        String csv = mvc.perform(get("/reports/report.csv?year=2018").with(httpBasic("manager", "demo")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"dsr-report-2018.csv\""))
                .andReturn().getResponse().getContentAsString();

        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo(quoted("period_from", "period_to", "dimension", "group", "received",
                "answered_in_full", "answered_in_part", "refused", "refused_manifestly_unfounded_or_excessive",
                "refused_identity_not_established", "refused_agent_permission_refused", "refused_not_recorded", "withdrawn",
                "unverified", "closed_unanswered", "closed_as_duplicate", "open", "answered_on_time", "answered_late",
                "late_days_median", "late_days_mean", "late_days_max", "extended", "days_to_answer_median",
                "days_to_answer_mean", "complied_in_whole_or_in_part", "denied"));
        assertThat(lines.get(1)).isEqualTo(quoted("2018-01-01", "2018-12-31", "all", "all", "9", "3", "1", "2", "1", "1", "0",
                "0", "1", "1", "1", "0", "0", "4", "2", "4.0", "4.0", "5", "1", "19.0", "27.8", "4", "4"));
        assertThat(lines).contains(quoted("2018-01-01", "2018-12-31", "ccpa_california", "KNOW", "2", "2", "0", "0", "0", "0",
                "0", "0", "0", "0", "0", "0", "0", "2", "0", "", "", "", "1", "44.5", "44.5", "2", "0"));
        assertThat(lines).contains(quoted("2018-01-01", "2018-12-31", "jurisdiction", "BR", "2", "0", "0", "1", "0", "1", "0",
                "0", "1", "0", "0", "0", "0", "0", "1", "3.0", "3.0", "3", "0", "18.0", "18.0", "0", "1"));
        assertThat(lines).hasSize(1 + 1 + RequestType.values().length + 5 + 3 + CcpaRight.values().length);
    }

    @Test
    void noPersonalDataAppearsOnThePageTheCsvOrThePrintablePage() throws Exception {
        List<String> names = jdbc.queryForList("""
                select full_name from data_subject_request where received_at >= ? and received_at < ?""", String.class,
                java.sql.Timestamp.from(at("2018-01-01")), java.sql.Timestamp.from(at("2019-01-01")));
        assertThat(names).hasSize(9);
        List<String> shown = new ArrayList<>();
        shown.add(page("/reports?year=2018"));
        shown.add(printable("/reports?year=2018"));
        shown.add(mvc.perform(get("/reports/report.csv?year=2018").with(httpBasic("operator", "demo")))
                .andReturn().getResponse().getContentAsString());
        for (String text : shown) {
            assertThat(text).doesNotContain("@example.invalid").doesNotContain("Demo requester").doesNotContain("DEMO-2018")
                    .doesNotContain("Invoices").doesNotContain("legal obligation");
            names.forEach(name -> assertThat(text).doesNotContain(name));
        }
    }

    @Test
    void thePrintablePageUsesThePrintStylesheetOnScreen() throws Exception {
        String printable = printable("/reports?year=2018");
        String screen = page("/reports?year=2018");

        assertThat(printable).contains("<body class=\"printable\">").contains("<link rel=\"stylesheet\" href=\"/css/reports-print.css\">");
        assertThat(screen).contains("<link rel=\"stylesheet\" media=\"print\" href=\"/css/reports-print.css\">")
                .contains("href=\"/reports?year=2018&amp;print\"").contains("href=\"/reports/report.csv?year=2018\"");
    }

    @Test
    void aCustomRangeCountsTheRequestsReceivedInItsDaysInRome() throws Exception {
        String page = page("/reports?from=2017-12-31&to=2018-03-01");

        assertThat(figure(page, "received")).as("R9 (31 Dec 2017, 23:30 in Rome) and R1 (1 March)").isEqualTo("2");
        assertThat(page).contains("from 2017-12-31 to 2018-03-01");
        assertThat(figure(page("/reports?from=2018-12-31&to=2018-12-31"), "received")).as("R10, 22:30 UTC").isEqualTo("1");
    }

    @Test
    void badPeriodsGetAClearAnswerAndChangeNothing() throws Exception {
        Long requests = jdbc.queryForObject("select count(*) from data_subject_request", Long.class);
        Long events = jdbc.queryForObject("select count(*) from audit_event", Long.class);

        String page = mvc.perform(get("/reports?from=2018-05-01&to=2018-01-01").with(httpBasic("manager", "demo")))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<p class=\"alert\" role=\"alert\" id=\"problem\">The range starts (2018-05-01) after it ends (2018-01-01).</p>")
                .doesNotContain("id=\"received\"").contains("value=\"2018-05-01\"");
        mvc.perform(get("/reports?year=<script>").with(httpBasic("manager", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains("year must be a year such as 2026; &quot;&lt;script&gt;&quot; is not.").doesNotContain("<script>"));

        String problem = mvc.perform(get("/reports/report.csv?from=2010-01-01&to=2016-01-01").with(httpBasic("manager", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andReturn().getResponse().getContentAsString();
        assertThat(problem).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Bad report period\",\"status\":400,"
                + "\"detail\":\"A range covers at most 5 years; 2010-01-01 to 2016-01-01 is longer.\"}");
        mvc.perform(get("/reports/report.csv?year=2018&from=2018-01-01&to=2018-02-01").with(httpBasic("operator", "demo")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/reports/report.csv?from=yesterday&to=2018-02-01").with(httpBasic("operator", "demo")))
                .andExpect(status().isBadRequest());

        assertThat(jdbc.queryForObject("select count(*) from data_subject_request", Long.class)).isEqualTo(requests);
        assertThat(jdbc.queryForObject("select count(*) from audit_event", Long.class)).isEqualTo(events);
    }

    @Test
    void entityUsersAndStrangersSeeNoReport() throws Exception {
        mvc.perform(get("/reports?year=2018")).andExpect(status().isUnauthorized())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString()).doesNotContain("received"));
        mvc.perform(get("/reports?year=2018").accept(MediaType.TEXT_HTML)).andExpect(status().isFound())
                .andExpect(header().string("Location", "/camunda/app/welcome/default/?returnTo=%2Freports"));
        mvc.perform(get("/reports/report.csv?year=2018")).andExpect(status().isUnauthorized());
        for (String entityUser : List.of("rome", "pleasant-hill", "google-analytics", "admin")) {
            String password = "admin".equals(entityUser) ? "admin" : "demo";
            mvc.perform(get("/reports?year=2018").with(httpBasic(entityUser, password)))
                    .andExpect(status().isForbidden())
                    .andExpect(result -> assertThat(result.getResponse().getContentAsString()).doesNotContain("Requests to know"));
            mvc.perform(get("/reports/report.csv?year=2018").with(httpBasic(entityUser, password)))
                    .andExpect(status().isForbidden())
                    .andExpect(result -> assertThat(result.getResponse().getContentAsString()).doesNotContain("period_from"));
        }
    }

    @Test
    void theDashboardLinksToTheReport() throws Exception {
        assertThat(page("/dashboard")).contains("<a id=\"reports-link\" href=\"/reports\">");
    }

    /** As a browser sends the page's link "…&print": Tomcat reads it as the parameter print, empty. */
    private String printable(String path) throws Exception {
        return mvc.perform(get(path).param("print", "").with(httpBasic("manager", "demo"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(httpBasic("manager", "demo"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private static String figure(String page, String id) {
        return page.replaceAll("(?s).*id=\"" + id + "\">([^<]*)<.*", "$1");
    }

    /** The cells of a breakdown's row, as text (tags dropped, spaces squeezed). */
    private static List<String> row(String page, String table, String group) {
        String tableHtml = page.substring(page.indexOf("id=\"" + table + "-table\""));
        return cells(tableHtml, "data-group=\"" + group + "\"");
    }

    private static List<String> stepRow(String page, String entity) {
        return cells(page.substring(page.indexOf("id=\"entity-steps-table\"")), "data-entity=\"" + entity + "\"");
    }

    private static List<String> ccpaRow(String page, String right) {
        return cells(page, "data-ccpa=\"" + right + "\"");
    }

    private static List<String> cells(String html, String marker) {
        int start = html.indexOf(marker);
        assertThat(start).as(marker).isNotNegative();
        String row = html.substring(start, html.indexOf("</tr>", start));
        return java.util.Arrays.stream(row.split("</t[hd]>")).map(cell -> cell.replaceAll("(?s)<[^>]*>", " ")
                        .replaceAll("^.*?\">", "").replaceAll("\\s+", " ").strip())
                .filter(cell -> !cell.isEmpty()).toList();
    }

    private static String quoted(String... cells) {
        return String.join(",", java.util.Arrays.stream(cells).map(cell -> "\"" + cell + "\"").toList());
    }

    private static Instant at(String date) {
        return LocalDate.parse(date).atTime(LocalTime.NOON).atZone(ROME).toInstant();
    }

    private static LocalDate day(String date) {
        return LocalDate.parse(date);
    }

    private static DemoRequest.Event accepted(String date) {
        return new DemoRequest.Event("TRIAGED", "ACCEPT", at(date));
    }

    private static DemoRequest.Step step(String entity, String state, Instant opened, String due, Instant answered,
                                         String retained) {
        return new DemoRequest.Step(entity, state, "EXPORT", opened, day(due), answered, retained);
    }
}
