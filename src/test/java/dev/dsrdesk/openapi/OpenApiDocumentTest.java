package dev.dsrdesk.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsrdesk.support.DeskTest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The API document against the running desk: every endpoint Spring MVC routes under /api and to the connector
 * callback is described, with the refusals it can give, and nothing else of the desk is. Which endpoints exist and
 * which are for staff is read from the desk itself (its handler mappings, and what it answers a caller who is not
 * signed in), never from a list here, so a new endpoint without its description fails.
 */
@DeskTest
class OpenApiDocumentTest {

    /** The desk's own API: the paths the document describes. */
    private static final List<String> DESCRIBED = List.of("/api/", "/connector-callback/");

    @Autowired MockMvc mvc;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    private final ObjectMapper json = new ObjectMapper();
    private JsonNode document;

    @BeforeEach
    void readTheDocument() throws Exception {
        MvcResult answer = mvc.perform(get("/v3/api-docs").with(httpBasic("operator", "demo"))).andReturn();
        assertThat(answer.getResponse().getStatus()).as("an operator reads the document").isEqualTo(200);
        document = json.readTree(answer.getResponse().getContentAsString());
    }

    @Test
    void itIsAnOpenApi31DocumentOfTheDesk() {
        assertThat(document.path("openapi").asText()).startsWith("3.1");
        assertThat(document.at("/info/title").asText()).isNotBlank();
        assertThat(document.at("/components/securitySchemes/staff/scheme").asText()).isEqualTo("basic");
        assertThat(document.at("/components/securitySchemes/processorSignature/in").asText()).isEqualTo("header");
        assertThat(document.at("/components/securitySchemes/processorSignature/name").asText()).isEqualTo("X-DSR-Signature");
    }

    @Test
    void everyEndpointOfTheApiIsDescribedInBusinessWords() throws Exception {
        List<Endpoint> endpoints = endpoints(true);
        assertThat(endpoints).as("the desk's API as Spring MVC routes it").extracting(Endpoint::toString)
                .contains("POST /api/requests", "GET /api/requests/{reference}");
        assertThat(endpoints).extracting(Endpoint::path).anyMatch(path -> path.startsWith("/connector-callback/"));

        for (Endpoint endpoint : endpoints) {
            JsonNode operation = document.path("paths").path(endpoint.path()).path(endpoint.method().toLowerCase());
            assertThat(operation.isObject()).as("%s is in the document", endpoint).isTrue();
            assertThat(operation.path("summary").asText()).as("%s has a summary", endpoint).isNotBlank();
            assertThat(operation.path("description").asText()).as("%s has a description", endpoint).hasSizeGreaterThan(40);
            assertThat(operation.path("operationId").asText()).as("%s has a name of its own", endpoint)
                    .isNotEqualTo(endpoint.handler().getMethod().getName());
            assertThat(codes(operation)).as("%s states its success", endpoint).anyMatch(code -> code.startsWith("2"));
        }
    }

    @Test
    void everyEndpointThatTakesInputDescribesItsRefusalAsAProblem() {
        List<Endpoint> takingInput = endpoints(true).stream().filter(Endpoint::takesInput).toList();
        assertThat(takingInput).as("some endpoints take a body or parameters").isNotEmpty();

        for (Endpoint endpoint : takingInput) {
            JsonNode refusal = response(operation(endpoint), "400");
            assertThat(refusal.isObject()).as("%s describes its 400", endpoint).isTrue();
            assertThat(refusal.at("/content/application~1problem+json/schema/$ref").asText())
                    .as("%s refuses input as the desk's problem", endpoint).isEqualTo("#/components/schemas/Problem");
        }
        assertThat(document.at("/components/schemas/Problem/properties/errors/items/$ref").asText())
                .as("the problem names each bad field").isEqualTo("#/components/schemas/FieldProblem");
    }

