package dev.dsrdesk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.dsrdesk.request.RequestStatus;
import dev.dsrdesk.support.DeskTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A year of made-up history (2019, which no other test of the shared context touches): realistic enough for the
 * report to show every figure, the same for the same seed, and nobody's data.
 */
@DeskTest
class DemoHistoryTest {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    private static final LocalDate UNTIL = LocalDate.of(2020, 1, 1);
    private static final long SEED = 7;

    @Autowired DemoHistory history;
    @Autowired PeriodReports reports;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;

    @Test
    void theSameSeedMakesTheSameHistoryAndAnotherSeedAnother() {
        List<DemoRequest> once = history.plan(UNTIL, 12, SEED);

        assertThat(history.plan(UNTIL, 12, SEED)).isEqualTo(once);
        assertThat(history.plan(UNTIL, 12, SEED + 1)).isNotEqualTo(once);
        assertThat(once).hasSizeBetween(250, 600)
                .allSatisfy(request -> assertThat(request.closedAt()).isBefore(UNTIL.atStartOfDay(ROME).toInstant()))
                .allSatisfy(request -> assertThat(request.status().isFinal()).isTrue());
    }

    @Test
    void aYearOfHistoryGivesTheReportEveryKindOfFigure() throws Exception {
        List<DemoRequest> planned = history.plan(UNTIL, 12, SEED);
        if (!generated()) {
            assertThat(history.generate(UNTIL, 12, SEED)).isEqualTo(planned.size());
        }
        assertThat(history.exists()).isTrue();

        PeriodReport report = reports.of(new ReportPeriod(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31), true));
        Figures all = report.all();
        assertThat(all.received()).isEqualTo(planned.size());
        assertThat(all.outcomes().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(all.received());
        assertThat(all.count(Outcome.ANSWERED_IN_PART)).isEqualTo(planned.stream()
                .filter(r -> r.status() == RequestStatus.CLOSED && r.steps().stream().anyMatch(s -> s.retained() != null)).count())
                .isPositive();
        assertThat(all.count(Outcome.WITHDRAWN)).isEqualTo(count(planned, RequestStatus.WITHDRAWN)).isPositive();
        assertThat(all.count(Outcome.UNVERIFIED)).isEqualTo(count(planned, RequestStatus.CLOSED_UNVERIFIED)).isPositive();
        assertThat(all.count(Outcome.REFUSED)).isEqualTo(count(planned, RequestStatus.REJECTED));
        for (RefusalReason reason : List.of(RefusalReason.MANIFESTLY_UNFOUNDED_OR_EXCESSIVE, RefusalReason.IDENTITY_NOT_ESTABLISHED,
                RefusalReason.AGENT_PERMISSION_REFUSED)) {
            assertThat(all.refused(reason)).as(reason.name()).isPositive();
        }
        assertThat(all.refused(RefusalReason.NOT_RECORDED)).isZero();
        assertThat(all.lateCount()).isEqualTo(planned.stream().filter(r -> (r.status() == RequestStatus.CLOSED
                        || r.status() == RequestStatus.REJECTED) && r.closedAt().atZone(ROME).toLocalDate()
                        .isAfter(r.extendedDueDate() != null ? r.extendedDueDate() : r.dueDate())).count()).isPositive();
        assertThat(all.extended()).isEqualTo(planned.stream().filter(r -> r.extendedAt() != null).count()).isPositive();
        assertThat(all.daysToAnswer().median()).isBetween(5.0, 45.0);
        assertThat(report.byRight()).allSatisfy(group -> assertThat(group.figures().received()).as(group.key()).isPositive());
        assertThat(report.byJurisdiction()).extracting(PeriodReport.Group::key).contains("IT", "BR", "US-CA", "US");
        assertThat(report.ccpa()).allSatisfy(ccpa -> assertThat(ccpa.figures().received()).as(ccpa.right().name()).isPositive());
        assertThat(report.weeks()).hasSize(53);
        assertThat(report.months()).hasSize(12).allSatisfy(month -> assertThat(month.answered()).isPositive());
        EntityLateness rome = report.entities().get(0);
        EntityLateness pleasantHill = report.entities().stream().filter(e -> e.entity().equals("pleasant-hill")).findFirst().orElseThrow();
        assertThat(rome.entity()).isEqualTo("rome");
        assertThat(rome.asked()).isGreaterThan(pleasantHill.asked());
        assertThat(pleasantHill.latePercent()).as("Pleasant Hill's small team").isGreaterThan(rome.latePercent());

        String page = mvc.perform(get("/reports?year=2019").with(httpBasic("operator", "demo"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<desc id=\"chart-weekly-desc\">" + planned.size() + " requests in 53 weeks")
                .doesNotContain("@example.invalid").doesNotContain("Demo requester");
        assertThat(page.split("<g class=\"week\">", -1)).hasSize(53 + 1);
        assertThat(page.split("<g class=\"month\">", -1)).hasSize(12 + 1);
    }

    @Test
    void theHistoryHoldsNobodysDataOnlyObviouslyFakeOnes() {
        if (!generated()) {
            history.generate(UNTIL, 12, SEED);
        }
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select reference, full_name, email, phone, details, identity_evidence from data_subject_request
                where reference like 'DEMO-2019-%'""");

        assertThat(rows).isNotEmpty().allSatisfy(row -> {
            String number = ((String) row.get("reference")).substring("DEMO-2019-".length());
            assertThat(number).matches("\\d{6}");
            assertThat(row.get("full_name")).isEqualTo("Demo requester " + number);
            assertThat(row.get("email")).isEqualTo("demo-" + number + "@example.invalid");
            assertThat(row.get("phone")).isNull();
            assertThat(row.get("details")).isNull();
            assertThat(row.get("identity_evidence")).isNull();
        });
        assertThat(jdbc.queryForList("""
                select distinct s.notes from entity_step s join data_subject_request r on r.id = s.request_id
                where r.reference like 'DEMO-2019-%'""", String.class)).containsOnlyNulls();
    }

    @Test
    void theHistoryIsOffUnlessAskedForAndBoundedWhenItIs() {
        assertThat(bind(Map.of()).historyMonths()).isZero();
        assertThat(bind(Map.of("dsr.demo.history-months", "12")).historyMonths()).isEqualTo(12);
        assertThatThrownBy(() -> bind(Map.of("dsr.demo.history-months", "-1"))).hasRootCauseMessage(
                "dsr.demo.history-months must be between 0 and 60, not -1");
        assertThat(Arrays.stream(DemoHistory.class.getAnnotation(org.springframework.context.annotation.Profile.class).value()))
                .as("the bean that writes made-up rows does not exist in prod").containsExactly("!prod");
        assertThat(DemoHistoryAtStartup.class.getAnnotation(org.springframework.context.annotation.Profile.class).value())
                .containsExactly("demo & !prod");
    }

    /** Once per context: the two tests that need the history share it (PeriodReportTest's rows are of 2018). */
    private boolean generated() {
        return jdbc.queryForObject("select count(*) from data_subject_request where reference like 'DEMO-2019-%'", Long.class) > 0;
    }

    private static DemoHistorySettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("dsr.demo", DemoHistorySettings.class);
    }

    private static long count(List<DemoRequest> planned, RequestStatus status) {
        return planned.stream().filter(r -> r.status() == status).count();
    }
}
