package dev.dsrdesk.openapi;

import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The desk's own API as an OpenAPI 3.1 document ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui/index.html}):
 * which paths it covers is set in application.yml ({@code springdoc.*}); each controller states its operations; here
 * live what they share — one problem schema, the answers every staff call can get, and the staff sign-in — so an
 * operation refers to them by name and no controller depends on this package.
 */
@Configuration(proxyBeanMethods = false)
@SecurityScheme(name = OpenApiConfiguration.STAFF, type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "A Camunda user of the desk, with the same user name and password as in Tasklist and Cockpit; "
                + "each operation says which groups may call it.")
class OpenApiConfiguration {

    /** The security scheme of staff calls; operations name it in {@code @SecurityRequirement(name = "staff")}. */
    static final String STAFF = "staff";

    private static final String PROBLEM_JSON = "application/problem+json";

    /** What every staff operation may answer besides its own, by the shared response that describes it. */
    private static final List<Map.Entry<String, String>> STAFF_REFUSALS = List.of(Map.entry("401", "SignInRequired"),
            Map.entry("403", "NotPermitted"), Map.entry("429", "TooManyRequests"));

    @Bean
    OpenAPI deskApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Data-subject request desk")
                        .version(Optional.ofNullable(OpenApiConfiguration.class.getPackage().getImplementationVersion())
                                .orElse("development"))
                        .description("""
                                The desk's own API: requesters (or the group's websites on their behalf) submit GDPR \
                                data-subject requests; privacy staff follow them, extend their period, handle linked \
                                duplicates and read the audit trail; marketing and analytics ask whether a person objected; \
                                processors with an API answer the steps the desk sends them.

                                Not described here: Camunda's engine API under /engine-rest (Camunda documents it) and the \
                                desk's pages for people.

                                The desk's refusals are RFC 9457 problems (application/problem+json); a refused input names \
                                each bad field in `errors`. A refused sign-in or group is answered before the desk's code \
                                runs, in Spring Boot's error format (`ErrorAnswer`)."""))
                // any call may come signed in as staff, and intake takes either; staff calls and the callback say their own
                .security(List.of(new SecurityRequirement(), new SecurityRequirement().addList(STAFF)))
                .tags(List.of(
                        new Tag().name("Requests").description("Submitting a request and following it"),
                        new Tag().name("Staff").description("What privacy operators do with a request"),
                        new Tag().name("Suppression").description("May we contact or track this person?"),
                        new Tag().name("Processors").description("A processor's API answering the step the desk sent it")))
                .components(new Components()
                        .addSchemas("Problem", problem())
                        .addSchemas("FieldProblem", fieldProblem())
                        .addSchemas("ErrorAnswer", errorAnswer())
                        .addResponses("InvalidRequest", invalidRequest())
                        .addResponses("SignInRequired", signInRequired())
                        .addResponses("NotPermitted", notPermitted())
                        .addResponses("NoSuchRequest", problemResponse("No request has this reference.", "Not found", 404,
                                "No request with this reference."))
                        .addResponses("TooManyRequests", tooManyRequests()));
    }

    /**
     * Every staff operation may meet a missing or wrong sign-in, a group without the right, and the login throttle;
     * stating that once here keeps each controller to what is its own.
     */
    @Bean
    OpenApiCustomizer staffAnswers() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            for (PathItem path : openApi.getPaths().values()) {
                for (Operation operation : path.readOperations()) {
                    boolean staff = operation.getSecurity() != null && operation.getSecurity().stream()
                            .anyMatch(requirement -> requirement.containsKey(STAFF));
                    if (!staff) {
                        continue;
                    }
                    ApiResponses responses = operation.getResponses();
                    for (Map.Entry<String, String> shared : STAFF_REFUSALS) {
                        if (!responses.containsKey(shared.getKey())) {
                            responses.addApiResponse(shared.getKey(),
                                    new ApiResponse().$ref("#/components/responses/" + shared.getValue()));
                        }
                    }
                }
            }
        };
    }

    /**
     * Bean Validation's {@code @Pattern} must match the whole value; a JSON Schema pattern may match anywhere in it.
     * Anchored, each pattern says in the document what the desk checks; one beside a list of allowed values says
     * nothing more and goes.
     */
    @Bean
    OpenApiCustomizer wholeValuePatterns() {
        return openApi -> {
            if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
                openApi.getComponents().getSchemas().values().forEach(OpenApiConfiguration::anchorPatterns);
            }
            if (openApi.getPaths() != null) {
                openApi.getPaths().values().stream().flatMap(path -> path.readOperations().stream())
                        .filter(operation -> operation.getParameters() != null)
                        .flatMap(operation -> operation.getParameters().stream())
                        .forEach(parameter -> anchorPatterns(parameter.getSchema()));
            }
        };
    }

    private static void anchorPatterns(Schema<?> schema) {
        if (schema == null) {
            return;
        }
        String pattern = schema.getPattern();
        if (pattern != null && schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            schema.setPattern(null);
        } else if (pattern != null && !pattern.startsWith("^")) {
            schema.setPattern("^(?:" + pattern + ")$");
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(OpenApiConfiguration::anchorPatterns);
        }
        anchorPatterns(schema.getItems());
    }

    /** Spring's ProblemDetail as the desk writes it, with the desk's own additions. */
    private static Schema<?> problem() {
        return new ObjectSchema()
                .description("A refusal, as RFC 9457 problem details.")
                .addProperty("type", new StringSchema().format("uri-reference")
                        .description("What kind of problem: `/problems/invalid-request` for refused fields, else `about:blank`.")
                        .example("/problems/invalid-request"))
                .addProperty("title", new StringSchema().description("The problem in a few words.")
                        .example("The request has invalid fields"))
                .addProperty("status", new IntegerSchema().description("The HTTP status, repeated.").example(400))
                .addProperty("detail", new StringSchema().description("What was wrong, for a person to read.")
                        .example("email must be a valid email address"))
                .addProperty("instance", new StringSchema().format("uri-reference").description("The path that was called."))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldProblem"))
                        .description("On refused input only: each bad field and what is wrong with it, sorted by field."))
                .addProperty("header", new StringSchema().description("On a refused header only: its name.")
                        .example("Idempotency-Key"))
                .required(List.of("title", "status"));
    }

    private static Schema<?> fieldProblem() {
        return new ObjectSchema()
                .description("One refused field.")
                .addProperty("field", new StringSchema().description("The field's name, as sent.").example("email"))
                .addProperty("message", new StringSchema()
                        .description("What is wrong with it, in the requester's language for intake fields.")
                        .example("must be a valid email address"))
                .required(List.of("field", "message"));
    }

    /** What Spring Boot's error page answers a program for refusals made before any of the desk's code runs. */
    private static Schema<?> errorAnswer() {
        return new ObjectSchema()
                .description("A refusal made before any of the desk's own code runs, in Spring Boot's error format: a "
                        + "refused sign-in (401), a group without the right (403), a body the callback does not take (415). "
                        + "It says no more than its status, so a caller learns nothing about the request.")
                .addProperty("timestamp", new StringSchema().format("date-time"))
                .addProperty("status", new IntegerSchema().example(401))
                .addProperty("error", new StringSchema().example("Unauthorized"))
                .addProperty("path", new StringSchema().example("/api/requests/DSR-2026-000042"));
    }

    private static ApiResponse invalidRequest() {
        return new ApiResponse()
                .description("The input is refused and nothing is stored: each bad field is named in `errors`; a body "
                        + "that is not a JSON object, or a missing parameter, is named in `detail` only.")
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/Problem"))
                        .addExamples("invalidFields", new Example().summary("Two bad fields").value(ordered(
                                "type", "/problems/invalid-request",
                                "title", "The request has invalid fields",
                                "status", 400,
                                "detail", "country must be an ISO 3166-1 alpha-2 country code such as IT, BR or US; "
                                        + "email must be a valid email address",
                                "instance", "/api/requests",
                                "errors", List.of(
                                        ordered("field", "country",
                                                "message", "must be an ISO 3166-1 alpha-2 country code such as IT, BR or US"),
                                        ordered("field", "email", "message", "must be a valid email address")))))));
    }

    private static ApiResponse signInRequired() {
        return new ApiResponse()
                .description("No sign-in, or a wrong user name or password. The answer asks for HTTP Basic credentials.")
                .addHeaderObject("WWW-Authenticate", new Header()
                        .description("`Basic realm=\"Privacy desk\"`").schema(new StringSchema()))
                .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/ErrorAnswer"))));
    }

    private static ApiResponse notPermitted() {
        return new ApiResponse()
                .description("Signed in, but the user's groups do not include this call (see each operation for who may); "
                        + "or a call from another site's page, refused by its `Origin` (as problem details).")
                .content(new Content()
                        .addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/ErrorAnswer")))
                        .addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
    }

    private static ApiResponse tooManyRequests() {
        return new ApiResponse()
                .description("Too many calls: wrong passwords from this address or for this user name (at most a minute), "
                        + "or, on public calls, too many from this address or for this email. Try again after `Retry-After`.")
                .addHeaderObject("Retry-After", new Header().description("Seconds to wait.").schema(new IntegerSchema()))
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/Problem"))));
    }

    private static ApiResponse problemResponse(String description, String title, int status, String detail) {
        return new ApiResponse()
                .description(description)
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/Problem"))
                        .example(ordered("type", "about:blank", "title", title, "status", status, "detail", detail))));
    }

    /** An example's fields in the order the desk writes them. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
