package dev.dsrdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.support.DeskDriver;
import dev.dsrdesk.support.DeskServerTest;
import dev.dsrdesk.support.WebappSession;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may do what, row by row, over real HTTP: the Camunda REST API, the webapps' own APIs and the desk's API,
 * as each role's demo user. Every resource has rows that must be allowed and rows that must be refused, so a
 * rule that is lost (or a path that is mistyped) fails a row. The "Who may do what" table of docs/architecture.md summarises it.
 *
 * <p>Expectations: {@code allowed} 2xx; {@code refused} 401/403, or 404 where the engine hides what the caller
 * may not read; {@code sees N} a count endpoint answering exactly N; {@code sees some} more than zero.
 * Names in braces stand for fixtures: an ACCESS request fanned out to all five entities, and {@code fresh-*} ones made
 * for rows that change what they touch.
 */
@DeskServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    private static final String MATRIX = """
            # who             method  path                                                                   expect
            # -- the engine's REST API: tasks --
            anonymous         GET     /engine-rest/task/count                                                refused
            rome              GET     /engine-rest/task/count?processInstanceBusinessKey={ref}               sees 1
            trento            GET     /engine-rest/task/count?processInstanceBusinessKey={ref}               sees 1
            google-analytics  GET     /engine-rest/task/count?processInstanceBusinessKey={ref}               sees 1
            operator          GET     /engine-rest/task/count?processInstanceBusinessKey={ref}               sees 5
            manager           GET     /engine-rest/task/count?processInstanceBusinessKey={ref}               sees 5
            rome              GET     /engine-rest/task/{rome-task}                                          allowed
            trento            GET     /engine-rest/task/{rome-task}                                          refused
            google-analytics  GET     /engine-rest/task/{rome-task}                                          refused
            operator          GET     /engine-rest/task/{rome-task}                                          allowed
            manager           GET     /engine-rest/task/{rome-task}                                          allowed
            rome              GET     /engine-rest/task/{rome-task}/variables                                allowed
            rome              GET     /engine-rest/task/{trento-task}/variables                              refused
            google-analytics  GET     /engine-rest/task/{trento-task}/variables                              refused
            rome              GET     /engine-rest/task/{rome-task}/form-variables                           allowed
            trento            GET     /engine-rest/task/{rome-task}/form-variables                           refused
            rome              POST    /engine-rest/task/{fresh-rome-task}/claim                              allowed
            trento            POST    /engine-rest/task/{fresh-rome-task}/claim                              refused
            manager           POST    /engine-rest/task/{fresh-rome-task}/claim                              refused
            rome              POST    /engine-rest/task/{fresh-rome-task}/complete                           allowed
            trento            POST    /engine-rest/task/{fresh-rome-task}/complete                           refused
            google-analytics  POST    /engine-rest/task/{fresh-rome-task}/complete                           refused
            manager           POST    /engine-rest/task/{fresh-rome-task}/complete                           refused
            operator          POST    /engine-rest/task/{fresh-rome-task}/complete                           allowed
            anonymous         POST    /engine-rest/task/{fresh-rome-task}/complete                           refused
            rome              PUT     /engine-rest/task/{fresh-rome-task}                                    refused
            operator          PUT     /engine-rest/task/{fresh-rome-task}                                    allowed
            admin             PUT     /engine-rest/task/{fresh-rome-task}                                    allowed
            rome              POST    /engine-rest/task/{fresh-rome-task}/assignee                           refused
            operator          POST    /engine-rest/task/{fresh-rome-task}/assignee                           allowed
            rome              POST    /engine-rest/task/{fresh-rome-task}/identity-links                     refused
            manager           POST    /engine-rest/task/{fresh-rome-task}/identity-links                     refused
            admin             POST    /engine-rest/task/{fresh-rome-task}/identity-links                     allowed
            # -- around a task's form: no other way to end or bend a task, whoever may work it --
            rome              POST    /engine-rest/task/{fresh-rome-task}/bpmnError                          refused
            rome              POST    /engine-rest/task/{fresh-rome-task}/bpmnEscalation                     refused
            google-analytics  POST    /engine-rest/task/{fresh-ga-task}/bpmnError                            refused
            operator          POST    /engine-rest/task/{fresh-rome-task}/bpmnError                          refused
            rome              PUT     /engine-rest/task/{fresh-rome-task}/variables/entityId                 refused
            rome              POST    /engine-rest/task/{fresh-rome-task}/variables                          refused
            rome              DELETE  /engine-rest/task/{fresh-rome-task}/variables/entityId                 refused
            rome              PUT     /engine-rest/task/{fresh-rome-task}/localVariables/outcome             refused
            rome              POST    /engine-rest/task/{fresh-rome-task}/localVariables                     refused
            google-analytics  PUT     /engine-rest/task/{fresh-ga-task}/variables/reference                  refused
            rome              POST    /engine-rest/execution/{fresh-rome-execution}/localVariables           refused
            rome              PUT     /engine-rest/execution/{fresh-rome-execution}/localVariables/entityId  refused
            operator          POST    /engine-rest/execution/{fresh-rome-execution}/localVariables           refused
            operator          PUT     /engine-rest/process-instance/{fresh-pi}/variables/reference           refused
            # -- jobs on demand and profiles: administrators only --
            operator          POST    /engine-rest/job/{cleanup-job}/execute                                 refused
            manager           POST    /engine-rest/job/{cleanup-job}/execute                                 refused
            rome              PUT     /engine-rest/job/{cleanup-job}/duedate                                 refused
            rome              PUT     /engine-rest/job/{cleanup-job}/suspended                               refused
            operator          PUT     /engine-rest/job/{cleanup-job}/retries                                 refused
            rome              PUT     /engine-rest/user/rome/profile                                         refused
            operator          PUT     /engine-rest/user/operator/profile                                     refused
            # -- process instances and their variables --
            rome              GET     /engine-rest/process-instance/{pi}                                     refused
            operator          GET     /engine-rest/process-instance/{pi}                                     allowed
            manager           GET     /engine-rest/process-instance/{pi}                                     allowed
            rome              GET     /engine-rest/process-instance/count?businessKey={ref}                  sees 0
            google-analytics  GET     /engine-rest/process-instance/count?businessKey={ref}                  sees 0
            manager           GET     /engine-rest/process-instance/count?businessKey={ref}                  sees 6
            rome              GET     /engine-rest/process-instance/{pi}/variables                           refused
            manager           GET     /engine-rest/process-instance/{pi}/variables                           allowed
            rome              GET     /engine-rest/variable-instance/count?processInstanceIdIn={pi}          sees 0
            operator          GET     /engine-rest/variable-instance/count?processInstanceIdIn={pi}          sees some
            rome              GET     /engine-rest/execution/count?processInstanceId={pi}                    sees 0
            manager           GET     /engine-rest/execution/count?processInstanceId={pi}                    sees some
            operator          DELETE  /engine-rest/process-instance/{fresh-pi}                               refused
            manager           DELETE  /engine-rest/process-instance/{fresh-pi}                               refused
            rome              DELETE  /engine-rest/process-instance/{fresh-pi}                               refused
            admin             DELETE  /engine-rest/process-instance/{fresh-pi}                               allowed
            manager           PUT     /engine-rest/process-instance/{fresh-pi}/suspended                     refused
            admin             PUT     /engine-rest/process-instance/{fresh-pi}/suspended                     allowed
            rome              POST    /engine-rest/process-definition/key/data-subject-request/start         refused
            operator          POST    /engine-rest/process-definition/key/data-subject-request/start         refused
            # -- history --
            rome              GET     /engine-rest/history/process-instance/count?processInstanceId={pi}     sees 0
            manager           GET     /engine-rest/history/process-instance/count?processInstanceId={pi}     sees 1
            operator          GET     /engine-rest/history/process-instance/count?processInstanceId={pi}     sees 1
            # a request's processes record no variable in history (docs/adr/0009): not even a manager sees one
            rome              GET     /engine-rest/history/variable-instance/count?processInstanceId={pi}    sees 0
            trento            GET     /engine-rest/history/variable-instance/count?processInstanceId={pi}    sees 0
            manager           GET     /engine-rest/history/variable-instance/count?processInstanceId={pi}    sees 0
            # a process whose variables do reach history: staff read them, entities do not
            rome              GET     /engine-rest/history/variable-instance/count?processInstanceId={probe-pi} sees 0
            trento            GET     /engine-rest/history/variable-instance/count?processInstanceId={probe-pi} sees 0
            manager           GET     /engine-rest/history/variable-instance/count?processInstanceId={probe-pi} sees some
            operator          GET     /engine-rest/history/variable-instance/count?processInstanceId={probe-pi} sees some
            rome              GET     /engine-rest/history/task/count?processInstanceBusinessKey={ref}       sees 0
            manager           GET     /engine-rest/history/task/count?processInstanceBusinessKey={ref}       sees some
            rome              GET     /engine-rest/history/activity-instance/count?processInstanceId={pi}    sees 0
            manager           GET     /engine-rest/history/activity-instance/count?processInstanceId={pi}    sees some
            # -- deployments, definitions, decisions --
            rome              GET     /engine-rest/deployment/count                                          sees 0
            manager           GET     /engine-rest/deployment/count                                          sees some
            operator          GET     /engine-rest/deployment/count                                          sees some
            rome              POST    /engine-rest/deployment/create                                         refused
            operator          POST    /engine-rest/deployment/create                                         refused
            manager           POST    /engine-rest/deployment/create                                         refused
            admin             POST    /engine-rest/deployment/create                                         allowed
            rome              GET     /engine-rest/process-definition/count                                  sees 0
            manager           GET     /engine-rest/process-definition/count                                  sees some
            rome              GET     /engine-rest/decision-definition/count                                 sees 0
            operator          GET     /engine-rest/decision-definition/count                                 sees some
            # -- identity and authorizations: nobody but the admin grants anything --
            rome              POST    /engine-rest/authorization/create                                      refused
            operator          POST    /engine-rest/authorization/create                                      refused
            manager           POST    /engine-rest/authorization/create                                      refused
            admin             POST    /engine-rest/authorization/create                                      allowed
            rome              POST    /engine-rest/user/create                                               refused
            operator          POST    /engine-rest/user/create                                               refused
            admin             POST    /engine-rest/user/create                                               allowed
            rome              PUT     /engine-rest/group/dpo/members/rome                                    refused
            operator          PUT     /engine-rest/group/dpo/members/rome                                    refused
            manager           PUT     /engine-rest/group/managers/members/rome                               refused
            operator          PUT     /engine-rest/group/managers/members/{fresh-user}                       refused
            admin             PUT     /engine-rest/group/managers/members/{fresh-user}                       allowed
            rome              GET     /engine-rest/authorization/count                                       sees 0
            admin             GET     /engine-rest/authorization/count                                       sees some
            # -- the webapps: who may sign in where --
            rome              LOGIN   tasklist                                                               allowed
            google-analytics  LOGIN   tasklist                                                               allowed
            operator          LOGIN   tasklist                                                               allowed
            manager           LOGIN   tasklist                                                               refused
            admin             LOGIN   tasklist                                                               allowed
            rome              LOGIN   cockpit                                                                refused
            google-analytics  LOGIN   cockpit                                                                refused
            operator          LOGIN   cockpit                                                                allowed
            manager           LOGIN   cockpit                                                                allowed
            rome              LOGIN   admin                                                                  refused
            operator          LOGIN   admin                                                                  refused
            manager           LOGIN   admin                                                                  refused
            admin             LOGIN   admin                                                                  allowed
            # -- the webapps' own API, signed in to Tasklist --
            rome              TASKLIST GET /task/{rome-task}/form-variables                                  allowed
            rome              TASKLIST GET /task/{trento-task}/form-variables                                refused
            rome              TASKLIST GET /process-instance/{pi}/variables                                  refused
            rome              TASKLIST GET /history/variable-instance/count?processInstanceId={pi}           sees 0
            rome              TASKLIST GET /history/variable-instance/count?processInstanceId={probe-pi}     sees 0
            operator          TASKLIST GET /history/variable-instance/count?processInstanceId={probe-pi}     sees some
            operator          TASKLIST GET /process-instance/{pi}/variables                                  allowed
            rome              TASKLIST POST /task/{fresh-trento-task}/submit-form                            refused
            trento            TASKLIST POST /task/{fresh-trento-task}/submit-form                            allowed
            # -- the desk's own API and pages --
            anonymous         GET     /                                                                      allowed
            anonymous         POST    /api/requests                                                          allowed
            anonymous         GET     /api/requests/{ref}                                                    refused
            rome              GET     /api/requests/{ref}                                                    refused
            google-analytics  GET     /api/requests/{ref}                                                    refused
            admin             GET     /api/requests/{ref}                                                    refused
            operator          GET     /api/requests/{ref}                                                    allowed
            manager           GET     /api/requests/{ref}                                                    allowed
            manager           GET     /api/requests/{ref}/audit                                              refused
            rome              GET     /api/requests/{ref}/audit                                              refused
            operator          GET     /api/requests/{ref}/audit                                              allowed
            operator          GET     /api/requests/{ref}/audit.csv                                          allowed
            manager           GET     /api/requests/{ref}/audit.csv                                          refused
            rome              POST    /api/requests/{fresh-ref}/extension                                    refused
            manager           POST    /api/requests/{fresh-ref}/extension                                    refused
            operator          POST    /api/requests/{fresh-ref}/extension                                    allowed
            manager           POST    /api/requests/{ref}/unlink                                             refused
            anonymous         GET     /dashboard                                                             refused
            rome              GET     /dashboard                                                             refused
            manager           GET     /dashboard                                                             allowed
            operator          GET     /dashboard                                                             allowed
            manager           GET     /dashboard/requests.csv                                                allowed
            trento            GET     /dashboard/requests.csv                                                refused
            anonymous         GET     /reports                                                               refused
            rome              GET     /reports?year=2026                                                     refused
            manager           GET     /reports                                                               allowed
            operator          GET     /reports?year=2026                                                     allowed
            manager           GET     /reports/report.csv                                                    allowed
            pleasant-hill     GET     /reports/report.csv                                                    refused
            anonymous         GET     /reports/report.csv?year=2026                                          refused
            rome              GET     /actuator/prometheus                                                   refused
            manager           GET     /actuator/prometheus                                                   allowed
            anonymous         GET     /actuator/prometheus                                                   refused
            rome              GET     /staff/requests/new                                                    refused
            manager           GET     /staff/requests/new                                                    refused
            operator          GET     /staff/requests/new                                                    allowed
            operator          GET     /staff/requests/{ref}/documents                                        allowed
            manager           GET     /staff/requests/{ref}/documents                                        refused
            rome              GET     /staff/requests/{ref}/documents                                        refused
            anonymous         GET     /staff/requests/{ref}/documents                                        refused
            anonymous         GET     /api/suppressions?email=someone@example.org                            refused
            rome              GET     /api/suppressions?email=someone@example.org                            refused
            operator          GET     /api/suppressions?email=someone@example.org                            allowed
            # -- the API's description: staff only --
            anonymous         GET     /v3/api-docs                                                           refused
            rome              GET     /v3/api-docs                                                           refused
            google-analytics  GET     /swagger-ui/index.html                                                 refused
            manager           GET     /v3/api-docs                                                           allowed
            operator          GET     /swagger-ui/index.html                                                 allowed
            admin             GET     /v3/api-docs                                                           allowed
            """;

    private static final Pattern FIXTURE = Pattern.compile("\\{([a-z-]+)}");
    private static final Map<String, String> BODIES = Map.ofEntries(
            Map.entry("/complete", "{\"variables\":{\"outcome\":{\"value\":\"NO_DATA\"}}}"),
            Map.entry("/submit-form", "{\"variables\":{\"outcome\":{\"value\":\"NO_DATA\"}}}"),
            Map.entry("/claim", "{\"userId\":\"rome\"}"),
            Map.entry("/assignee", "{\"userId\":\"operator\"}"),
            Map.entry("/identity-links", "{\"groupId\":\"affiliate-rome\",\"type\":\"candidate\"}"),
            Map.entry("/suspended", "{\"suspended\":true}"),
            Map.entry("/extension", "{\"months\":1,\"reason\":\"Five entities hold records in archives that need a manual search\"}"),
            Map.entry("/start", "{\"businessKey\":\"DSR-FORGED-1\"}"),
            Map.entry("/bpmnError", "{\"errorCode\":\"NO_DATA\"}"),
            Map.entry("/duedate", "{\"duedate\":\"2001-01-01T00:00:00.000+0000\"}"),
            Map.entry("/retries", "{\"retries\":0}"),
            Map.entry("/bpmnEscalation", "{\"escalationCode\":\"DONE\"}"),
            Map.entry("/localVariables", "{\"modifications\":{\"outcome\":{\"value\":\"DONE\"}}}"));

    @LocalServerPort int port;
    @Autowired DeskDriver driver;
    @Autowired IdentityService identity;
    @Autowired org.camunda.bpm.engine.HistoryService history;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;

    private final Map<String, String> fixtures = new HashMap<>();
    private Deployment probe;

    @BeforeAll
    void fanOutOneAccessRequest() {
        DataSubjectRequest request = driver.acceptedRequest("ACCESS", DeskDriver.uniqueEmail());
        driver.runJobs(request.getReference());
        fixtures.put("ref", request.getReference());
        fixtures.put("pi", driver.processOf(request.getReference()).getId());
        fixtures.put("rome-task", entityTask(request, "rome").getId());
        fixtures.put("trento-task", entityTask(request, "trento").getId());
        fixtures.put("cleanup-job", history.findHistoryCleanupJobs().isEmpty() ? history.cleanUpHistoryAsync(false).getId()
                : history.findHistoryCleanupJobs().get(0).getId());
        probe = repository.createDeployment().addModelInstance("history-probe.bpmn",
                Bpmn.createExecutableProcess("history-probe").camundaHistoryTimeToLive(1).startEvent().endEvent().done())
                .deploy();
        fixtures.put("probe-pi", runtime.startProcessInstanceByKey("history-probe", Map.of("purgedRequests", 1)).getId());
    }

    @AfterAll
    void removeProbe() {
        repository.deleteDeployment(probe.getId(), true);
    }

    static Stream<Row> matrix() {
        return MATRIX.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).map(Row::parse);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void enforces(Row row) throws Exception {
        HttpResponse<String> response = switch (row.method()) {
            case "LOGIN" -> loginAnswer(row);
            case "TASKLIST" -> throughTasklist(row);
            default -> send(row.who(), row.method(), resolve(row.path()));
        };
        row.expectation().check(row, response, json);
    }

    private HttpResponse<String> loginAnswer(Row row) {
        WebappSession session = WebappSession.login(port, row.path(), row.who(), password(row.who()));
        return new StatusOnly(session.loginStatus(), session.loginBody());
    }

    private HttpResponse<String> throughTasklist(Row row) {
        String[] methodAndPath = row.path().split(" ", 2);
        WebappSession session = WebappSession.login(port, "tasklist", row.who(), password(row.who()));
        assertThat(session.loginStatus()).as("%s signs in to Tasklist", row.who()).isEqualTo(200);
        String path = resolve(methodAndPath[1]);
        return "GET".equals(methodAndPath[0]) ? session.get(path) : session.post(path, bodyFor(path));
    }

    private HttpResponse<String> send(String who, String method, String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (!"anonymous".equals(who)) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((who + ":" + password(who)).getBytes(StandardCharsets.UTF_8)));
        }
        if (path.endsWith("/deployment/create")) {
            String boundary = "matrix" + UUID.randomUUID().toString().replace("-", "");
            request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .method(method, HttpRequest.BodyPublishers.ofString(deployment(boundary)));
        } else if (path.equals("/api/requests")) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(
                    "{\"type\":\"ACCESS\",\"fullName\":\"Matrix Probe\",\"email\":\"" + DeskDriver.uniqueEmail() + "\",\"country\":\"IT\"}"));
        } else if ("GET".equals(method) || "DELETE".equals(method)) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(bodyFor(path)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String bodyFor(String path) {
        String probe = "probe" + UUID.randomUUID().toString().substring(0, 8);
        if (path.endsWith("/authorization/create")) {
            return "{\"type\":1,\"permissions\":[\"READ\"],\"groupId\":\"" + probe + "\",\"resourceType\":5,\"resourceId\":\"" + probe + "\"}";
        }
        if (path.endsWith("/user/create")) {
            return "{\"profile\":{\"id\":\"" + probe + "\",\"firstName\":\"Probe\",\"lastName\":\"User\"},\"credentials\":{\"password\":\"" + probe + "\"}}";
        }
        if (path.endsWith("/profile")) {
            String user = path.replaceAll(".*/user/([^/]+)/profile$", "$1");
            return "{\"id\":\"" + user + "\",\"firstName\":\"Probe\",\"lastName\":\"Probe\",\"email\":\"attacker@evil.example\"}";
        }
        if (path.matches(".*/(variables|localVariables)/[A-Za-z]+$")) {
            return "{\"value\":\"trento\",\"type\":\"String\"}";
        }
        if (path.matches(".*/task/[^/]+/variables$")) {
            return "{\"modifications\":{\"entityId\":{\"value\":\"trento\"}}}";
        }
        if (path.endsWith("/variables") || path.contains("/members/") || path.matches(".*/task/[^/]+$")) {
            return "{\"name\":\"renamed by probe\"}";
        }
        return BODIES.entrySet().stream().filter(body -> path.endsWith(body.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse("{}");
    }

    private static String deployment(String boundary) {
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                             targetNamespace="probe">
                  <process id="matrix-probe" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <startEvent id="StartEvent_Probed"/>
                  </process>
                </definitions>
                """;
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nmatrix-probe\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"probe.bpmn\"; filename=\"probe.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
    }

    /** Puts the fixtures in; {@code fresh-*} ones are made anew for each row, as the row will change them. */
    private String resolve(String path) {
        Matcher matcher = FIXTURE.matcher(path);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = name.startsWith("fresh-") ? fresh(name.substring("fresh-".length())) : fixtures.get(name);
            assertThat(value).as("fixture {%s}", name).isNotNull();
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }

    private String fresh(String what) {
        if (what.equals("user")) {
            return newUser();
        }
        DataSubjectRequest request = driver.acceptedRequest("ACCESS", DeskDriver.uniqueEmail());
        driver.runJobs(request.getReference());
        return switch (what) {
            case "ref" -> request.getReference();
            case "pi" -> driver.processOf(request.getReference()).getId();
            case "rome-task" -> entityTask(request, "rome").getId();
            case "trento-task" -> entityTask(request, "trento").getId();
            case "ga-task" -> entityTask(request, "google-analytics").getId();
            case "rome-execution" -> entityTask(request, "rome").getExecutionId();
            default -> throw new IllegalArgumentException("no fixture fresh-" + what);
        };
    }

    private String newUser() {
        String id = "probe" + UUID.randomUUID().toString().substring(0, 8);
        identity.saveUser(identity.newUser(id));
        return id;
    }

    private Task entityTask(DataSubjectRequest request, String entity) {
        return driver.entityTasks(request.getReference()).stream()
                .filter(task -> DeskDriver.entityOf(task).equals(entity)).findFirst().orElseThrow();
    }

    private static String password(String who) {
        return "admin".equals(who) ? "admin" : "demo";
    }

    record Row(String who, String method, String path, Expectation expectation) {

        static Row parse(String line) {
            String[] cells = line.split("\\s+");
            // a Tasklist row names the webapp API's own method before its path
            boolean throughTasklist = "TASKLIST".equals(cells[1]);
            String path = throughTasklist ? cells[2] + " " + cells[3] : cells[2];
            int expectStart = throughTasklist ? 4 : 3;
            String expect = String.join(" ", List.of(cells).subList(expectStart, cells.length));
            return new Row(cells[0], cells[1], path, Expectation.parse(expect));
        }

        @Override
        public String toString() {
            return who + " " + method + " " + path + " → " + expectation;
        }
    }

    record Expectation(String kind, int count) {

        static Expectation parse(String text) {
            if (text.startsWith("sees ")) {
                String n = text.substring("sees ".length());
                return "some".equals(n) ? new Expectation("sees some", -1) : new Expectation("sees", Integer.parseInt(n));
            }
            if (!text.equals("allowed") && !text.equals("refused")) {
                throw new IllegalArgumentException("unknown expectation " + text);
            }
            return new Expectation(text, 0);
        }

        void check(Row row, HttpResponse<String> response, ObjectMapper json) throws IOException {
            int status = response.statusCode();
            String because = row + " answered " + status + ": " + abbreviated(response.body());
            switch (kind) {
                case "allowed" -> assertThat(status).as(because).isBetween(200, 299);
                case "refused" -> {
                    assertThat(status).as(because).isIn("anonymous".equals(row.who()) ? List.of(401) : List.of(403, 404));
                    assertThat(response.headers().firstValue("X-XSRF-TOKEN")).as("%s: refused by the rules, not for a missing CSRF token", row)
                            .isNotEqualTo(java.util.Optional.of("Required"));
                }
                default -> {
                    assertThat(status).as(because).isEqualTo(200);
                    JsonNode answer = json.readTree(response.body());
                    int seen = answer.isArray() ? answer.size() : answer.get("count").asInt();
                    if (count < 0) {
                        assertThat(seen).as(because).isPositive();
                    } else {
                        assertThat(seen).as(because).isEqualTo(count);
                    }
                }
            }
        }

        private static String abbreviated(String body) {
            return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
        }

        @Override
        public String toString() {
            return count > 0 || "sees".equals(kind) ? kind + " " + count : kind;
        }
    }

    /** A login's answer, kept as a response so rows check it like any other. */
    private record StatusOnly(int statusCode, String body) implements HttpResponse<String> {
        @Override public HttpRequest request() { return null; }
        @Override public java.util.Optional<HttpResponse<String>> previousResponse() { return java.util.Optional.empty(); }
        @Override public java.net.http.HttpHeaders headers() { return java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true); }
        @Override public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return java.util.Optional.empty(); }
        @Override public URI uri() { return null; }
        @Override public HttpClient.Version version() { return HttpClient.Version.HTTP_1_1; }
    }
}
