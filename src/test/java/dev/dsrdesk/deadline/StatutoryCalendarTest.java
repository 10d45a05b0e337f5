package dev.dsrdesk.deadline;

import static dev.dsrdesk.deadline.StatutoryDeadlinesTest.rules;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Statutory dates over 2026–2035 on the days holidays move them, each clock in its own calendar as the decision table
 * and application.yml set them: GDPR in Italy's (Regulation 1182/71 Art. 3(4)), LGPD's calendar days ending on a
 * Brazilian business day (Código Civil art. 132 § 1), the CCPA's business days in California's.
 */
class StatutoryCalendarTest {

    private static final StatutoryCalendar CALENDAR = new StatutoryCalendar(ConfiguredCalendars.calendars());

    @BeforeAll
    static void parseTheTable() throws Exception {
        StatutoryDeadlinesTest.parseTheTable();
    }

    @Test
    void aGdprPeriodEndingOnEasterSunday2027EndsOnTuesdayAfterEasterMonday() {
        assertThat(gdpr("2027-02-28")).as("28 March is Easter Sunday, 29 March Easter Monday").isEqualTo("2027-03-30");
    }

    @ParameterizedTest(name = "received {0}: the month ends on Easter Monday {1}, so on Tuesday {2}")
    @CsvSource({"2029-03-02, 2029-04-02, 2029-04-03", "2031-03-14, 2031-04-14, 2031-04-15",
            "2035-02-26, 2035-03-26, 2035-03-27"})
    void aGdprPeriodEndingOnEasterMondayEndsOnTheTuesday(String received, String easterMonday, String due) {
        assertThat(gdpr(received)).isEqualTo(due);
    }

    @ParameterizedTest(name = "received {0} → {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2028-05-02 | 2028-06-05 | 2 June 2028 (Republic Day) is a Friday: Monday 5 June
            2034-05-02 | 2034-06-05 | 2 June 2034 (Republic Day) is a Friday: Monday 5 June
            2031-07-15 | 2031-08-18 | 15 August 2031 (Assumption) is a Friday: Monday 18 August
            2027-11-25 | 2027-12-27 | Christmas 2027 is a Saturday, Saint Stephen a Sunday: Monday 27 December
            2032-11-25 | 2032-12-27 | Christmas 2032 is a Saturday, Saint Stephen a Sunday: Monday 27 December
            2033-03-23 | 2033-04-26 | Saturday 23 April 2033, then Sunday, then Liberation Day on the Monday: Tuesday
            2027-09-30 | 2027-11-02 | Saturday 30 October 2027, then Sunday, then All Saints on the Monday: Tuesday
            2027-09-02 | 2027-10-05 | Saturday 2 October 2027, then Sunday, then Saint Francis (national since 2026): Tuesday
            2031-11-06 | 2031-12-09 | Saturday 6 December 2031, then Sunday, then the Immaculate Conception: Tuesday
            2029-12-01 | 2030-01-02 | New Year's Day 2030, a Tuesday, long after the old hand-written list ended
            """)
    void aGdprPeriodEndingOnAnItalianHolidayOrWeekendEndsOnTheNextWorkingDay(String received, String due, String why) {
        assertThat(gdpr(received)).as(why).isEqualTo(due);
    }

    @Test
    void aGdprPeriodEndingOnRomes29June2027EndsThatDay() {
        assertThat(gdpr("2027-05-29")).as("the GDPR counts in Italy's national calendar, not Rome's")
                .isEqualTo("2027-06-29");
    }

    @ParameterizedTest(name = "received {0} → {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2028-04-06 | 2028-04-24 | the 15th day is Tiradentes, Friday 21 April 2028: Monday 24 April
            2034-04-06 | 2034-04-24 | the 15th day is Tiradentes, Friday 21 April 2034: Monday 24 April
            2026-11-05 | 2026-11-23 | the 15th day is Black Awareness Day, Friday 20 November 2026: Monday 23 November
            2028-11-05 | 2028-11-21 | the 15th day is Black Awareness Day, Monday 20 November 2028: Tuesday 21 November
            2030-04-04 | 2030-04-22 | Good Friday 19 April 2030, then Saturday, then Easter and Tiradentes: Monday 22 April
            2027-05-22 | 2027-06-07 | the 15th day is Sunday 6 June 2027: Monday 7 June
            2030-02-18 | 2030-03-05 | Carnival Tuesday is no feriado: the 15th day stands
            2027-01-10 | 2027-01-25 | São Paulo city's anniversary is not Brazil's: the 15th day stands
            """)
    void lgpdsFifteenCalendarDaysEndOnABrazilianBusinessDay(String received, String due, String why) {
        assertThat(regime("BR", "BR-SP", "LGPD", received).dueDate()).as(why).isEqualTo(due);
    }

    @ParameterizedTest(name = "received {0}: receipt confirmed by {1} ({2})")
    @CsvSource(delimiter = '|', textBlock = """
            2026-11-19 | 2026-12-07 | Thanksgiving 26 November 2026 and the day after are skipped
            2030-11-21 | 2030-12-09 | Thanksgiving 28 November 2030 and the day after, 29 November, are skipped
            2028-03-17 | 2028-04-03 | César Chávez Day, Friday 31 March 2028, is skipped
            2027-12-10 | 2027-12-27 | Christmas 2027 is observed on Friday 24 December, which is skipped
            """)
    void theCcpasTenBusinessDaysToConfirmReceiptSkipCaliforniasHolidays(String received, String confirmBy, String why) {
        assertThat(regime("US", "US-CA", "CCPA", received).confirmBy()).as(why).isEqualTo(confirmBy);
    }

