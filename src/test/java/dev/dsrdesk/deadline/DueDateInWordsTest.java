package dev.dsrdesk.deadline;

import static dev.dsrdesk.deadline.StatutoryDeadlinesTest.rules;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrdesk.request.ClockStart;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Every statutory date says how it was reached, in the reader's language: the start and why, the period, an extension,
 * a pause, and the last day's move to a working day with its reason (weekend, public holiday by name).
 */
class DueDateInWordsTest {

    private static final StatutoryCalendar CALENDAR = new StatutoryCalendar(ConfiguredCalendars.calendars());
    private static DueDateInWords words;

    @BeforeAll
    static void parseTheTableAndReadTheBundles() throws Exception {
        StatutoryDeadlinesTest.parseTheTable();
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        words = new DueDateInWords(messages, null, null);
    }

    @ParameterizedTest(name = "{0} {1} received {2}")
    @CsvSource(delimiter = '|', textBlock = """
            IT | ERASURE | 2026-10-30 | GDPR | received 30 October 2026 → one month → 30 November 2026 (Monday, a working day)
            IT | ERASURE | 2026-10-28 | GDPR | received 28 October 2026 → one month → 28 November 2026 is a Saturday → next working day 30 November 2026
            IT | ERASURE | 2027-03-29 | GDPR | received 29 March 2027 → one month → 29 April 2027 (Thursday, a working day)
            IT | ERASURE | 2027-05-01 | GDPR | received 1 May 2027 → one month → 1 June 2027 (Tuesday, a working day)
            IT | ERASURE | 2028-05-02 | GDPR | received 2 May 2028 → one month → 2 June 2028 is a public holiday (Republic Day) → next working day 5 June 2028
            BR | ACCESS  | 2027-04-06 | LGPD | received 6 April 2027 → 15 days → 21 April 2027 is a public holiday (Tiradentes' Day) → next working day 22 April 2027
            US | ACCESS  | 2026-11-02 | CCPA | received 2 November 2026 → 45 days → 17 December 2026 (Thursday; the period ends on that day, whatever day it is)
            US | OBJECTION | 2026-11-02 | CCPA | received 2 November 2026 → 15 business days → 24 November 2026 (Tuesday, a working day)
            """)
    void eachRegimesDateSaysHowItWasReached(String country, String type, LocalDate received, String regime, String expected) {
        String region = country.equals("US") ? "US-CA" : null;
        RegimeDeadline deadline = CALENDAR.due(rules(country, region, type), received).regimes().stream()
                .filter(each -> each.regime().equals(regime)).findFirst().orElseThrow();

        assertThat(words.in(deadline, Locale.ENGLISH)).hasValue(expected);
    }

    @Test
    void anAnswerAfterAPauseSaysHowLongTheClockStoodStill() {
        RegimeDeadline gdpr = CALENDAR.due(rules("IT", null, "ACCESS"),
                new DueDateReasoning.Start(LocalDate.parse("2026-12-05"), ClockStart.Event.ANSWER_RECEIVED, 3, LocalDate.parse("2026-11-20"))).regimes().get(0);

        assertThat(words.in(gdpr, Locale.ENGLISH)).hasValue("paused 3 days while waiting for the requester’s answer → "
                + "answer received 5 December 2026 → one month → 5 January 2027 (Tuesday, a working day)");
    }

    @Test
    void anExtensionSaysByHowMuchAndWhen() {
        RegimeDeadline gdpr = CALENDAR.extended(rules("IT", null, "ERASURE"), DueDateReasoning.Start.receipt(LocalDate.parse("2026-10-30")),
                2, LocalDate.parse("2026-11-12")).regimes().get(0);

        assertThat(gdpr.dueDate()).isEqualTo("2027-02-01");
        assertThat(words.in(gdpr, Locale.ENGLISH)).hasValue("received 30 October 2026 → one month, extended by two months on "
                + "12 November 2026 → 30 January 2027 is a Saturday → next working day 1 February 2027");
    }

    @Test
    void theRequesterReadsItInTheirLanguage() {
        RegimeDeadline gdpr = CALENDAR.due(rules("IT", null, "ERASURE"), LocalDate.parse("2026-10-28")).regimes().get(0);

        assertThat(words.in(gdpr, Locale.ITALIAN)).hasValue("ricevuta il 28 ottobre 2026 → un mese → 28 novembre 2026 è un sabato "
                + "→ primo giorno lavorativo successivo 30 novembre 2026");
        assertThat(words.in(gdpr, Locale.forLanguageTag("pt-BR"))).hasValue("recebida em 28 de outubro de 2026 → um mês → "
                + "28 de novembro de 2026 é um sábado → próximo dia útil 30 de novembro de 2026");
    }

    @Test
    void aDateKeptBeforeTheDeskRecordedItsReasoningSaysNothing() {
        assertThat(words.in(new RegimeDeadline("GDPR", LocalDate.parse("2026-11-30"), null, "GDPR Art. 12(3)", null),
                Locale.ENGLISH)).isEmpty();
    }
}
