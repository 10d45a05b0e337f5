package dev.dsrdesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The statutory clocks, case by case: the decision table as deployed, and the calendar arithmetic in the calendars
 * application.yml configures (holidays from the library). Dated holiday cases over the years: StatutoryCalendarTest.
 */
class StatutoryDeadlinesTest {

    private static final StatutoryCalendar CALENDAR = new StatutoryCalendar(ConfiguredCalendars.calendars());

    private static DmnEngine engine;
    private static DmnDecision table;

    @BeforeAll
    static void parseTheTable() throws Exception {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = StatutoryDeadlinesTest.class.getResourceAsStream("/statutory-deadlines.dmn")) {
            table = engine.parseDecision("statutory-deadlines", in);
        }
    }

    @ParameterizedTest(name = "{0}/{1} {2} runs under {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            IT | -     | ACCESS  | GDPR
            DE | -     | ERASURE | GDPR
            BR | BR-SP | ACCESS  | GDPR LGPD
            BR | -     | ERASURE | GDPR
            US | US-CA | ACCESS  | GDPR CCPA
            US | US-CA | ERASURE | GDPR CCPA
            US | US-CA | OBJECTION | GDPR CCPA
            US | US-CA | WITHDRAW_CONSENT | GDPR CCPA
            US | US-NY | ACCESS  | GDPR
            """)
    void theTableNamesEveryClockThatApplies(String country, String region, String type, String regimes) {
        assertThat(rules(country, region, type)).extracting(RegimeRule::regime)
                .containsExactlyInAnyOrder(regimes.split(" "));
    }

    @ParameterizedTest(name = "{0} counts in the calendar {3}: {4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            IT | -     | GDPR | italy      | the group controller's Member State (Regulation 1182/71)
            BR | BR-SP | LGPD | brazil     | Brazil's feriados (Código Civil art. 132 § 1)
            US | US-CA | CCPA | california | California's business days
            """)
    void eachRegimeNamesTheCalendarItCountsInAndTheConfigurationDefinesIt(String country, String region, String regime,
                                                                        String calendar, String why) {
        RegimeRule rule = rules(country, region, "ACCESS").stream().filter(r -> r.regime().equals(regime)).findFirst()
                .orElseThrow();
        assertThat(rule.calendar()).as(why).isEqualTo(calendar);
        assertThat(ConfiguredCalendars.regimeCalendars()).containsKey(calendar);
    }

    @ParameterizedTest(name = "{0}/{1} {2} received {3} → due {4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            IT | -     | ACCESS | 2026-08-31 | 2026-09-30 | the month ends on its last day where it has no 31st
            IT | -     | ACCESS | 2028-01-31 | 2028-02-29 | leap year: 31 January ends on 29 February
            IT | -     | ACCESS | 2027-01-31 | 2027-03-01 | 28 February 2027 is a Sunday: the next working day
            IT | -     | ACCESS | 2026-11-25 | 2026-12-28 | 25 December and 26 December are holidays, 27 a Sunday
            BR | BR-SP | ACCESS | 2026-12-01 | 2026-12-16 | LGPD's 15 days beat the month (which ends on New Year's Day)
            US | US-CA | ACCESS | 2026-11-02 | 2026-12-02 | the GDPR month beats the CCPA's 45 days
            """)
    void theStricterClockDecides(String country, String region, String type, String received, String due, String why) {
        StatutoryDue statutory = CALENDAR.due(rules(country, region, type), LocalDate.parse(received));

        assertThat(statutory.dueDate()).as(why).isEqualTo(LocalDate.parse(due));
    }

    @ParameterizedTest(name = "received {0}: GDPR {1}, CCPA {2}, confirm receipt by {3} ({4})")
    @CsvSource(delimiter = '|', textBlock = """
            2026-11-02 | 2026-12-02 | 2026-12-17 | 2026-11-17 | Veterans Day, 11 November, is skipped
            2026-12-18 | 2027-01-18 | 2027-02-01 | 2027-01-05 | Christmas Day and New Year's Day are skipped
            """)
    void californiaKeepsBothClocksVisibleAndAConfirmationDate(String received, String gdpr, String ccpa, String confirmBy,
                                                             String why) {
        StatutoryDue statutory = CALENDAR.due(rules("US", "US-CA", "ACCESS"), LocalDate.parse(received));

        Map<String, RegimeDeadline> byRegime = new HashMap<>();
        statutory.regimes().forEach(deadline -> byRegime.put(deadline.regime(), deadline));
        assertThat(byRegime.get("GDPR").dueDate()).isEqualTo(LocalDate.parse(gdpr));
        assertThat(byRegime.get("CCPA").dueDate()).isEqualTo(LocalDate.parse(ccpa));
        assertThat(byRegime.get("CCPA").confirmBy()).as("10 business days: " + why).isEqualTo(LocalDate.parse(confirmBy));
        assertThat(statutory.dueDate()).isEqualTo(LocalDate.parse(gdpr));
    }

    static List<RegimeRule> rules(String country, String region, String type) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("country", country);
        variables.put("region", region);
        variables.put("requestType", type);
        return engine.evaluateDecisionTable(table, variables).getResultList().stream()
                .map(StatutoryDeadlines::rule).toList();
    }
}