    @Test
    void everyStaffEndpointNeedsTheStaffSignInAndSaysHowItRefuses() throws Exception {
        List<Endpoint> staff = new ArrayList<>();
        for (Endpoint endpoint : endpoints(true)) {
            int anonymous = mvc.perform(request(HttpMethod.valueOf(endpoint.method()), endpoint.example())
                    .accept(MediaType.APPLICATION_JSON)).andReturn().getResponse().getStatus();
            JsonNode operation = operation(endpoint);
            boolean needsStaff = StreamSupport.stream(operation.path("security").spliterator(), false)
                    .anyMatch(requirement -> requirement.has("staff"));
            assertThat(needsStaff).as("%s answers %d to a caller not signed in; the document must say whether staff sign in",
                    endpoint, anonymous).isEqualTo(anonymous == 401);
            if (needsStaff) {
                staff.add(endpoint);
                assertThat(codes(operation)).as("%s says how it refuses a sign-in and a group", endpoint)
                        .contains("401", "403");
            }
        }
        assertThat(staff).as("the staff endpoints, found by asking the desk").extracting(Endpoint::toString)
                .contains("GET /api/requests/{reference}").hasSizeGreaterThan(3);
        assertThat(document.at("/paths/~1api~1requests/post/security").isMissingNode())
                .as("intake is public: it takes the document's default, anonymous or staff").isTrue();
        assertThat(document.path("security").toString()).isEqualTo("[{},{\"staff\":[]}]");
    }

