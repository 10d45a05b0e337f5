package dev.dsrdesk.connector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrdesk.language.SupportedLanguages;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/** What a requester reads of a store: labels in their language, values as people write them. */
class WordingTest {

    private static final DataStore STORE = new DataStore("crm", "rome", "Rome contact CRM", DataStore.ConnectorType.SQL,
            null, null, List.of(new SqlTable("contact", List.of("email"), null, Map.of("Contact information", List.of("full_name")),
                    null, List.of("email", "full_name"), null, null, null, "id", Map.of("en", "Contact", "pt-BR", "Contato"),
                    Map.of("full_name", Map.of("en", "Full name", "it", "Nome e cognome"),
                            "email", Map.of("en", "Email address", "pt-br", "Endereço de e-mail")))),
            null, null, Map.of("it", "Contatti di Roma"), Map.of());
    private static final SqlTable CONTACT = STORE.tables().get(0);

    /** The requesters' bundles as the application reads them. */
    static MessageSource requesterMessages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    private static Wording people(Locale reader) {
        return Wording.forPeople(requesterMessages(), reader);
    }

    @Test
    void labelsReadInTheReadersLanguageThenEnglishThenAsConfigured() {
        assertThat(people(Locale.ITALIAN).column(CONTACT, "full_name")).isEqualTo("Nome e cognome");
        assertThat(people(SupportedLanguages.BRAZILIAN_PORTUGUESE).column(CONTACT, "full_name")).isEqualTo("Full name");
        assertThat(people(SupportedLanguages.BRAZILIAN_PORTUGUESE).column(CONTACT, "email"))
                .as("a key spelled in lower case still names its language").isEqualTo("Endereço de e-mail");
        assertThat(people(Locale.ITALIAN).column(CONTACT, "phone")).as("no label at all").isEqualTo("phone");
        assertThat(people(Locale.ITALIAN).table(CONTACT)).isEqualTo("Contact");
        assertThat(people(Locale.ITALIAN).store(STORE)).isEqualTo("Contatti di Roma");
        assertThat(people(Locale.ENGLISH).store(STORE)).isEqualTo("Rome contact CRM");
        assertThat(people(Locale.ITALIAN).category(STORE, "Contact information")).isEqualTo("Contact information");
    }

    @Test
    void valuesReadAsPeopleWriteThemInTheirLanguage() {
        Timestamp stored = Timestamp.valueOf(LocalDateTime.of(2021, 3, 4, 9, 15));
        assertThat(people(Locale.ENGLISH).value(stored)).isEqualTo("4 March 2021, 09:15");
        assertThat(people(Locale.ITALIAN).value(stored)).isEqualTo("4 marzo 2021, ore 09:15");
        assertThat(people(SupportedLanguages.BRAZILIAN_PORTUGUESE).value(stored)).isEqualTo("4 de março de 2021, 09:15");
        assertThat(people(Locale.ENGLISH).value(java.sql.Date.valueOf(LocalDate.of(2020, 2, 29)))).isEqualTo("29 February 2020");
        assertThat(people(Locale.ENGLISH).value(OffsetDateTime.of(2026, 12, 1, 22, 24, 48, 0, ZoneOffset.ofHours(1))))
                .isEqualTo("1 December 2026, 21:24 UTC");
        assertThat(people(Locale.ENGLISH).value(Boolean.TRUE)).isEqualTo("yes");
        assertThat(people(SupportedLanguages.BRAZILIAN_PORTUGUESE).value(Boolean.FALSE)).isEqualTo("não");
        UUID id = UUID.randomUUID();
        assertThat(people(Locale.ENGLISH).value(id)).isEqualTo(id.toString());
        assertThat(people(Locale.ENGLISH).value(42)).isEqualTo("42");
        assertThat(people(Locale.ITALIAN).value(new byte[2048])).isEqualTo("un file di 2.048 byte");
    }

    @Test
    void aPortabilityPackageKeepsValuesAsMachinesReadThem() {
        Wording machines = Wording.forMachines(requesterMessages(), Locale.ITALIAN);
        assertThat(machines.value(Timestamp.valueOf(LocalDateTime.of(2021, 3, 4, 9, 15)))).isEqualTo("2021-03-04T09:15:00");
        assertThat(machines.value(Boolean.TRUE)).isEqualTo("true");
        assertThat(machines.value(new byte[] {1, 2, 3})).isEqualTo("AQID");
        assertThat(machines.value(OffsetDateTime.of(2026, 12, 1, 22, 24, 48, 0, ZoneOffset.ofHours(1))))
                .isEqualTo("2026-12-01T21:24:48Z");
        assertThat(machines.column(CONTACT, "full_name")).as("labels still in the reader's language").isEqualTo("Nome e cognome");
    }

    @Test
    void changesAreSentencesInTheRequestersLanguage() {
        assertThat(people(Locale.ENGLISH).deleted(STORE, CONTACT, 1)).isEqualTo("Rome contact CRM: one record of ‘Contact’ deleted");
        assertThat(people(Locale.ENGLISH).blanked(STORE, CONTACT, 3))
                .isEqualTo("Rome contact CRM: Email address, Full name removed from 3 records of ‘Contact’; the rest is kept");
        assertThat(people(Locale.ITALIAN).deleted(STORE, CONTACT, 2)).isEqualTo("Contatti di Roma: 2 record di ‘Contact’ eliminati");
        assertThat(people(SupportedLanguages.BRAZILIAN_PORTUGUESE).restricted(STORE, CONTACT, 2))
                .isEqualTo("Rome contact CRM: 2 registros de ‘Contato’ com tratamento restrito: mantidos, mas não mais utilizados");
        assertThat(people(SupportedLanguages.BRAZILIAN_PORTUGUESE).corrected(STORE, CONTACT, "email", 1))
                .isEqualTo("Rome contact CRM: Endereço de e-mail corrigido em um registro de ‘Contato’");
        assertThat(people(Locale.ITALIAN).consentWithdrawn(STORE, CONTACT, 1000))
                .isEqualTo("Contatti di Roma: revoca del suo consenso registrata su 1.000 record di ‘Contact’");
    }
}
