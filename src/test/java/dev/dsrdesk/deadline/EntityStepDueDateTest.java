package dev.dsrdesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An entity's step is due ten days after it starts, on one of the entity's own working days (its place's holidays as
 * the registry in application.yml sets them), and never after the statutory date.
 */
class EntityStepDueDateTest {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    private static final DeadlineCalendars CALENDARS = ConfiguredCalendars.calendars();
    private static final LocalDate FAR_AWAY = LocalDate.parse("2040-01-01");

    @ParameterizedTest(name = "{0}: a step started {1} is due {2} ({3})")
    @CsvSource(delimiter = '|', textBlock = """
            rome             | 2027-06-19 | 2027-06-30 | ten days reach Rome's Saints Peter and Paul, Tuesday 29 June
            trento           | 2027-06-19 | 2027-06-29 | 29 June is Rome's holiday, not Trento's
            trento           | 2028-06-16 | 2028-06-27 | ten days reach Trento's San Vigilio, Monday 26 June
            rome             | 2028-06-16 | 2028-06-26 | 26 June is Trento's holiday, not Rome's
            sao-paulo        | 2028-01-15 | 2028-01-26 | ten days reach São Paulo city's anniversary, Tuesday 25 January
            sao-paulo        | 2027-06-29 | 2027-07-12 | ten days reach São Paulo state's 9 July, a Friday: Monday 12 July
            pleasant-hill    | 2026-11-17 | 2026-11-30 | ten days reach the day after Thanksgiving: Monday 30 November
            rome             | 2027-03-19 | 2027-03-30 | ten days reach Easter Monday 29 March 2027
            google-analytics | 2027-06-19 | 2027-06-29 | a processor without a country rests on weekends only
            """)
    void aStepFallsDueOnAWorkingDayOfItsEntity(String entity, String started, String due, String why) {
        assertThat(deadlines(started).entityStepDay(FAR_AWAY, entity)).as(why).isEqualTo(due);
    }

    @Test
    void aStepReachingPastTheStatutoryDateIsDueOnTheEntitysLastWorkingDayBeforeIt() {
        LocalDate statutory = LocalDate.parse("2027-06-29");
        assertThat(deadlines("2027-06-25").entityStepDay(statutory, "rome"))
                .as("the GDPR date, 29 June 2027, is Rome's holiday: Monday 28 June").isEqualTo("2027-06-28");
        assertThat(deadlines("2027-06-25").entityStepDay(statutory, "trento"))
                .as("Trento works on 29 June").isEqualTo("2027-06-29");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            rome   | 2027-06-19 | 2040-01-01 | 10 days from Sat 19 Jun 2027 → Tue 29 Jun 2027 is a public holiday (St. Peter and Paul day) here → next working day Wed 30 Jun 2027
            trento | 2027-06-19 | 2040-01-01 | 10 days from Sat 19 Jun 2027 → Tue 29 Jun 2027, a working day here
            trento | 2027-06-20 | 2040-01-01 | 10 days from Sun 20 Jun 2027 → Wed 30 Jun 2027, a working day here
            trento | 2027-06-22 | 2040-01-01 | 10 days from Tue 22 Jun 2027 → Fri 2 Jul 2027, a working day here
            rome   | 2027-06-24 | 2027-06-29 | 10 days from Thu 24 Jun 2027 → Sun 4 Jul 2027 would pass the statutory date Tue 29 Jun 2027 → the last working day here up to it, Mon 28 Jun 2027
            rome   | 2026-12-02 | 2040-01-01 | 10 days from Wed 2 Dec 2026 → Sat 12 Dec 2026 is a Saturday here → next working day Mon 14 Dec 2026
            rome   | 2027-06-30 | 2027-06-29 | 10 days from Wed 30 Jun 2027 → Sat 10 Jul 2027 → the statutory date Tue 29 Jun 2027 has passed: due on it, at once
            rome   | 2027-06-29 | 2027-06-29 | 10 days from Tue 29 Jun 2027 → Fri 9 Jul 2027 would pass the statutory date Tue 29 Jun 2027, today, a day closed here → due today all the same
            """)
    void theStepsDueDateSaysHowItWasComputed(String entity, String started, LocalDate statutory, String expected) {
        assertThat(deadlines(started).entityStepInWords(statutory, entity)).isEqualTo(expected);
    }

    @Test
    void aStepOfALateRequestIsDueOnTheStatutoryDateEvenOnTheEntitysHoliday() {
        LocalDate statutory = LocalDate.parse("2027-06-29");
        assertThat(deadlines("2027-06-29").entityStepDay(statutory, "rome"))
                .as("started on the statutory date itself: never a day already past").isEqualTo("2027-06-29");
    }

    @Test
    void aStepOfAnInstanceStartedUnderTheEarlierDiagramKeepsCalendarDays() {
        assertThat(deadlines("2027-06-19").entityStepDueInCalendarDays(FAR_AWAY).toInstant().atZone(ROME).toLocalDate())
                .as("its expressions name no entity: ten calendar days, 29 June").isEqualTo("2027-06-29");
    }

    @Test
    void theDueMomentIsTheEndOfTheDayInTheDesksZone() {
        assertThat(deadlines("2027-06-19").entityStepDue(FAR_AWAY, "rome").toInstant().atZone(ROME).toLocalDateTime())
                .isEqualTo("2027-06-30T23:59:59");
    }

    private static Deadlines deadlines(String today) {
        DeadlineSettings settings = new DeadlineSettings(ROME, DeadlineSettings.ClockStart.RECEIPT,
                ConfiguredCalendars.regimeCalendars(), Period.ofDays(10), Period.ofDays(3), Period.ofDays(2),
                Period.ofDays(2), Period.ofDays(7), true);
        Clock clock = Clock.fixed(LocalDate.parse(today).atTime(9, 0).atZone(ROME).toInstant(), ROME);
        return new Deadlines(settings, CALENDARS, clock);
    }
}