    @Test
    void theConnectorCallbackIsAuthenticatedByItsSignature() {
        Endpoint callback = endpoints(true).stream().filter(endpoint -> endpoint.path().startsWith("/connector-callback/"))
                .findFirst().orElseThrow();
        JsonNode operation = operation(callback);

        assertThat(operation.path("security").toString()).isEqualTo("[{\"processorSignature\":[]}]");
        assertThat(codes(operation)).contains("204", "400", "401", "409", "410");
        assertThat(operation.at("/requestBody/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/ProcessorAnswer");
    }

    @Test
    void theWebhookAProcessorImplementsIsDescribed() {
        JsonNode webhook = document.at("/webhooks/entityStep/post");

        assertThat(webhook.path("summary").asText()).isNotBlank();
        assertThat(webhook.path("security").toString()).isEqualTo("[{\"processorSignature\":[]}]");
        assertThat(webhook.at("/requestBody/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/ProcessorStep");
        assertThat(codes(webhook)).contains("200", "202");
        assertThat(fieldNames(document.at("/components/schemas/ProcessorStep/properties")))
                .as("the contract of docs/handling-requests.md")
                .containsExactlyInAnyOrder("reference", "action", "subject", "identifiers", "callbackUrl", "answerBy");
        assertThat(fieldNames(document.at("/components/schemas/ProcessorAnswer/properties")))
                .containsExactlyInAnyOrder("status", "records", "actionTaken", "notes");
        assertThat(fieldNames(document.at("/components/schemas/ProcessorRecord/properties")))
                .containsExactlyInAnyOrder("category", "field", "value", "source");
    }

    @Test
    void nothingButTheApiIsDescribed() {
        Set<String> described = fieldNames(document.path("paths"));
        assertThat(described).as("only the desk's API").allMatch(path -> DESCRIBED.stream().anyMatch(path::startsWith));
        assertThat(described).noneMatch(path -> path.startsWith("/engine-rest") || path.startsWith("/camunda")
                || path.startsWith("/actuator") || path.startsWith("/error"));
        List<String> pages = endpoints(false).stream().map(Endpoint::path).distinct().toList();
        assertThat(pages).as("the desk's pages, as Spring MVC routes them").contains("/", "/verify", "/dashboard");
        assertThat(described).as("no page of the desk").doesNotContainAnyElementsOf(pages);
    }

    @Test
    void requiredFieldsAndLimitsAreStated() {
        JsonNode submission = document.at("/components/schemas/RequestSubmission");
        assertThat(fieldNames(submission.path("properties"))).contains("type", "fullName", "email", "phone", "country",
                "region", "details", "language", "channel", "receivedAt");
        assertThat(submission.path("required").toString()).contains("\"type\"", "\"fullName\"", "\"email\"", "\"country\"");
        assertThat(submission.at("/properties/fullName/maxLength").asInt()).isEqualTo(200);
        assertThat(submission.at("/properties/details/maxLength").asInt()).isEqualTo(4000);
        assertThat(submission.at("/properties/fullName/pattern").asText())
                .as("a whole-value pattern that reads the same in JavaScript").isEqualTo("^(?:[^\\x00-\\x1F\\x7F]*)$");
        assertThat(submission.at("/properties/type/enum").size()).isEqualTo(7);
        assertThat(submission.at("/properties/type/pattern").isMissingNode()).isTrue();
        assertThat(submission.at("/properties/agent/$ref").asText()).endsWith("/AgentSubmission");
        JsonNode agent = document.at("/components/schemas/AgentSubmission");
        assertThat(fieldNames(agent.path("properties"))).containsExactlyInAnyOrder("name", "email", "organisation", "permission");
        assertThat(agent.at("/properties/name/maxLength").asInt()).isEqualTo(200);
        assertThat(agent.at("/properties/email/maxLength").asInt()).isEqualTo(254);
        assertThat(agent.path("description").asText()).contains("§ 7063").contains("status mail only");
        JsonNode permission = document.at("/components/schemas/PermissionDocument");
        assertThat(fieldNames(permission.path("properties"))).containsExactlyInAnyOrder("fileName", "content");
        assertThat(permission.at("/properties/content/format").asText()).isEqualTo("byte");
        assertThat(permission.at("/properties/content/description").asText()).contains("base64").contains("5 MB");
        JsonNode extension = document.at("/components/schemas/ExtensionRequest");
        assertThat(extension.at("/properties/months/maximum").asInt()).isEqualTo(2);
        assertThat(extension.at("/properties/reason/maxLength").asInt()).isEqualTo(2000);
    }

    @ParameterizedTest(name = "{0} → {2} {1}")
    @CsvSource({
            "operator, /swagger-ui/index.html, 200",
            "manager,  /swagger-ui/index.html, 200",
            "admin,    /swagger-ui/index.html, 200",
            "rome,     /swagger-ui/index.html, 403",
            ",         /swagger-ui/index.html, 401",
            "operator, /v3/api-docs/swagger-config, 200",
            "rome,     /v3/api-docs, 403",
            ",         /v3/api-docs, 401",
            ",         /v3/api-docs.yaml, 401",
            "google-analytics, /v3/api-docs, 403"})
    void swaggerUiAndTheDocumentAreForStaffOnly(String user, String path, int expected) throws Exception {
        var call = get(path).accept(MediaType.TEXT_HTML, MediaType.APPLICATION_JSON);
        if (user != null) {
            call.with(httpBasic(user, "admin".equals(user) ? "admin" : "demo"));
        }
        MvcResult answer = mvc.perform(call).andReturn();

        assertThat(answer.getResponse().getStatus()).isEqualTo(expected);
        if (expected == 200 && path.startsWith("/swagger-ui")) {
            assertThat(answer.getResponse().getContentAsString()).contains("swagger-ui");
        }
    }

    @Test
    void swaggerUiTriesOutReadsOnlyAndReadsOnlyTheDesksDocument() throws Exception {
        JsonNode config = json.readTree(mvc.perform(get("/v3/api-docs/swagger-config").with(httpBasic("operator", "demo")))
                .andReturn().getResponse().getContentAsString());

        assertThat(config.path("supportedSubmitMethods").toString()).isEqualTo("[\"get\"]");
        assertThat(config.path("url").asText()).isEqualTo("/v3/api-docs");
        assertThat(config.path("queryConfigEnabled").asBoolean(false)).isFalse();
    }

    /** The desk's own routes: the described API ({@code api}) or everything else (its pages). */
    private List<Endpoint> endpoints(boolean api) {
        List<Endpoint> endpoints = new ArrayList<>();
        mappings.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("dev.dsrdesk")) {
                return;
            }
            for (String path : info.getPatternValues()) {
                if (DESCRIBED.stream().anyMatch(path::startsWith) != api) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    endpoints.add(new Endpoint(method.name(), path, handler));
                }
            }
        });
        return endpoints;
    }

    private JsonNode operation(Endpoint endpoint) {
        return document.path("paths").path(endpoint.path()).path(endpoint.method().toLowerCase());
    }

    /** A response of an operation, its reference to a shared one followed. */
    private JsonNode response(JsonNode operation, String code) {
        JsonNode response = operation.path("responses").path(code);
        String ref = response.path("$ref").asText();
        return ref.isEmpty() ? response : document.at(ref.substring(1));
    }

    private static Set<String> codes(JsonNode operation) {
        return fieldNames(operation.path("responses"));
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    record Endpoint(String method, String path, HandlerMethod handler) {

        /** Takes a body or request parameters, so it can refuse them. */
        boolean takesInput() {
            return java.util.Arrays.stream(handler.getMethodParameters())
                    .anyMatch(parameter -> parameter.hasParameterAnnotation(RequestBody.class)
                            || parameter.hasParameterAnnotation(RequestParam.class));
        }

        /** The path with a value for each variable, as a caller would send it. */
        String example() {
            return path.replaceAll("\\{[^}]+}", "DSR-2026-000001");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }
}