    @Test
    void anExtendedGdprPeriodEndsOnAnItalianWorkingDayToo() {
        StatutoryDue extended = CALENDAR.extended(rules("IT", null, "ERASURE"), DueDateReasoning.Start.receipt(LocalDate.parse("2027-02-28")), 2,
                LocalDate.parse("2027-02-28").plusDays(3));
        assertThat(extended.dueDate()).as("three months from 28 February 2027: Friday 28 May").isEqualTo("2027-05-28");
        StatutoryDue toSaturday = CALENDAR.extended(rules("IT", null, "ERASURE"), DueDateReasoning.Start.receipt(LocalDate.parse("2027-04-03")), 2,
                LocalDate.parse("2027-04-03").plusDays(3));
        assertThat(toSaturday.dueDate()).as("3 July 2027 is a Saturday: Monday 5 July").isEqualTo("2027-07-05");
        StatutoryDue toRepublicDay = CALENDAR.extended(rules("IT", null, "ERASURE"), DueDateReasoning.Start.receipt(LocalDate.parse("2028-03-02")), 2,
                LocalDate.parse("2028-03-02").plusDays(3));
        assertThat(toRepublicDay.dueDate()).as("2 June 2028 (Republic Day) is a Friday: Monday 5 June").isEqualTo("2028-06-05");
    }

    @Test
    void theCcpasFortyFiveDaysAndTenBusinessDaysRunFromReceiptWhateverIdentityTakes() {
        // received Monday 2 November 2026; the answer to an identity question arrived on 20 November, 18 days later
        DueDateReasoning.Start answered = new DueDateReasoning.Start(LocalDate.parse("2026-11-20"),
                dev.dsrdesk.request.ClockStart.Event.ANSWER_RECEIVED, 18, LocalDate.parse("2026-11-02"));
        StatutoryDue due = CALENDAR.due(rules("US", "US-CA", "ACCESS"), answered);

        RegimeDeadline ccpa = due.regimes().stream().filter(regime -> regime.regime().equals("CCPA")).findFirst().orElseThrow();
        assertThat(ccpa.dueDate()).as("45 days from 2 November (CCPA regulations § 7021(b))").isEqualTo("2026-12-17");
        assertThat(ccpa.confirmBy()).as("10 business days from 2 November, Veterans Day on the 11th skipped").isEqualTo("2026-11-17");
        assertThat(ccpa.reasoning().startedBy()).isEqualTo(dev.dsrdesk.request.ClockStart.Event.RECEIPT);
        RegimeDeadline gdpr = due.regimes().stream().filter(regime -> regime.regime().equals("GDPR")).findFirst().orElseThrow();
        assertThat(gdpr.dueDate()).as("a month from the answer; 20 December is a Sunday").isEqualTo("2026-12-21");
        assertThat(due.dueDate()).as("the earliest decides").isEqualTo("2026-12-17");
    }

    @ParameterizedTest(name = "a California {0} received {1} is honoured by {2} ({3})")
    @CsvSource(delimiter = '|', textBlock = """
            OBJECTION        | 2026-11-02 | 2026-11-24 | Veterans Day, 11 November, is no business day
            WITHDRAW_CONSENT | 2026-11-16 | 2026-12-09 | Thanksgiving and the day after are no business days
            OBJECTION        | 2027-12-13 | 2028-01-05 | Christmas observed Friday 24 December, New Year's Day observed Friday 31 December
            """)
    void aCaliforniaOptOutIsHonouredWithinFifteenBusinessDaysWithNoExtension(String type, String received, String due, String why) {
        StatutoryDue statutory = CALENDAR.due(rules("US", "US-CA", type), LocalDate.parse(received));
        RegimeDeadline ccpa = statutory.regimes().stream().filter(regime -> regime.regime().equals("CCPA")).findFirst().orElseThrow();

        assertThat(ccpa.dueDate()).as(why + " (CCPA regulations § 7026(f))").isEqualTo(due);
        assertThat(statutory.dueDate()).as("before the GDPR month").isEqualTo(due);
        assertThat(ccpa.confirmBy()).as("no receipt to confirm for an opt-out").isNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CALENDAR.extended(rules("US", "US-CA", type),
                        DueDateReasoning.Start.receipt(LocalDate.parse(received)), 2, LocalDate.parse(received)))
                .isInstanceOf(StatutoryCalendar.ExtensionRefused.class).hasMessageContaining("CCPA allows no extension");
    }

    @Test
    void lgpdsFifteenDaysRunFromTheRequestWhateverIdentityTakes() {
        DueDateReasoning.Start verified = new DueDateReasoning.Start(LocalDate.parse("2027-04-12"),
                dev.dsrdesk.request.ClockStart.Event.IDENTITY_ESTABLISHED, null, LocalDate.parse("2027-04-06"));
        StatutoryDue due = CALENDAR.due(rules("BR", null, "ACCESS"), verified);

        assertThat(due.dueDate()).as("15 days from 6 April 2027 end on Wednesday 21 April, Tiradentes (LGPD Art. 19 II)")
                .isEqualTo("2027-04-22");
    }

    private static LocalDate gdpr(String received) {
        return regime("IT", null, "GDPR", received).dueDate();
    }

    private static RegimeDeadline regime(String country, String region, String regime, String received) {
        return CALENDAR.due(rules(country, region, "ACCESS"), LocalDate.parse(received)).regimes().stream()
                .filter(deadline -> deadline.regime().equals(regime)).findFirst().orElseThrow();
    }
}
