package dev.dsrdesk.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.Requests;
import dev.dsrdesk.support.DeskDriver;
import dev.dsrdesk.support.DeskTest;
import jakarta.servlet.http.Cookie;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A requester reads the public pages and every mail in their language: chosen, else their browser's, else English. */
@DeskTest
class RequesterLanguageTest {

    private static final String BRAZILIAN_BROWSER = "pt-BR,pt;q=0.9,en-US;q=0.8,en;q=0.7";
    private static final String PORTUGUESE_DATE = "\\d{1,2} de (janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro) de \\d{4}";
    private static final String ITALIAN_DATE = "\\d{1,2} (gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre) \\d{4}";

    @Autowired MockMvc mvc;
    @Autowired DeskDriver desk;
    @Autowired Requests requests;
    @Autowired JdbcTemplate jdbc;

    @Test
    void brazilianRequesterIsAnsweredInPortuguese() throws Exception {
        mvc.perform(get("/").header(HttpHeaders.ACCEPT_LANGUAGE, BRAZILIAN_BROWSER))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("<html lang=\"pt-BR\">")))
                .andExpect(content().string(Matchers.containsString("O que você deseja fazer?")))
                .andExpect(content().string(Matchers.containsString("Enviar solicitação")));

        String email = DeskDriver.uniqueEmail();
        MvcResult sent = mvc.perform(publicForm("ACCESS", "Bruna Carvalho", email, "BR")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, BRAZILIAN_BROWSER))
                .andExpect(status().is3xxRedirection()).andReturn();
        mvc.perform(get(sent.getResponse().getRedirectedUrl()).header(HttpHeaders.ACCEPT_LANGUAGE, BRAZILIAN_BROWSER))
                .andExpect(content().string(Matchers.containsString("Solicitação recebida")))
                .andExpect(content().string(Matchers.containsString("abra o link contido nele para confirmar seu endereço")));

        DataSubjectRequest request = requestOf(email);
        assertThat(request.getLanguage()).isEqualTo("pt-BR");
        desk.runJobs(request.getReference());

        assertThat(desk.lastMailTo(email, "Recebemos sua solicitação de privacidade " + request.getReference()))
                .startsWith("Olá,")
                .contains("Recebemos sua solicitação relativa à privacidade dos seus dados.")
                .contains("Solicitação: Acessar meus dados")
                .containsPattern("Prazo da nossa resposta: " + PORTUGUESE_DATE)
                .contains("Itália")
                .doesNotContain("Dear").doesNotContain("We will answer by");
        String verification = desk.lastMailTo(email, "Confirme sua solicitação de privacidade");
        assertThat(verification)
                .contains("Confirme sua solicitação de privacidade " + request.getReference()
                        + " abrindo este link e clicando no botão de confirmação:")
                .containsPattern("O link pode ser usado uma única vez e expira em " + PORTUGUESE_DATE)
                .doesNotContain("please confirm");

        // the link's page speaks the stored language even to a browser set to English
        String token = desk.verificationSecretIn(verification);
        mvc.perform(get("/verify").param("token", token).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(content().string(Matchers.containsString("<html lang=\"pt-BR\">")))
                .andExpect(content().string(Matchers.containsString("Confirmar minha solicitação")));
        mvc.perform(post("/verify").param("token", token).with(csrf()).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(content().string(Matchers.containsString(
                        "Seu endereço de e-mail foi confirmado. Sua solicitação " + request.getReference())));

        desk.complete(desk.taskOf(request.getReference(), "Task_TriageRequest"), Map.of("decision", "ACCEPT"));
        desk.answerAcceptedAccessRequest(request);

        assertThat(desk.lastMailTo(email, "Sua solicitação de privacidade " + request.getReference() + " foi concluída"))
                .startsWith("Prezado(a) Bruna Carvalho,")
                .contains("Sua solicitação de privacidade " + request.getReference() + " (Acessar meus dados) foi concluída.")
                .contains(": não mantém dados pessoais sobre você")
                .containsPattern("Seus dados não estão nesta mensagem\\. .* até " + PORTUGUESE_DATE)
                .contains("tem o direito de apresentar reclamação a uma autoridade de proteção de dados")
                .contains("Autoridade Nacional de Proteção de Dados (ANPD)")
                .contains("que a política estende a todos os usuários, e LGPD art. 18, §1º")
                .contains("mantém suas informações de contato")
                .doesNotContain("is complete").doesNotContain("complaint")
                .doesNotContain("holds contact information").doesNotContain("as the policy extends it");

        mvc.perform(get("/download").param("token", desk.downloadSecret(email)).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(content().string(Matchers.containsString("Seus dados estão prontos")))
                .andExpect(content().string(Matchers.containsString("Abrir o relatório dos meus dados")));
    }

    @Test
    void anItalianChoiceOverridesAnEnglishBrowserAndIsStoredSoLaterMailsAreItalian() throws Exception {
        MvcResult chosen = mvc.perform(get("/").param("lang", "it").header(HttpHeaders.ACCEPT_LANGUAGE, "en-GB,en;q=0.9"))
                .andExpect(status().isOk())
                .andExpect(cookie().value(RequesterLocaleResolver.COOKIE, "it"))
                .andExpect(content().string(Matchers.containsString("<html lang=\"it\">")))
                .andExpect(content().string(Matchers.containsString("Che cosa desidera fare?")))
                .andReturn();
        Cookie choice = chosen.getResponse().getCookie(RequesterLocaleResolver.COOKIE);

        // the choice is remembered: the next page, without the parameter, is still Italian for an English browser
        mvc.perform(get("/").cookie(choice).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(content().string(Matchers.containsString("Invia la richiesta")));

        String email = DeskDriver.uniqueEmail();
        mvc.perform(publicForm("ACCESS", "Giulia Bianchi", email, "IT").cookie(choice).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().is3xxRedirection());
        DataSubjectRequest request = requestOf(email);
        assertThat(request.getLanguage()).isEqualTo("it");
        desk.runJobs(request.getReference());

        assertThat(desk.lastMailTo(email, "Abbiamo ricevuto la sua richiesta privacy " + request.getReference()))
                .startsWith("Buongiorno,")
                .contains("abbiamo ricevuto la sua richiesta in materia di privacy.")
                .contains("Richiesta: Accedere ai miei dati")
                .containsPattern("Termine per la nostra risposta: " + ITALIAN_DATE);
        assertThat(desk.lastMailTo(email, "Confermi la sua richiesta privacy"))
                .containsPattern("Il link può essere usato una sola volta e scade il " + ITALIAN_DATE + ", ore \\d{2}:\\d{2}");

        // later mails, sent long after the page, still speak Italian
        desk.verify(email);
        desk.complete(desk.taskOf(request.getReference(), "Task_TriageRequest"),
                Map.of("decision", "REJECT", "rejectionReason", "La stessa richiesta ha ricevuto risposta la settimana scorsa."));
        desk.runJobs(request.getReference());
        assertThat(desk.lastMailTo(email, "Non possiamo dare seguito alla sua richiesta privacy"))
                .contains("abbiamo esaminato la sua richiesta privacy " + request.getReference() + " (Accedere ai miei dati)")
                .contains("manifestamente infondata o eccessiva (art. 12, par. 5, GDPR)")
                .contains("Le nostre motivazioni:\nLa stessa richiesta ha ricevuto risposta la settimana scorsa.")
                .contains("Ha il diritto di proporre reclamo a un’autorità di controllo (GDPR art. 77): Garante per la protezione dei dati personali")
                .contains("Ha inoltre il diritto a un ricorso giurisdizionale effettivo (art. 79 GDPR).")
                .doesNotContain("judicial remedy");
    }

    @Test
    void anUnknownLanguageIsAnsweredInEnglish() throws Exception {
        mvc.perform(get("/").header(HttpHeaders.ACCEPT_LANGUAGE, "fr-FR,fr;q=0.9,de;q=0.8"))
                .andExpect(content().string(Matchers.containsString("<html lang=\"en\">")))
                .andExpect(content().string(Matchers.containsString("What would you like to do?")));
        mvc.perform(get("/").param("lang", "tlh"))
                .andExpect(cookie().value(RequesterLocaleResolver.COOKIE, "en"))
                .andExpect(content().string(Matchers.containsString("What would you like to do?")));
        mvc.perform(get("/").cookie(new Cookie(RequesterLocaleResolver.COOKIE, "xx-<script>")).header(HttpHeaders.ACCEPT_LANGUAGE, "it"))
                .andExpect(content().string(Matchers.containsString("What would you like to do?")));

        String email = DeskDriver.uniqueEmail();
        mvc.perform(publicForm("ERASURE", "Jean Dupont", email, "FR").header(HttpHeaders.ACCEPT_LANGUAGE, "fr-FR"))
                .andExpect(status().is3xxRedirection());
        DataSubjectRequest request = requestOf(email);
        assertThat(request.getLanguage()).isEqualTo("en");
        desk.runJobs(request.getReference());
        assertThat(desk.lastMailTo(email, "We received your privacy request")).startsWith("Hello,")
                .containsPattern("We will answer by: \\d{1,2} [A-Z][a-z]+ \\d{4}");
    }

    @Test
    void anyPortugueseBrowserIsAnsweredInBrazilianPortuguese() throws Exception {
        mvc.perform(get("/").header(HttpHeaders.ACCEPT_LANGUAGE, "pt-PT"))
                .andExpect(content().string(Matchers.containsString("<html lang=\"pt-BR\">")));
    }

    @Test
    void publicFormErrorsSpeakTheRequestersLanguage() throws Exception {
        mvc.perform(publicForm("ACCESS", null, "not-an-email", "BR").header(HttpHeaders.ACCEPT_LANGUAGE, BRAZILIAN_BROWSER))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("Corrija os campos indicados abaixo.")))
                .andExpect(content().string(Matchers.containsString("é obrigatório")))
                .andExpect(content().string(Matchers.containsString("deve ser um endereço de e-mail válido")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("is required"))));

        mvc.perform(publicForm("RECTIFICATION", "x".repeat(201), DeskDriver.uniqueEmail(), "IT")
                        .cookie(new Cookie(RequesterLocaleResolver.COOKIE, "it")).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("Corregga i campi indicati qui sotto.")))
                .andExpect(content().string(Matchers.containsString("può contenere al massimo 200 caratteri")))
                .andExpect(content().string(Matchers.containsString(
                        "è obbligatorio per una rettifica: indichi che cosa è sbagliato e qual è il dato corretto")));
    }

    @Test
    void theLinkPageSpeaksTheStoredLanguageUntilThePersonSwitches() throws Exception {
        String email = DeskDriver.uniqueEmail();
        DataSubjectRequest request = desk.submitIn("pt-BR", "ACCESS", email, "BR", null);
        desk.runJobs(request.getReference());
        String token = desk.latestVerificationSecret(email);

        mvc.perform(get("/verify").param("token", token).header(HttpHeaders.ACCEPT_LANGUAGE, "it"))
                .andExpect(content().string(Matchers.containsString("Confirme seu endereço de e-mail")))
                // the switcher keeps the token, so switching does not lose the request
                .andExpect(content().string(Matchers.containsString(
                        "<a href=\"/verify?token=" + token + "&amp;lang=it\" lang=\"it\" hreflang=\"it\">Italiano</a>")));
        mvc.perform(get("/verify").param("token", token).param("lang", "it"))
                .andExpect(content().string(Matchers.containsString("<html lang=\"it\">")))
                .andExpect(content().string(Matchers.containsString("Confermo la mia richiesta")));
        mvc.perform(get("/verify").param("token", token).cookie(new Cookie(RequesterLocaleResolver.COOKIE, "en")))
                .andExpect(content().string(Matchers.containsString("Confirm my request")));
    }

    @Test
    void theSwitcherOffersEachLanguageInItsOwnNameAsPlainLinks() throws Exception {
        mvc.perform(get("/").header(HttpHeaders.ACCEPT_LANGUAGE, "it"))
                .andExpect(content().string(Matchers.containsString("<nav class=\"languages\" aria-label=\"Lingua\">")))
                .andExpect(content().string(Matchers.containsString("<a href=\"/?lang=en\" lang=\"en\" hreflang=\"en\">English</a>")))
                .andExpect(content().string(Matchers.containsString(
                        "<a href=\"/?lang=it\" lang=\"it\" hreflang=\"it\" aria-current=\"true\">Italiano</a>")))
                .andExpect(content().string(Matchers.containsString(
                        "<a href=\"/?lang=pt-BR\" lang=\"pt-BR\" hreflang=\"pt-BR\">Português (Brasil)</a>")));
    }

    @Test
    void staffScreensStayEnglishForAnItalianBrowser() throws Exception {
        mvc.perform(get("/staff/requests/new").with(httpBasic("operator", "demo")).param("lang", "it")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "it"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("<html lang=\"en\">")))
                .andExpect(content().string(Matchers.containsString("Access my data")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("class=\"languages\""))));
    }

    private DataSubjectRequest requestOf(String email) {
        return requests.byReference(jdbc.queryForObject(
                "select reference from data_subject_request where email = ?", String.class, email));
    }

    private static MockHttpServletRequestBuilder publicForm(String type, String fullName, String email, String country) {
        MockHttpServletRequestBuilder form = post("/requests").contentType(MediaType.APPLICATION_FORM_URLENCODED).with(csrf())
                .param("type", type).param("email", email).param("country", country);
        return fullName == null ? form : form.param("fullName", fullName);
    }
}
