package dev.dsrdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrdesk.fulfilment.ResponseSummary.EntityProgress;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.Requests;
import dev.dsrdesk.support.DeskDriver;
import dev.dsrdesk.support.DeskTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every requester mail, every branch of it, rendered in each language. An English sentence left in a template
 * (outside a message expression) would reach an Italian or Brazilian requester untranslated.
 */
@DeskTest
class RequesterMailLanguagesTest {

    /**
     * Words and sentences of the English mails. The values below, the desk's name and the Italian authority (for a
     * requester living in Italy) hold none of them; values from configuration and the decision tables stay as they are.
     */
    private static final List<String> ENGLISH = List.of("Dear ", "privacy request", " your ", "You ", " you ", " we ",
            " the ", " and ", "Reference:", "We will answer", "please confirm", "Please quote", "expires", "complaint", "supervisory authority",
            "judicial remedy", "What was done", "Follow your request", "question", "withdraw", "new link", "Reminder", "Not asked", "asked because", "Our reasons", "Why we need more time",
            "corrected", "Kept:", "also informed", "is complete", "welcome");

    private static final Map<String, Object> EVERY_DETAIL = Map.ofEntries(
            Map.entry("link", "https://desk.example/verify?token=abc"),
            Map.entry("expiresAt", Date.from(Instant.parse("2026-12-02T10:00:00Z"))),
            Map.entry("openReference", "DSR-2026-999999"),
            Map.entry("reason", "⟨motivo⟩"),
            Map.entry("newDueDate", LocalDate.of(2027, 2, 2)),
            Map.entry("downloadLink", "https://desk.example/download?token=abc"),
            Map.entry("downloadExpiresAt", Date.from(Instant.parse("2026-12-02T10:00:00Z"))),
            Map.entry("question", "⟨domanda⟩"),
            Map.entry("answerBy", Date.from(Instant.parse("2027-01-01T10:00:00Z"))),
            Map.entry("requestPage", "https://desk.example/request?token=abc"),
            Map.entry("entities", List.of(
                    progress("rome", "Interactive Media S.p.A.", "ERASE", "DONE", "⟨cancellato⟩", "⟨fattura⟩", "⟨legge⟩", "⟨mailer⟩"),
                    progress("trento", "IM Service Lab Srl", "RECTIFY", "DONE", null, null, null, null),
                    progress("sao-paulo", "IM Interactive Media Brasil", "ERASE", "NO_DATA", null, null, null, null),
                    progress("google-analytics", "Google Analytics", null, "NOT_INVOLVED", null, null, null, null))));

    @Autowired RequesterMail mail;
    @Autowired DeskDriver desk;
    @Autowired Requests requests;

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({"ACKNOWLEDGEMENT,it", "VERIFICATION_LINK,it", "VERIFICATION_REMINDER,it", "CLOSED_UNVERIFIED,it",
            "REJECTION,it", "IDENTITY_REFUSAL,it", "LINKED,it", "EXTENSION,it", "CLOSURE,it",
            "ACKNOWLEDGEMENT,pt-BR", "VERIFICATION_LINK,pt-BR", "VERIFICATION_REMINDER,pt-BR", "CLOSED_UNVERIFIED,pt-BR",
            "REJECTION,pt-BR", "IDENTITY_REFUSAL,pt-BR", "LINKED,pt-BR", "EXTENSION,pt-BR", "CLOSURE,pt-BR",
            "QUESTION,it", "QUESTION_REMINDER,it", "CLOSED_UNANSWERED,it", "WITHDRAWN,it", "FRESH_DOWNLOAD_LINK,it",
            "QUESTION,pt-BR", "QUESTION_REMINDER,pt-BR", "CLOSED_UNANSWERED,pt-BR", "WITHDRAWN,pt-BR", "FRESH_DOWNLOAD_LINK,pt-BR"})
    void noEnglishProseReachesAnItalianOrBrazilianRequester(RequesterMessage message, String language) {
        OutgoingMail written = mail.compose(verifiedErasureRequestIn(language), message, EVERY_DETAIL);

        String body = written.body().replace("Interactive Media Privacy Desk", "");
        assertThat(body).startsWith(language.equals("it") ? "Gentile Ada Lovelace," : "Prezado(a) Ada Lovelace,")
                .doesNotContain("??")
                .doesNotContain(ENGLISH.toArray(String[]::new));
        assertThat(written.subject()).doesNotContain(ENGLISH.toArray(String[]::new)).doesNotContain("??");
    }

