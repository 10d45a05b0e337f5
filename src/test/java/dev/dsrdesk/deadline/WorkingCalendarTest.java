package dev.dsrdesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dsrdesk.registry.Entity;
import dev.dsrdesk.registry.EntityKind;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The calendars as configured in application.yml, with holidays from the library, on dated cases over 2026–2035:
 * no list that runs out, each place its own holidays.
 */
class WorkingCalendarTest {

    private static final DeadlineCalendars CALENDARS = ConfiguredCalendars.calendars();
    private static final WorkingCalendar ITALY = CALENDARS.regime("italy");
    private static final WorkingCalendar BRAZIL = CALENDARS.regime("brazil");
    private static final WorkingCalendar CALIFORNIA = CALENDARS.regime("california");

    @ParameterizedTest(name = "Easter Monday {0} is an Italian public holiday")
    @CsvSource({"2026-04-06", "2027-03-29", "2028-04-17", "2030-04-22", "2033-04-18", "2035-03-26"})
    void easterMondayIsAHolidayInItalyEveryYear(LocalDate easterMonday) {
        assertThat(ITALY.isWorkingDay(easterMonday)).isFalse();
        assertThat(ITALY.isWorkingDay(easterMonday.plusDays(1))).as("the Tuesday after").isTrue();
    }

    @ParameterizedTest(name = "{0} ({1}) is an Italian public holiday")
    @CsvSource(delimiter = '|', textBlock = """
            2028-06-02 | Republic Day on a Friday
            2034-06-02 | Republic Day on a Friday
            2031-08-15 | Assumption on a Friday
            2027-10-04 | Saint Francis of Assisi, a national holiday again from 2026, on a Monday
            2030-01-01 | New Year's Day after the years the old hand-written list covered
            2035-12-08 | Immaculate Conception, ten years on
            """)
    void italianHolidaysOnWeekdaysAreNotWorkingDays(LocalDate holiday, String why) {
        assertThat(ITALY.isWorkingDay(holiday)).as(why).isFalse();
    }

    @Test
    void christmas2027IsASaturdayAndItalyOwesNoDayForIt() {
        assertThat(ITALY.onOrAfter(LocalDate.parse("2027-12-25"))).as("Sat 25, Sun 26 (Saint Stephen): Monday 27 works")
                .isEqualTo("2027-12-27");
    }

    @Test
    void italysNationalCalendarKeepsRomesAndTrentosPatronDaysAsWorkingDays() {
        assertThat(ITALY.isWorkingDay(LocalDate.parse("2027-06-29"))).as("Saints Peter and Paul is Rome's alone").isTrue();
        assertThat(ITALY.isWorkingDay(LocalDate.parse("2028-06-26"))).as("San Vigilio is Trento's alone").isTrue();
    }

    @ParameterizedTest(name = "{0} ({1}) is a Brazilian feriado")
    @CsvSource(delimiter = '|', textBlock = """
            2028-04-21 | Tiradentes on a Friday
            2027-04-21 | Tiradentes on a Wednesday
            2026-11-20 | Zumbi and Black Awareness Day, national since 2024, on a Friday
            2028-11-20 | Zumbi and Black Awareness Day on a Monday
            2030-04-19 | Good Friday
            2029-09-07 | Independence Day
            """)
    void brazilianFeriadosAreNotWorkingDays(LocalDate feriado, String why) {
        assertThat(BRAZIL.isWorkingDay(feriado)).as(why).isFalse();
    }

    @ParameterizedTest(name = "{0} ({1}) is a business day for LGPD")
    @CsvSource(delimiter = '|', textBlock = """
            2030-03-05 | Carnival Tuesday is a ponto facultativo, not a feriado
            2030-03-06 | Ash Wednesday is a ponto facultativo until 14:00
            2026-06-04 | Corpus Christi is a ponto facultativo in the federal calendar
            2027-01-25 | São Paulo city's anniversary is the city's, not Brazil's
            2027-07-09 | São Paulo state's Constitutionalist Revolution is the state's, not Brazil's
            """)
    void daysTheLibraryListsButNoFederalLawMakesFeriadosAreBusinessDays(LocalDate day, String why) {
        assertThat(BRAZIL.isWorkingDay(day)).as(why).isTrue();
    }

