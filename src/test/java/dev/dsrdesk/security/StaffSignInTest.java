package dev.dsrdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.support.DeskDriver;
import dev.dsrdesk.support.DeskTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * One sign-in for staff, played against the desk's security: the Camunda webapps' record in the HTTP session signs a
 * person in on the staff pages, and nothing else in a session does. Sessions are built here as an attacker would wish
 * them (another engine's, bare, anonymous, of another type, of a user who does not exist, claiming groups the user
 * is not in); each is refused and changes nothing. The real webapps' sign-in is played over HTTP in HostileUsers.
 */
@DeskTest
class StaffSignInTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Rome"));

    @Autowired MockMvc mvc;
    @Autowired ProcessEngine engine;
    @Autowired IdentityService identity;
    @Autowired DeskDriver desk;
    @Autowired JdbcTemplate jdbc;

    @Test
    void staffSignedInToTheWebappsOpenTheStaffPagesWithoutSigningInAgain() throws Exception {
        MockHttpSession operator = webappSession(signedIn("operator", engine.getName()));

        assertThat(page(operator, "/dashboard").getStatus()).isEqualTo(200);
        MockHttpServletResponse intake = page(operator, "/staff/requests/new");
        assertThat(intake.getStatus()).isEqualTo(200);
        assertThat(intake.getContentAsString()).contains("Enter a request received by post")
                .contains("href=\"/camunda/app/tasklist/\"").contains("href=\"/camunda/app/cockpit/\"");
        assertThat(operator.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY))
                .as("derived at each request, never copied into Spring Security's session").isNull();
    }

    @Test
    void signingOutOfTheWebappsSignsOutOfTheStaffPages() throws Exception {
        Authentications authentications = signedIn("manager", engine.getName());
        MockHttpSession manager = webappSession(authentications);
        assertThat(page(manager, "/dashboard").getStatus()).isEqualTo(200);

        // what the webapps' "Log out" does to the session
        authentications.removeByEngineName(engine.getName());

        assertSentToSignIn(page(manager, "/dashboard"), "/dashboard");
    }

    static Stream<Arguments> forgedSessions() {
        Function<String, Object> nobody = engine -> new Authentications();
        Function<String, Object> otherEngine = engine -> signedIn("operator", "other-engine");
        Function<String, Object> otherEngineUnderThisName = engine -> new Forged(engine, user("operator", "other-engine"));
        Function<String, Object> bare = engine -> new Forged(engine, new Authentication("operator", engine));
        Function<String, Object> anonymous = engine -> new Forged(engine, Authentication.ANONYMOUS);
        Function<String, Object> noUser = engine -> new Forged(engine, user(null, engine));
        Function<String, Object> blankUser = engine -> new Forged(engine, user(" ", engine));
        Function<String, Object> unknownUser = engine -> signedIn("nobody-" + UUID.randomUUID(), engine);
        Function<String, Object> aName = engine -> "operator";
        Function<String, Object> notAnAuthentication = engine -> new Forged(engine, "operator");
        return Stream.of(
                Arguments.of("nobody signed in (the webapps' login page leaves this)", nobody),
                Arguments.of("another engine's sign-in", otherEngine),
                Arguments.of("another engine's sign-in filed under this engine", otherEngineUnderThisName),
                Arguments.of("a bare authentication, not a user's sign-in", bare),
                Arguments.of("the webapps' anonymous authentication", anonymous),
                Arguments.of("a sign-in without a user", noUser),
                Arguments.of("a sign-in of a blank user", blankUser),
                Arguments.of("a sign-in of a user the engine does not know", unknownUser),
                Arguments.of("a user name where the sign-in belongs", aName),
                Arguments.of("a user name filed under this engine", notAnAuthentication));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgedSessions")
    void onlyAUsersSignInToThisEngineCounts(String what, Function<String, Object> forged) throws Exception {
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(WebappSessionAuthentication.CAMUNDA_SESSION_ATTRIBUTE, forged.apply(engine.getName()));
        String email = DeskDriver.uniqueEmail();

        assertSentToSignIn(page(session, "/dashboard"), "/dashboard");
        assertSentToSignIn(page(session, "/staff/requests/new"), "/staff/requests/new");
        MockHttpServletResponse entered = mvc.perform(staffIntake(email).session(session).with(csrf())).andReturn().getResponse();

        assertThat(entered.getStatus()).as("a form sent with that session is refused").isEqualTo(302);
        assertThat(requestsTo(email)).as("and enters nothing").isZero();
    }

    @Test
    void aBrowserWithoutASessionIsSentToTheSignInNotAskedForBasicCredentials() throws Exception {
        assertSentToSignIn(page(null, "/dashboard"), "/dashboard");
        assertSentToSignIn(page(null, "/dashboard/requests.csv"), "/dashboard/requests.csv");
        assertSentToSignIn(page(null, "/staff/requests/DSR-2026-000001/extension"), "/staff/requests/DSR-2026-000001/extension");
    }

    @Test
    void theGroupsAreTheEnginesNotTheSessions() throws Exception {
        DataSubjectRequest request = desk.enteredByStaff("ERASURE", DeskDriver.uniqueEmail(), "POST", TODAY.toString());
        Authentications claimed = new Authentications();
        UserAuthentication rome = user("rome", engine.getName());
        rome.setGroupIds(List.of("dpo", "managers"));
        claimed.addOrReplace(rome);
        MockHttpSession session = webappSession(claimed);
        String email = DeskDriver.uniqueEmail();

        MockHttpServletResponse dashboard = page(session, "/dashboard");
        MockHttpServletResponse extended = mvc.perform(post("/staff/requests/{reference}/extension", request.getReference())
                .session(session).with(csrf()).accept(MediaType.TEXT_HTML)
                .param("months", "2").param("reason", "Claimed by a forged session")).andReturn().getResponse();
        MockHttpServletResponse entered = mvc.perform(staffIntake(email).session(session).with(csrf())).andReturn().getResponse();

        // the page that says so is rendered by the error dispatch, which MockMvc does not make (see HostileUsers)
        assertThat(dashboard.getStatus()).isEqualTo(403);
        assertThat(extended.getStatus()).isEqualTo(403);
        assertThat(entered.getStatus()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select extended_due_date from data_subject_request where reference = ?",
                LocalDate.class, request.getReference())).as("not extended").isNull();
        assertThat(requestsTo(email)).as("nothing entered").isZero();
    }

    @Test
    void aUserMovedOutOfTheGroupOrDeletedLosesThePagesAtTheNextRequest() throws Exception {
        String id = "probe" + UUID.randomUUID().toString().substring(0, 8);
        identity.saveUser(identity.newUser(id));
        identity.createMembership(id, "managers");
        MockHttpSession session = webappSession(signedIn(id, engine.getName()));
        assertThat(page(session, "/dashboard").getStatus()).isEqualTo(200);

        identity.deleteMembership(id, "managers");
        assertThat(page(session, "/dashboard").getStatus()).as("no longer a manager").isEqualTo(403);

        identity.createMembership(id, "managers");
        identity.deleteUser(id);
        assertSentToSignIn(page(session, "/dashboard"), "/dashboard");
    }

    @Test
    void theWebappsSignInNeverOpensTheApi() throws Exception {
        DataSubjectRequest request = desk.enteredByStaff("ERASURE", DeskDriver.uniqueEmail(), "POST", TODAY.toString());
        MockHttpSession operator = webappSession(signedIn("operator", engine.getName()));

        MockHttpServletResponse read = mvc.perform(get("/api/requests/{reference}", request.getReference()).session(operator))
                .andReturn().getResponse();
        MockHttpServletResponse extended = mvc.perform(post("/api/requests/{reference}/extension", request.getReference())
                .session(operator).contentType(MediaType.APPLICATION_JSON)
                .content("{\"months\":1,\"reason\":\"Sent with a session cookie only\"}")).andReturn().getResponse();

        assertThat(read.getStatus()).isEqualTo(401);
        assertThat(read.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(read.getHeader("WWW-Authenticate")).isEqualTo("Basic realm=\"Privacy desk\"");
        assertThat(extended.getStatus()).isEqualTo(401);
        assertThat(jdbc.queryForObject("select extended_due_date from data_subject_request where reference = ?",
                LocalDate.class, request.getReference())).as("not extended").isNull();
    }

    @Test
    void theStaffFormsStillNeedTheirCsrfToken() throws Exception {
        MockHttpSession operator = webappSession(signedIn("operator", engine.getName()));
        String refused = DeskDriver.uniqueEmail();
        String entered = DeskDriver.uniqueEmail();

        assertThat(mvc.perform(staffIntake(refused).session(operator)).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(staffIntake(entered).session(operator).with(csrf())).andReturn().getResponse().getStatus())
                .isEqualTo(200);

        assertThat(requestsTo(refused)).as("without the token nothing is entered").isZero();
        assertThat(requestsTo(entered)).as("with it, signed in through the webapps, the form works").isEqualTo(1);
        assertThat(jdbc.queryForObject("select entered_by from data_subject_request where email = ?", String.class, entered))
                .as("entered by the user the webapps signed in").isEqualTo("operator");
    }

    @Test
    void programsKeepHttpBasicForTheirRequestOnly() throws Exception {
        MockHttpSession browser = new MockHttpSession();
        assertThat(mvc.perform(get("/dashboard").with(httpBasic("manager", "demo")).session(browser).accept(MediaType.TEXT_HTML))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(browser.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY))
                .as("Basic credentials sign in their own request, never the session").isNull();
        assertSentToSignIn(page(browser, "/dashboard"), "/dashboard");
        MockHttpServletResponse anonymous = mvc.perform(get("/api/requests/DSR-2026-000001")).andReturn().getResponse();
        assertThat(anonymous.getStatus()).isEqualTo(401);
        assertThat(anonymous.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(anonymous.getHeader("WWW-Authenticate")).isEqualTo("Basic realm=\"Privacy desk\"");
    }

    private void assertSentToSignIn(MockHttpServletResponse response, String page) {
        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getHeader("Location"))
                .isEqualTo("/camunda/app/welcome/" + engine.getName() + "/?returnTo=" + page.replace("/", "%2F"));
        assertThat(response.getHeader("WWW-Authenticate")).as("no browser prompt").isNull();
    }

    private MockHttpServletResponse page(MockHttpSession session, String path) throws Exception {
        MockHttpServletRequestBuilder request = get(path).accept(MediaType.TEXT_HTML);
        return mvc.perform(session == null ? request : request.session(session)).andReturn().getResponse();
    }

    private static MockHttpServletRequestBuilder staffIntake(String email) {
        return post("/staff/requests").accept(MediaType.TEXT_HTML)
                .param("channel", "POST").param("receivedAt", TODAY.toString())
                .param("type", "ACCESS").param("fullName", "Grace Hopper").param("email", email)
                .param("country", "IT").param("language", "en");
    }

    private long requestsTo(String email) {
        return jdbc.queryForObject("select count(*) from data_subject_request where email = ?", Long.class, email);
    }

    /** A session as the webapps leave it, written with their own code, so their session key is the one tested. */
    private static MockHttpSession webappSession(Authentications authentications) {
        MockHttpSession session = new MockHttpSession();
        AuthenticationUtil.updateSession(session, authentications);
        return session;
    }

    private static Authentications signedIn(String userId, String engineName) {
        Authentications authentications = new Authentications();
        authentications.addOrReplace(user(userId, engineName));
        return authentications;
    }

    private static UserAuthentication user(String userId, String engineName) {
        UserAuthentication user = new UserAuthentication(userId, engineName);
        user.setGroupIds(List.of());
        return user;
    }

    /** Authentications whose entry for an engine is whatever an attacker chose, filed under that engine's name. */
    private static final class Forged extends Authentications {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Forged(String engineName, Object entry) {
            ((java.util.Map) authentications).put(engineName, entry);
        }
    }
}