    @ParameterizedTest(name = "{0} in English")
    @EnumSource(RequesterMessage.class)
    void englishStaysAsItWas(RequesterMessage message) {
        OutgoingMail written = mail.compose(verifiedErasureRequestIn("en"), message, EVERY_DETAIL);

        assertThat(written.body()).startsWith("Dear Ada Lovelace,").doesNotContain("??");
        assertThat(written.subject()).contains("privacy request");
    }

    @ParameterizedTest(name = "{0} links to the request page")
    @EnumSource(RequesterMessage.class)
    void everyMessageEndsWithTheLinkToTheRequestsPage(RequesterMessage message) {
        String body = mail.compose(verifiedErasureRequestIn("it"), message, EVERY_DETAIL).body();

        assertThat(body).contains("Segua la sua richiesta").contains("https://desk.example/request?token=abc");
        assertThat(body.indexOf("https://desk.example/request?token=abc"))
                .as("after the message's own link, before the signature").isLessThan(body.indexOf("Interactive Media Privacy Desk"));
    }

    @ParameterizedTest(name = "{0} before the address is proven, in {1}")
    @CsvSource({"ACKNOWLEDGEMENT,en,Hello", "VERIFICATION_LINK,it,Buongiorno", "IDENTITY_REFUSAL,pt-BR,Olá",
            "EXTENSION,en,Hello", "CLOSED_UNVERIFIED,it,Buongiorno", "VERIFICATION_REMINDER,pt-BR,Olá"})
    void untilTheAddressIsProvenTheGreetingLeavesOutTheTypedName(RequesterMessage message, String language, String hello) {
        OutgoingMail written = mail.compose(erasureRequestIn(language), message, EVERY_DETAIL);

        assertThat(written.body()).startsWith(hello + ",\n").doesNotContain("Ada").doesNotContain("Lovelace");
    }

    @ParameterizedTest(name = "dates in {0}")
    @CsvSource(delimiter = '|', textBlock = """
            it    | 2 febbraio 2027          | 2 dicembre 2026, ore
            pt-BR | 2 de fevereiro de 2027   | 2 de dezembro de 2026,
            en    | 2 February 2027          | 2 December 2026,
            """)
    void datesAreWrittenTheRequestersWay(String language, String date, String dateTime) {
        DataSubjectRequest request = erasureRequestIn(language);
        assertThat(mail.compose(request, RequesterMessage.EXTENSION, EVERY_DETAIL).body()).contains(date);
        assertThat(mail.compose(request, RequesterMessage.VERIFICATION_LINK, EVERY_DETAIL).body()).contains(dateTime);
    }

    @ParameterizedTest(name = "closure in {0}")
    @CsvSource(delimiter = '|', textBlock = """
            it    | IM Service Lab Srl: completato | I dati da lei segnalati sono stati corretti. | Google Analytics: ⟨reason⟩
            pt-BR | IM Service Lab Srl: concluído  | Os dados que você indicou foram corrigidos.  | Google Analytics: ⟨reason⟩
            """)
    void theClosureTellsEachEntitysStateInTheRequestersLanguage(String language, String state, String corrected, String notAsked) {
        String body = mail.compose(verifiedErasureRequestIn(language), RequesterMessage.CLOSURE, EVERY_DETAIL).body();

        assertThat(body).contains(state).contains(corrected).contains(notAsked.replace("⟨reason⟩", "⟨non interpellata⟩"))
                .contains("⟨cancellato⟩").contains("⟨fattura⟩").contains("⟨mailer⟩")
                .contains("https://desk.example/download?token=abc");
    }

    private DataSubjectRequest erasureRequestIn(String language) {
        return desk.submitIn(language, "ERASURE", DeskDriver.uniqueEmail(), "IT", null);
    }

    /** Mails after the address is proven greet the requester by name, so the whole of each is checked. */
    private DataSubjectRequest verifiedErasureRequestIn(String language) {
        DataSubjectRequest request = erasureRequestIn(language);
        requests.emailProvenByLink(request);
        return request;
    }

    private static EntityProgress progress(String id, String name, String action, String state, String actionTaken,
                                           String retained, String retentionReason, String recipientsNotified) {
        String reason = state.equals("NOT_INVOLVED") ? "⟨non interpellata⟩" : "⟨interpellata⟩";
        return new EntityProgress(id, name, action, state, reason, LocalDate.of(2026, 12, 1), null, 0, actionTaken,
                retained, retentionReason, recipientsNotified);
    }
}