    @ParameterizedTest(name = "Thanksgiving {0} and the day after are California holidays")
    @CsvSource({"2026-11-26", "2027-11-25", "2030-11-28", "2035-11-22"})
    void thanksgivingAndTheDayAfterAreCaliforniaHolidays(LocalDate thanksgiving) {
        assertThat(CALIFORNIA.isWorkingDay(thanksgiving)).as("Thanksgiving").isFalse();
        assertThat(CALIFORNIA.isWorkingDay(thanksgiving.plusDays(1))).as("the day after Thanksgiving").isFalse();
        assertThat(CALIFORNIA.isWorkingDay(thanksgiving.minusDays(1))).as("the Wednesday before").isTrue();
    }

    @Test
    void theDayAfterThanksgiving2030IsFriday29NovemberNotTheFourthFridayTheLibraryGives() {
        // November 2030 begins on a Friday: its fourth Friday (22 November) comes before its fourth Thursday
        assertThat(CALIFORNIA.isWorkingDay(LocalDate.parse("2030-11-29"))).as("the day after Thanksgiving").isFalse();
        assertThat(CALIFORNIA.isWorkingDay(LocalDate.parse("2030-11-22"))).as("an ordinary Friday").isTrue();
    }

    @Test
    void pleasantHillsStepsKnowTheDayAfterThanksgiving2030Too() {
        WorkingCalendar pleasantHill = CALENDARS.entity("pleasant-hill");
        assertThat(pleasantHill.isWorkingDay(LocalDate.parse("2030-11-29"))).as("the day after Thanksgiving").isFalse();
        assertThat(pleasantHill.isWorkingDay(LocalDate.parse("2030-11-22"))).as("an ordinary Friday").isTrue();
        assertThat(pleasantHill.onOrBefore(LocalDate.parse("2030-11-29"))).as("a step due then falls due the day before Thanksgiving")
                .isEqualTo("2030-11-27");
    }

    @ParameterizedTest(name = "{0} ({1}) in California")
    @CsvSource(delimiter = '|', textBlock = """
            2028-03-31 | false | César Chávez Day, a California state holiday
            2027-12-24 | false | Christmas 2027 is a Saturday: the holiday is observed on Friday 24 December
            2027-12-31 | false | New Year's Day 2028 is a Saturday: observed on Friday 31 December 2027
            2027-02-12 | true  | Lincoln's Birthday is only an observance in California: offices are open
            2027-11-11 | false | Veterans Day
            """)
    void californiasCalendar(LocalDate day, boolean working, String why) {
        assertThat(CALIFORNIA.isWorkingDay(day)).as(why).isEqualTo(working);
    }

    @ParameterizedTest(name = "{1}: {2} ({3}) is closed")
    @CsvSource(delimiter = '|', textBlock = """
            rome      | Rome      | 2027-06-29 | Saints Peter and Paul
            trento    | Trento    | 2028-06-26 | San Vigilio
            sao-paulo | São Paulo | 2028-01-25 | the city's anniversary
            sao-paulo | São Paulo | 2027-07-09 | the state's Constitutionalist Revolution
            sao-paulo | São Paulo | 2026-06-04 | Corpus Christi, a holiday of the city
            """)
    void eachEntityRestsOnTheHolidaysOfItsPlace(String entity, String place, LocalDate holiday, String why) {
        assertThat(CALENDARS.entity(entity).isWorkingDay(holiday)).as(why).isFalse();
    }

    @Test
    void rome29JuneIsAWorkingDayInTrentoAndTrento26JuneInRome() {
        assertThat(CALENDARS.entity("trento").isWorkingDay(LocalDate.parse("2027-06-29"))).isTrue();
        assertThat(CALENDARS.entity("rome").isWorkingDay(LocalDate.parse("2028-06-26"))).isTrue();
    }

    @Test
    void aProcessorWithoutACountryRestsOnlyOnWeekends() {
        WorkingCalendar googleAnalytics = CALENDARS.entity("google-analytics");
        assertThat(googleAnalytics.isWorkingDay(LocalDate.parse("2027-12-27"))).as("a Monday").isTrue();
        assertThat(googleAnalytics.isWorkingDay(LocalDate.parse("2027-12-25"))).as("a Saturday").isFalse();
    }

