package dev.dsrdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.support.DeskDriver;
import dev.dsrdesk.support.DeskTest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The emailed links: what is not a secret of ours is refused as bad input; a wrong, a used and an expired
 * secret all get the same page at the same cost (but the page behind a spent verification link, opened again,
 * says the request is already confirmed); a link opens only its own request; and nothing a stranger sends
 * tells whether an email address has requests with the desk.
 */
@DeskTest
class LinkTokenTest {

    private static final String WELL_FORMED_LENGTH = "A".repeat(43);

    @Autowired MockMvc mvc;
    @Autowired DeskDriver desk;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;

    static Stream<Arguments> malformedTokensOnEveryLink() {
        List<String> malformed = List.of("", " ", "forged", "x".repeat(5000), "<script>alert(1)</script>",
                "abc\r\nSet-Cookie: session=stolen", "' or '1'='1", "%00", WELL_FORMED_LENGTH.substring(1),
                WELL_FORMED_LENGTH + "A", WELL_FORMED_LENGTH.substring(1) + "!", "ä".repeat(43), "../../etc/passwd");
        List<Arguments> cases = new ArrayList<>();
        for (String path : List.of("/verify", "/download")) {
            for (String method : List.of("GET", "POST")) {
                malformed.forEach(token -> cases.add(Arguments.of(method, path, token)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} with token [{2}] is bad input")
    @MethodSource("malformedTokensOnEveryLink")
    void aTokenOfTheWrongShapeIsBadInputAndChangesNothing(String method, String path, String token) throws Exception {
        Traces before = traces();
        MockHttpServletRequestBuilder request = "GET".equals(method) ? get(path) : post(path).with(csrf());
        mvc.perform(request.param("token", token))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(Matchers.not(Matchers.containsString("<script>alert"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Set-Cookie: session"))));
        assertThat(traces()).isEqualTo(before);
    }

    @Test
    void aMissingTokenIsBadInput() throws Exception {
        mvc.perform(get("/verify")).andExpect(status().isBadRequest());
        mvc.perform(post("/download").with(csrf())).andExpect(status().isBadRequest());
    }

    @Test
    void aWrongAndAnExpiredVerificationLinkAreOneAndTheSamePageAndAUsedOneSaysItIsConfirmed() throws Exception {
        String usedEmail = DeskDriver.uniqueEmail();
        DataSubjectRequest confirmed = desk.verifiedRequest("ACCESS", usedEmail);
        String used = desk.latestVerificationSecret(usedEmail);
        String expiredEmail = DeskDriver.uniqueEmail();
        DataSubjectRequest expiring = desk.awaitingVerification("ACCESS", expiredEmail);
        String expired = desk.latestVerificationSecret(expiredEmail);
        jdbc.update("update verification_token set expires_at = created_at where request_id = ?", expiring.getId());

        List<String> pages = new ArrayList<>();
        for (String secret : List.of(TokenSecret.generate().value(), expired)) {
            pages.add(pageWithoutCsrf(post("/verify").with(csrf()).param("token", secret), 410));
            pages.add(pageWithoutCsrf(get("/verify").param("token", secret), 410));
        }
        assertThat(pages.stream().filter(page -> page.startsWith("POST")).distinct()).hasSize(1);
        assertThat(pages.stream().filter(page -> page.startsWith("GET")).distinct()).hasSize(1);
        assertThat(desk.statusOf(expiring.getReference())).isEqualTo("AWAITING_VERIFICATION");

        // back after confirming: only the holder of the real secret can open its page, so it may say what happened
        assertThat(pageWithoutCsrf(get("/verify").param("token", used), 200)).contains("Already confirmed")
                .contains(confirmed.getReference()).doesNotContain(usedEmail);
    }

    @Test
    void aWrongAndAnExpiredDownloadLinkAreOneAndTheSamePage() throws Exception {
        String email = DeskDriver.uniqueEmail();
        DataSubjectRequest request = desk.closedAccessRequest(email);
        String expired = desk.downloadSecret(email);
        jdbc.update("update download_link set expires_at = created_at where request_id = ?", request.getId());

        String wrongPage = pageWithoutCsrf(post("/download").with(csrf()).param("token", TokenSecret.generate().value()), 410);
        String expiredPage = pageWithoutCsrf(post("/download").with(csrf()).param("token", expired), 410);
        assertThat(expiredPage).isEqualTo(wrongPage).doesNotContain("kept.in.crm@example.org");
    }

    @Test
    void aLinkOpensOnlyItsOwnRequestAndATamperedOneNone() throws Exception {
        String firstEmail = DeskDriver.uniqueEmail();
        String secondEmail = DeskDriver.uniqueEmail();
        DataSubjectRequest first = desk.awaitingVerification("ERASURE", firstEmail);
        DataSubjectRequest second = desk.awaitingVerification("ERASURE", secondEmail);
        String secret = desk.latestVerificationSecret(firstEmail);
        char last = secret.charAt(secret.length() - 1);
        String tampered = secret.substring(0, secret.length() - 1) + (last == 'A' ? 'B' : 'A');
        String caseChanged = secret.toUpperCase().equals(secret) ? secret.toLowerCase() : secret.toUpperCase();

        for (String forgery : List.of(tampered, caseChanged)) {
            mvc.perform(post("/verify").with(csrf()).param("token", forgery)).andExpect(status().isGone());
        }
        assertThat(desk.statusOf(first.getReference())).isEqualTo("AWAITING_VERIFICATION");

        mvc.perform(post("/verify").with(csrf()).param("token", secret)).andExpect(status().isOk());
        assertThat(desk.statusOf(first.getReference())).isEqualTo("IN_TRIAGE");
        assertThat(desk.statusOf(second.getReference())).isEqualTo("AWAITING_VERIFICATION");
    }

    @Test
    void intakeAnswersAlikeWhetherOrNotTheEmailAlreadyHasRequests() throws Exception {
        String known = DeskDriver.uniqueEmail();
        desk.verifiedRequest("ERASURE", known);

        JsonNode forKnown = submitted(known);
        JsonNode forUnknown = submitted(DeskDriver.uniqueEmail());
        List<String> knownFields = new ArrayList<>();
        forKnown.fieldNames().forEachRemaining(knownFields::add);
        List<String> unknownFields = new ArrayList<>();
        forUnknown.fieldNames().forEachRemaining(unknownFields::add);
        assertThat(knownFields).isEqualTo(unknownFields);
        assertThat(forKnown.get("status")).isEqualTo(forUnknown.get("status"));
    }

    private JsonNode submitted(String email) throws Exception {
        return json.readTree(mvc.perform(post("/api/requests").contentType(MediaType.APPLICATION_JSON).content("""
                        {"type":"ERASURE","fullName":"Ada Lovelace","email":"%s","country":"IT"}""".formatted(email)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }

    private String pageWithoutCsrf(MockHttpServletRequestBuilder request, int expectedStatus) throws Exception {
        String method = request.buildRequest(new org.springframework.mock.web.MockServletContext()).getMethod();
        String page = mvc.perform(request).andExpect(status().is(expectedStatus)).andReturn().getResponse().getContentAsString();
        return method + " " + page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
    }

    /** What a link could change: verifications, downloads, the audit trail. */
    private Traces traces() {
        return new Traces(
                jdbc.queryForObject("select count(*) from verification_token where used_at is not null", Long.class),
                jdbc.queryForObject("select count(*) from download_event", Long.class),
                jdbc.queryForObject("select count(*) from audit_event", Long.class));
    }

    private record Traces(long usedTokens, long downloads, long auditEvents) {
    }
}
