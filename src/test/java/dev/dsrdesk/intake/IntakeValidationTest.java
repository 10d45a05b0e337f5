package dev.dsrdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsrdesk.support.DeskDriver;
import dev.dsrdesk.support.DeskTest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@DeskTest
class IntakeValidationTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired RuntimeService runtime;

    private Counts before;

    @BeforeEach
    void countWhatExists() {
        before = counts();
    }

    static Stream<Arguments> badFields() {
        return Stream.of(
                Arguments.of("type", null, "is required"),
                Arguments.of("type", "DELETE_EVERYTHING", "must be one of ACCESS"),
                Arguments.of("fullName", null, "is required"),
                Arguments.of("fullName", "   ", "is required"),
                Arguments.of("fullName", "x".repeat(201), "at most 200"),
                Arguments.of("fullName", "Ada\r\nBcc: victim@example.org", "single line"),
                Arguments.of("email", null, "is required"),
                Arguments.of("email", "not-an-email", "valid email"),
                Arguments.of("email", "ada@localhost", "valid email"),
                Arguments.of("email", "a".repeat(250) + "@example.org", "at most 254"),
                Arguments.of("email", "ada@example.org\nBcc: x@example.org", "valid email"),
                Arguments.of("phone", "call me", "phone number"),
                Arguments.of("country", null, "is required"),
                Arguments.of("country", "XX", "ISO 3166-1"),
                Arguments.of("country", "it", "ISO 3166-1"),
                Arguments.of("country", "ITA", "ISO 3166-1"),
                Arguments.of("region", "California", "ISO 3166-2"),
                Arguments.of("region", "BR-SP", "subdivision of the country"),
                Arguments.of("details", "x".repeat(4001), "at most 4000"),
                Arguments.of("language", "klingon", "must be one of en, it, pt-BR"));
    }

    @Test
    void aCorrectionMustSayWhatIsWrongAndWhatIsRight() throws Exception {
        Map<String, Object> body = bodyWith("details", null);
        body.put("type", "RECTIFICATION");
        mvc.perform(post("/api/requests").contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("details"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("what is wrong and what is right")));
        assertThat(counts()).isEqualTo(before);
    }

    /** The public form takes the language from the browser, so it has no language field to get wrong. */
    static Stream<Arguments> badFormFields() {
        return badFields().filter(arguments -> !arguments.get()[0].equals("language"));
    }

    @ParameterizedTest(name = "API: {0} = {1} is refused")
    @MethodSource("badFields")
    void apiRefusesABadFieldNamingItAndChangesNothing(String field, String value, String message) throws Exception {
        Map<String, Object> body = bodyWith(field, value);

        mvc.perform(post("/api/requests").contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.everyItem(Matchers.equalTo(field))))
                .andExpect(jsonPath("$.errors[*].message").value(Matchers.hasItem(Matchers.containsString(message))));

        assertThat(counts()).isEqualTo(before);
    }

    @ParameterizedTest(name = "form: {0} = {1} is refused")
    @MethodSource("badFormFields")
    void formRefusesABadFieldShowingTheMessageAndChangesNothing(String field, String value, String message) throws Exception {
        Map<String, Object> body = bodyWith(field, value);

        mvc.perform(form(body).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("id=\"" + field + "-error\"")))
                .andExpect(content().string(Matchers.containsString(message)));

        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void apiRefusesABodyThatIsNotJson() throws Exception {
        mvc.perform(post("/api/requests").contentType(MediaType.APPLICATION_JSON).content("{\"type\": "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() throws Exception {
        // intake takes a permission document: up to 5 MB in base64 and the rest of the request, not a byte more
        mvc.perform(post("/api/requests").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"details\":\"" + "x".repeat(7 * 1024 * 1024) + "\"}"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedAsUnsupported() throws Exception {
        mvc.perform(post("/api/requests").contentType(MediaType.TEXT_PLAIN).content("type=ACCESS"))
                .andExpect(status().isUnsupportedMediaType());
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void scriptInAFieldIsStoredAsTextAndNeverRunsOnThePage() throws Exception {
        Map<String, Object> body = bodyWith("fullName", "<script>alert('x')</script>");
        body.put("email", "");
        mvc.perform(form(body).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.not(Matchers.containsString("<script>alert"))))
                .andExpect(content().string(Matchers.containsString("&lt;script&gt;alert")));
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void apiAcceptsAValidRequestWithReferenceAndLocation() throws Exception {
        mvc.perform(post("/api/requests").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(validBody())))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", Matchers.matchesPattern("/api/requests/DSR-\\d{4}-\\d{6}")))
                .andExpect(jsonPath("$.reference").value(Matchers.matchesPattern("DSR-\\d{4}-\\d{6}")))
                .andExpect(jsonPath("$.status").value("AWAITING_VERIFICATION"));

        assertThat(counts().requests()).isEqualTo(before.requests() + 1);
        assertThat(counts().processes()).isEqualTo(before.processes() + 1);
    }

    @Test
    void referencesAreUnique() throws Exception {
        String first = json.readTree(mvc.perform(post("/api/requests").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(validBody()))).andReturn().getResponse().getContentAsString()).get("reference").asText();
        String second = json.readTree(mvc.perform(post("/api/requests").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(validBody()))).andReturn().getResponse().getContentAsString()).get("reference").asText();
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void publicPageOffersEverySevenRightsInPlainLanguage() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("name=\"_csrf\"")))
                .andExpect(content().string(Matchers.stringContainsInOrder(
                        "value=\"ACCESS\"", "Get a copy of the personal data",
                        "value=\"RECTIFICATION\"", "value=\"ERASURE\"", "value=\"RESTRICTION\"",
                        "value=\"PORTABILITY\"", "value=\"OBJECTION\"", "value=\"WITHDRAW_CONSENT\"")));
    }

    @Test
    void formWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(form(validBody())).andExpect(status().isForbidden());
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void validFormSubmissionShowsTheReference() throws Exception {
        mvc.perform(form(validBody()).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/submitted/DSR-*"));
        assertThat(counts().requests()).isEqualTo(before.requests() + 1);
    }

    @Test
    void theSameFormSentAgainIsTheSameRequestWithItsOwnAddress() throws Exception {
        String page = mvc.perform(get("/")).andReturn().getResponse().getContentAsString();
        String token = page.replaceAll("(?s).*name=\"formToken\" value=\"([0-9a-f-]{36})\".*", "$1");
        assertThat(token).hasSize(36);
        Map<String, Object> body = validBody();
        body.put("email", DeskDriver.uniqueEmail());
        body.put("formToken", token);

        String first = mvc.perform(form(body).with(csrf())).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        String again = mvc.perform(form(body).with(csrf())).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();

        assertThat(again).as("back, then send: the same request").isEqualTo(first);
        assertThat(counts().requests()).isEqualTo(before.requests() + 1);
        assertThat(counts().processes()).isEqualTo(before.processes() + 1);
        String confirmation = mvc.perform(get(first)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(confirmation).as("a reload shows the reference, and nothing personal")
                .contains(first.substring("/submitted/".length())).doesNotContain((String) body.get("email"))
                .doesNotContain("Grace Hopper");

        body.put("type", "ERASURE");
        String changed = mvc.perform(form(body).with(csrf())).andReturn().getResponse().getRedirectedUrl();
        assertThat(changed).as("changed after going back: a request of its own").isNotEqualTo(first);
        assertThat(counts().requests()).isEqualTo(before.requests() + 2);
    }

    @Test
    void theSameContentSentAgainFromAReloadedPageOfTheSameBrowserIsTheSameRequest() throws Exception {
        org.springframework.mock.web.MockHttpSession browser = new org.springframework.mock.web.MockHttpSession();
        Map<String, Object> body = validBody();
        body.put("email", DeskDriver.uniqueEmail());
        body.put("formToken", java.util.UUID.randomUUID().toString());
        String first = mvc.perform(form(body).session(browser).with(csrf())).andReturn().getResponse().getRedirectedUrl();

        // going back reloaded the page: what was typed is restored, the hidden form token is a fresh one
        body.put("formToken", java.util.UUID.randomUUID().toString());
        String again = mvc.perform(form(body).session(browser).with(csrf())).andReturn().getResponse().getRedirectedUrl();

        assertThat(again).isEqualTo(first);
        assertThat(counts().requests()).isEqualTo(before.requests() + 1);
    }

    @Test
    void aNameTooLongIsToldNotCutSilently() throws Exception {
        String page = mvc.perform(get("/")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Up to 200 characters.").contains("Up to 4,000 characters.");
        assertThat(page.replaceAll("(?s).*(<input[^>]*id=\"fullName\"[^>]*>).*", "$1")).doesNotContain("maxlength");

        mvc.perform(form(bodyWith("fullName", "A".repeat(201))).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("must be at most 200 characters")));
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aConfirmationAddressOfNoReferenceShapeIsNotFound() throws Exception {
        mvc.perform(get("/submitted/hello")).andExpect(status().isNotFound());
        mvc.perform(get("/submitted/DSR-2026-00000A")).andExpect(status().isNotFound());
    }

    /** A valid body with one field changed; a bad country comes without a region, which would be flagged too. */
    private static Map<String, Object> bodyWith(String field, String value) {
        Map<String, Object> body = validBody();
        if (field.equals("country")) {
            body.remove("region");
        }
        body.put(field, value);
        return body;
    }

    private static Map<String, Object> validBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "ACCESS");
        body.put("fullName", "Grace Hopper");
        body.put("email", "grace@example.org");
        body.put("phone", "+1 925 555 0100");
        body.put("country", "US");
        body.put("region", "US-CA");
        body.put("details", "I used your chatbot in 2023.");
        body.put("language", "en");
        return body;
    }

    private static MockHttpServletRequestBuilder form(Map<String, Object> body) {
        MockHttpServletRequestBuilder request = post("/requests").contentType(MediaType.APPLICATION_FORM_URLENCODED);
        body.forEach((name, value) -> {
            if (value != null) {
                request.param(name, value.toString());
            }
        });
        return request;
    }

    private Counts counts() {
        return new Counts(
                jdbc.queryForObject("select count(*) from data_subject_request", Long.class),
                runtime.createProcessInstanceQuery().processDefinitionKey("data-subject-request").count(),
                jdbc.queryForObject("select count(*) from dev_mail", Long.class));
    }

    record Counts(long requests, long processes, long mails) {
    }
}