    @Test
    void anEntitysClosingDaysComeOnTopOfThePublicHolidays() {
        Entity withCompanyHolidays = entity("IT", List.of("32", "tn"), List.of(LocalDate.parse("2026-12-24")),
                List.of(MonthDay.parse("--12-31")));
        WorkingCalendar calendar = new DeadlineCalendars(Map.of(), List.of(withCompanyHolidays)).entity("lab");

        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-12-24"))).as("closed on 24 December 2026").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2027-12-24"))).as("that closing day was once only").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2030-12-31"))).as("closed on every 31 December").isFalse();
        assertThat(calendar.onOrAfter(LocalDate.parse("2030-12-31"))).as("then New Year's Day").isEqualTo("2031-01-02");
        assertThat(calendar.isWorkingDay(LocalDate.parse("2028-06-26"))).as("Trento's holidays still count").isFalse();
    }

    @Test
    void aDayTheLibraryDoesNotKnowIsAYearlyClosingDay() {
        Entity pleasantHill = entity("US", List.of("ca"), List.of(), List.of(MonthDay.parse("--12-24")));
        WorkingCalendar calendar = new DeadlineCalendars(Map.of(), List.of(pleasantHill)).entity("lab");

        assertThat(calendar.isWorkingDay(LocalDate.parse("2029-12-24"))).as("closed every Christmas Eve, a Monday in 2029")
                .isFalse();
        assertThat(calendar.onOrAfter(LocalDate.parse("2029-12-24"))).as("then Christmas Day").isEqualTo("2029-12-26");
    }

    @Test
    void subdivisionsAreMatchedAsTheLibrarySpellsThem() {
        Entity lisbon = entity("PT", List.of("11", "lsb"), List.of(), List.of());
        WorkingCalendar calendar = new DeadlineCalendars(Map.of(), List.of(lisbon)).entity("lab");

        assertThat(calendar.place()).isEqualTo("PT/11/LSB");
        assertThat(calendar.isWorkingDay(LocalDate.parse("2029-06-13"))).as("Saint Anthony, Lisbon's day").isFalse();
    }

    @Test
    void aPlaceTheLibraryDoesNotKnowStopsTheDeskNamingTheSetting() {
        assertThatThrownBy(() -> new DeadlineCalendars(Map.of(), List.of(entity("IT", List.of("62", "xx"), List.of(), List.of()))))
                .hasMessageContaining("dsr.entities[lab]").hasMessageContaining("no subdivision 'xx' of IT/62");
        assertThatThrownBy(() -> new DeadlineCalendars(
                Map.of("nowhere", new DeadlineSettings.RegimeCalendar("QQ", List.of(), List.of(), List.of())), List.of()))
                .hasMessageContaining("dsr.deadlines.calendars.nowhere").hasMessageContaining("no country 'QQ'");
        assertThatThrownBy(() -> new DeadlineCalendars(
                Map.of("brazil", new DeadlineSettings.RegimeCalendar("BR", List.of(), List.of("christian.CARNAVAL"), List.of())),
                List.of()))
                .as("a misspelt holiday key would change nothing").hasMessageContaining("dsr.deadlines.calendars.brazil")
                .hasMessageContaining("no holiday 'christian.CARNAVAL' in BR");
    }

    @Test
    void workingDaysAreCountedAfterTheStartAndSkipEveryClosedDay() {
        assertThat(CALIFORNIA.plusWorkingDays(LocalDate.parse("2026-11-19"), 10))
                .as("Thanksgiving and the day after are skipped: 7 December, not 3 December").isEqualTo("2026-12-07");
        assertThat(ITALY.onOrBefore(LocalDate.parse("2027-12-26"))).as("Friday 24 December 2027").isEqualTo("2027-12-24");
    }

    @Test
    void thePlaceIsNamedAsTheLibraryNamesIt() {
        assertThat(ITALY.place()).isEqualTo("IT");
        assertThat(CALENDARS.entity("rome").place()).isEqualTo("IT/62/rm");
        assertThat(CALENDARS.entity("sao-paulo").place()).isEqualTo("BR/sp/csp");
        assertThat(CALIFORNIA.place()).isEqualTo("US/ca");
    }

    private static Entity entity(String country, List<String> subdivisions, List<LocalDate> closingDays,
                                 List<MonthDay> yearlyClosingDays) {
        return new Entity("lab", "A lab", null, country, EntityKind.AFFILIATE, List.of(), List.of(), subdivisions,
                closingDays, yearlyClosingDays, List.of(), List.of());
    }

}
