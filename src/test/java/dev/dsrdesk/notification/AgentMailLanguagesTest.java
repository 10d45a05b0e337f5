package dev.dsrdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrdesk.agent.AuthorizedAgent;
import dev.dsrdesk.agent.AuthorizedAgents;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.Requests;
import dev.dsrdesk.support.DeskDriver;
import dev.dsrdesk.support.DeskOverHttp;
import dev.dsrdesk.support.DeskTest;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The mails of a request made on someone's behalf, in every language: the agent's name no prose in English, the
 * data subject's told who asked, the agent's never naming the data subject nor holding a link.
 */
@DeskTest
class AgentMailLanguagesTest {

    /** Words of the English mails (as RequesterMailLanguagesTest), and those of the agent's. */
    private static final List<String> ENGLISH = List.of("Dear ", "privacy request", " your ", "You ", " you ", " we ",
            " the ", " and ", "Reference:", "We will answer", "please confirm", "Please quote", "expires", "complaint",
            "supervisory authority", "judicial remedy", "Our reasons", "welcome", "behalf", "permission", "answered");

    private static final Map<String, Object> DETAILS = Map.of(
            "link", "https://desk.example/verify?token=abc",
            "expiresAt", Date.from(Instant.parse("2026-12-02T10:00:00Z")),
            "reason", "⟨motivo⟩");

    @Autowired RequesterMail mail;
    @Autowired DeskDriver desk;
    @Autowired Requests requests;
    @Autowired AuthorizedAgents agents;

    @ParameterizedTest(name = "to the agent: {0} ({2}) in {1}")
    @CsvSource({"ACKNOWLEDGEMENT,it,", "PERMISSION_REFUSAL,it,", "STATUS,it,CLOSED", "STATUS,it,REJECTED",
            "STATUS,it,CLOSED_UNVERIFIED", "STATUS,it,CLOSED_AS_DUPLICATE", "STATUS,it,other",
            "ACKNOWLEDGEMENT,pt-BR,", "PERMISSION_REFUSAL,pt-BR,", "STATUS,pt-BR,CLOSED", "STATUS,pt-BR,REJECTED",
            "STATUS,pt-BR,CLOSED_UNVERIFIED", "STATUS,pt-BR,CLOSED_AS_DUPLICATE", "STATUS,pt-BR,other"})
    void theAgentReadsWhereTheRequestStandsInTheirLanguageAndNothingOfTheDataSubject(AgentMessage message, String language,
                                                                                     String status) {
        DataSubjectRequest request = verifiedAgentRequestIn(language);
        OutgoingMail written = mail.composeForAgent(request, agentOf(request), message, details(status));

        assertThat(written.to()).startsWith("agent+");
        assertThat(written.body()).startsWith(language.equals("it") ? "Buongiorno," : "Olá,")
                .contains(request.getReference())
                .doesNotContain("??").doesNotContain("Ada").doesNotContain("Lovelace").doesNotContain(request.getEmail())
                .doesNotContain(ENGLISH.toArray(String[]::new));
        assertThat(DeskOverHttp.links(written.body())).isEmpty();
        assertThat(written.subject()).contains(request.getReference()).doesNotContain("??")
                .doesNotContain(ENGLISH.toArray(String[]::new));
    }

    @ParameterizedTest(name = "to the agent in English: {0} ({1})")
    @CsvSource({"ACKNOWLEDGEMENT,", "PERMISSION_REFUSAL,", "STATUS,CLOSED", "STATUS,REJECTED", "STATUS,CLOSED_UNVERIFIED",
            "STATUS,CLOSED_AS_DUPLICATE", "STATUS,other"})
    void inEnglishTooTheAgentIsGreetedWithoutANameAndGetsNoLink(AgentMessage message, String status) {
        DataSubjectRequest request = verifiedAgentRequestIn("en");
        OutgoingMail written = mail.composeForAgent(request, agentOf(request), message, details(status));

        assertThat(written.body()).startsWith("Hello,\n").doesNotContain("??").doesNotContain("Paolo").doesNotContain("Ada");
        assertThat(DeskOverHttp.links(written.body())).isEmpty();
    }

    @ParameterizedTest(name = "to the data subject: {0} in {1}")
    @CsvSource({"ACKNOWLEDGEMENT,it,per suo conto da Paolo Bianchi (Privacy Agents Inc.)",
            "VERIFICATION_LINK,it,per suo conto da Paolo Bianchi (Privacy Agents Inc.)",
            "VERIFICATION_REMINDER,it,per suo conto da Paolo Bianchi (Privacy Agents Inc.)",
            "PERMISSION_REFUSAL,it,per suo conto da Paolo Bianchi (Privacy Agents Inc.)",
            "ACKNOWLEDGEMENT,pt-BR,em seu nome por Paolo Bianchi (Privacy Agents Inc.)",
            "VERIFICATION_LINK,pt-BR,em seu nome por Paolo Bianchi (Privacy Agents Inc.)",
            "VERIFICATION_REMINDER,pt-BR,em seu nome por Paolo Bianchi (Privacy Agents Inc.)",
            "PERMISSION_REFUSAL,pt-BR,em seu nome por Paolo Bianchi (Privacy Agents Inc.)"})
    void theDataSubjectIsToldWhoAskedOnTheirBehalfInTheirLanguage(RequesterMessage message, String language, String told) {
        DataSubjectRequest request = verifiedAgentRequestIn(language);
        String body = mail.compose(request, message, DETAILS).body().replace("Interactive Media Privacy Desk", "");

        assertThat(body).contains(told).doesNotContain("??")
                .doesNotContain(ENGLISH.stream().filter(word -> !word.equals("permission")).toArray(String[]::new));
    }

    @ParameterizedTest(name = "what an agent typed makes no link: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Eve https://evil.example/login | Acme                       | Eve evil[.]example/login (Acme)
            Eve                            | www.phish.example          | Eve (phish[.]example)
            Eve                            | Support: hxxp://x.example  | Eve (Support: x[.]example)
            """)
    void anAgentsNameAndOrganisationReachTheDataSubjectWithoutLinks(String name, String organisation, String shown) {
        DataSubjectRequest request = desk.awaitingVerification("ACCESS", DeskDriver.uniqueEmail());
        agents.record(request.getReference(), new dev.dsrdesk.agent.AgentDetails(name, "eve@agents.example", organisation));

        String body = mail.compose(requests.byReference(request.getReference()), RequesterMessage.VERIFICATION_LINK, DETAILS).body();

        assertThat(body).contains("by " + shown + ", who says");
        assertThat(DeskOverHttp.links(body)).containsExactly("https://desk.example/verify?token=abc");
    }

    private DataSubjectRequest verifiedAgentRequestIn(String language) {
        DataSubjectRequest request = desk.submitByAgentIn(language, "ERASURE", DeskDriver.uniqueEmail(),
                "agent+" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@agents.example");
        requests.emailProvenByLink(request);
        return request;
    }

    private AuthorizedAgent agentOf(DataSubjectRequest request) {
        return agents.of(request.getReference()).orElseThrow();
    }

    private static Map<String, Object> details(String status) {
        return status == null ? DETAILS : Map.of("reason", "⟨motivo⟩", "statusKey", "mail.agent-status." + status);
    }
}
