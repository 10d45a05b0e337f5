package dev.dsrdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsrdesk.support.AgentRequests;
import dev.dsrdesk.support.DeskDriver;
import dev.dsrdesk.support.DeskTest;
import dev.dsrdesk.support.SampleFiles;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * A request made on the data subject's behalf, field by field: every agent field is checked, the permission is
 * required and checked as a document (type by content, name matching it, size); a refusal names the field (the API's
 * problem, the form's message) and stores nothing: no request, no agent, no document, no process, no mail.
 */
@DeskTest
class AgentIntakeValidationTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired RuntimeService runtime;

    /** Stands for the data subject's own address, in capitals. */
    private static final String SUBJECTS_EMAIL = "(the data subject's)";

    private Counts before;

    @BeforeEach
    void countWhatExists() {
        before = counts();
    }

    static Stream<Arguments> badAgentFields() {
        return Stream.of(
                Arguments.of("agent.name", "name", null, "is required"),
                Arguments.of("agent.name", "name", "x".repeat(201), "at most 200"),
                Arguments.of("agent.name", "name", "Paolo\r\nBcc: victim@example.org", "single line"),
                Arguments.of("agent.email", "email", null, "is required"),
                Arguments.of("agent.email", "email", "not-an-email", "valid email"),
                Arguments.of("agent.email", "email", "a".repeat(250) + "@example.org", "at most 254"),
                Arguments.of("agent.email", "email", SUBJECTS_EMAIL, "not the email of the person you act for"),
                Arguments.of("agent.organisation", "organisation", "x".repeat(201), "at most 200"),
                Arguments.of("agent.organisation", "organisation", "Agents\nInc.", "single line"));
    }

    @ParameterizedTest(name = "API: {0} = {2} is refused")
    @MethodSource("badAgentFields")
    void apiRefusesABadAgentFieldNamingItAndStoresNothing(String field, String key, String value, String message) throws Exception {
        Map<String, Object> body = agentRequest();
        AgentRequests.agentOf(body).put(key, SUBJECTS_EMAIL.equals(value) ? body.get("email").toString().toUpperCase() : value);

        refusedNaming(body, field, message);

        assertThat(counts()).isEqualTo(before);
    }

    @ParameterizedTest(name = "form: {0} = {2} is refused")
    @MethodSource("badAgentFields")
    void formRefusesABadAgentFieldShowingTheMessageAndStoresNothing(String field, String key, String value, String message)
            throws Exception {
        Map<String, String> fields = formFields();
        if (value == null) {
            fields.remove(field);
        } else {
            fields.put(field, SUBJECTS_EMAIL.equals(value) ? fields.get("email").toUpperCase() : value);
        }

        mvc.perform(form(fields, permissionFile("permission.pdf", SampleFiles.pdf())).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("id=\"" + field + "-error\"")))
                .andExpect(content().string(Matchers.containsString(message)))
                .andExpect(content().string(Matchers.containsString("<details class=\"agent\" open")));

        assertThat(counts()).isEqualTo(before);
    }

    static Stream<Arguments> badPermissions() {
        return Stream.of(
                Arguments.of("a page named .pdf", "permission.pdf", SampleFiles.html(), "must be a PDF, PNG or JPEG file"),
                Arguments.of("a PNG named .pdf", "permission.pdf", SampleFiles.png(), "must have a name that ends as its type does"),
                Arguments.of("over 5 MB", "permission.pdf", SampleFiles.pdf(5 * 1024 * 1024 + 1), "must be at most 5 MB"),
                Arguments.of("empty", "permission.pdf", new byte[0], "is empty"));
    }

    @ParameterizedTest(name = "API: a permission {0} is refused")
    @MethodSource("badPermissions")
    void apiRefusesAPermissionTheDeskDoesNotTakeAndStoresNothing(String what, String name, byte[] file, String message)
            throws Exception {
        Map<String, Object> body = agentRequest();
        AgentRequests.agentOf(body).put("permission", Map.of("fileName", name, "content", SampleFiles.base64(file)));

        refusedNaming(body, "agent.permission", message);

        assertThat(counts()).isEqualTo(before);
    }

    @ParameterizedTest(name = "form: a permission {0} is refused")
    @MethodSource("badPermissions")
    void formRefusesAPermissionTheDeskDoesNotTakeAndStoresNothing(String what, String name, byte[] file, String message)
            throws Exception {
        mvc.perform(form(formFields(), permissionFile(name, file)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("id=\"agent.permission-error\"")))
                .andExpect(content().string(Matchers.containsString(message)));

        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aRequestInTheNameOfAnAgentNeedsThePermission() throws Exception {
        Map<String, Object> body = agentRequest();
        AgentRequests.agentOf(body).remove("permission");
        refusedNaming(body, "agent.permission", "is required");

        mvc.perform(form(formFields(), null).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("id=\"agent.permission-error\"")));
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aPermissionThatIsNotBase64IsRefusedNamingIt() throws Exception {
        Map<String, Object> body = agentRequest();
        AgentRequests.agentOf(body).put("permission", Map.of("fileName", "permission.pdf", "content", "%PDF-not*base64!"));

        refusedNaming(body, "agent.permission", "base64");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void theRefusalsSpeakTheRequestersLanguage() throws Exception {
        Map<String, Object> body = agentRequest();
        body.put("language", "it");
        AgentRequests.agentOf(body).put("permission", Map.of("fileName", "permission.pdf", "content", SampleFiles.base64(SampleFiles.png())));

        mvc.perform(post("/api/requests").contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "it")
                        .content(json.writeValueAsString(body)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.startsWith("deve avere un nome che termina come il suo tipo")));
    }

    @Test
    void staffDoNotEnterARequestInTheNameOfAnAgent() throws Exception {
        Map<String, Object> body = agentRequest();
        body.put("channel", "POST");
        body.put("receivedAt", "2026-01-05");

        mvc.perform(post("/api/requests").with(httpBasic("operator", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("agent"));
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void emptyAgentFieldsOnTheFormMeanTheDataSubjectAsksThemselves() throws Exception {
        Map<String, String> fields = formFields();
        fields.put("agent.name", " ");
        fields.put("agent.email", "");
        fields.put("agent.organisation", "");

        mvc.perform(form(fields, permissionFile("", new byte[0])).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/submitted/DSR-*"));

        assertThat(counts().requests()).isEqualTo(before.requests() + 1);
        assertThat(counts().agents()).isEqualTo(before.agents());
        assertThat(counts().documents()).isEqualTo(before.documents());
    }

    @Test
    void aCompleteRequestInTheNameOfAnAgentStoresTheAgentAndThePermission() throws Exception {
        mvc.perform(form(formFields(), permissionFile("C:\\fakepath\\signed permission.pdf", SampleFiles.pdf())).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/submitted/DSR-*"));

        assertThat(counts().requests()).isEqualTo(before.requests() + 1);
        assertThat(counts().agents()).isEqualTo(before.agents() + 1);
        assertThat(counts().documents()).isEqualTo(before.documents() + 1);
        assertThat(jdbc.queryForObject("select file_name from requester_document order by id desc limit 1", String.class))
                .isEqualTo("signed permission.pdf");
        assertThat(jdbc.queryForObject("select purpose from requester_document order by id desc limit 1", String.class))
                .isEqualTo("AGENT_PERMISSION");
    }

    @Test
    void thePublicPageOffersToActForSomeoneElseWithoutGettingInTheWay() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("enctype=\"multipart/form-data\"")))
                .andExpect(content().string(Matchers.containsString("<details class=\"agent\">")))
                .andExpect(content().string(Matchers.containsString("type=\"file\" id=\"agent.permission\" name=\"agent.permission\"")))
                .andExpect(content().string(Matchers.containsString("A PDF, PNG or JPEG file of at most 5 MB")));
    }

    private static Map<String, Object> agentRequest() {
        return AgentRequests.json("ACCESS", "ada@example.org", "paolo@agents.example", "Paolo Bianchi", "Privacy Agents Inc.");
    }

    /** POST /api/requests answers 400, a problem naming only this field, with this message among its own. */
    private void refusedNaming(Map<String, Object> body, String field, String message) throws Exception {
        mvc.perform(post("/api/requests").contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.everyItem(Matchers.equalTo(field))))
                .andExpect(jsonPath("$.errors[*].message").value(Matchers.hasItem(Matchers.containsString(message))));
    }

    private static Map<String, String> formFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("type", "ACCESS");
        fields.put("fullName", "Ada Lovelace");
        fields.put("email", DeskDriver.uniqueEmail());
        fields.put("country", "US");
        fields.put("region", "US-CA");
        fields.put("agent.name", "Paolo Bianchi");
        fields.put("agent.email", "paolo@agents.example");
        fields.put("agent.organisation", "Privacy Agents Inc.");
        return fields;
    }

    private static MockMultipartFile permissionFile(String name, byte[] content) {
        return new MockMultipartFile("agent.permission", name, "application/octet-stream", content);
    }

    private static MockMultipartHttpServletRequestBuilder form(Map<String, String> fields, MockMultipartFile file) {
        MockMultipartHttpServletRequestBuilder request = multipart("/requests");
        if (file != null) {
            request.file(file);
        }
        fields.forEach(request::param);
        return request;
    }

    private Counts counts() {
        return new Counts(
                jdbc.queryForObject("select count(*) from data_subject_request", Long.class),
                jdbc.queryForObject("select count(*) from authorized_agent", Long.class),
                jdbc.queryForObject("select count(*) from requester_document", Long.class),
                runtime.createProcessInstanceQuery().processDefinitionKey("data-subject-request").count(),
                jdbc.queryForObject("select count(*) from dev_mail", Long.class));
    }

    record Counts(long requests, long agents, long documents, long processes, long mails) {
    }
}
