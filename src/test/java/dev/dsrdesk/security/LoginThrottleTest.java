package dev.dsrdesk.security;

import static dev.dsrdesk.support.RawHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrdesk.reminder.StaffDigests;
import dev.dsrdesk.support.DeskDriver;
import dev.dsrdesk.support.RawHttp;
import dev.dsrdesk.support.RawHttp.Answer;
import dev.dsrdesk.support.ReconfiguredDeskTest;
import dev.dsrdesk.support.WebappSession;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wrong passwords slow their sender down (per client address, per user name) on every way in, and nobody can lock
 * a user out for good: the right password works again as soon as the window ends. Each client is its own loopback
 * address, so the tests do not count against each other. The limits are those of {@link ReconfiguredDeskTest}: four
 * wrong passwords per address, three per user, in a window of three seconds.
 */
@ReconfiguredDeskTest
class LoginThrottleTest {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired IdentityService identity;
    @Autowired StaffDigests digests;
    @Autowired DeskDriver desk;

    @Test
    void wrongPasswordsForOneUserAreSlowedDownFromAnyAddressAndTheRightPasswordWorksAgainAfterTheWindow() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(client("127.0.0.11").get("/engine-rest/task/count", auth("trento", "guess-" + i)).status()).isEqualTo(401);
        }

        Answer throttled = client("127.0.0.12").get("/engine-rest/task/count", auth("trento", "demo"));

        assertThat(throttled.status()).as("refused before the password is checked, from a second address too").isEqualTo(429);
        assertThat(throttled.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        long retryAfter = Long.parseLong(throttled.header("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 3L);
        assertThat(attempts("trento")).as("the refused try never reached the engine").isEqualTo(3);
        assertNotLocked("trento");

        Thread.sleep(retryAfter * 1000 + 300);
        assertThat(client("127.0.0.12").get("/engine-rest/task/count", auth("trento", "demo")).status()).isEqualTo(200);
        assertThat(attempts("trento")).isZero();
    }

    @Test
    void aPageThatIgnoresTheHeaderCannotWipeTheCountOfWrongPasswords() throws Exception {
        String named = java.util.Base64.getEncoder().encodeToString("reviewer:x".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (int i = 0; i < 2; i++) {
            assertThat(client("127.0.0.61").get("/engine-rest/task/count", auth("reviewer", "guess-" + i)).status()).isEqualTo(401);
        }
        // the public page answers 200 whatever a header of another scheme says
        assertThat(client("127.0.0.62").get("/", "Authorization: Bearer" + named).status()).isEqualTo(200);
        assertThat(client("127.0.0.63").get("/engine-rest/task/count", auth("reviewer", "guess-2")).status()).isEqualTo(401);

        assertThat(client("127.0.0.64").get("/engine-rest/task/count", auth("reviewer", "demo")).status())
                .as("three wrong passwords were counted, the 200 in between wiped nothing").isEqualTo(429);
    }

    @Test
    void credentialsSpelledOddlyCountLikeAnyOthers() throws Exception {
        String encoded = java.util.Base64.getEncoder().encodeToString("sao-paulo:guess".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        // Spring takes whatever follows "Basic" and one more character; Camunda decodes skipping non-base64 characters
        List<String> spellings = List.of("Authorization: BasicX" + encoded, "Authorization: Basic *" + encoded,
                "Authorization: basic " + encoded);
        int address = 31;
        for (String spelling : spellings) {
            for (String path : List.of("/dashboard", "/engine-rest/task/count")) {
                client("127.0.0." + address++).get(path, spelling);
            }
        }

        Answer throttled = client("127.0.0.39").get("/engine-rest/task/count", auth("sao-paulo", "demo"));

        assertThat(throttled.status()).as("six oddly spelled wrong passwords count against the user").isEqualTo(429);
        assertNotLocked("sao-paulo");
    }

    @Test
    void wrongPasswordsFromOneAddressAreSlowedDownForEveryUserNameNotLockedOut() throws Exception {
        for (int i = 0; i < 4; i++) {
            assertThat(client("127.0.0.21").get("/dashboard", auth("nobody" + i, "guess")).status()).isEqualTo(401);
        }
        int operatorAttempts = attempts("operator");

        Answer throttled = client("127.0.0.21").get("/dashboard", auth("operator", "demo"));

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isPresent();
        assertThat(attempts("operator")).isEqualTo(operatorAttempts);
        assertThat(client("127.0.0.22").get("/dashboard", auth("operator", "demo")).status())
                .as("the same user from another address is not held up").isEqualTo(200);
    }

    @Test
    void theWebappLoginFormIsSlowedDownTooAndWorksAgainAfterTheWindow() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(webappLogin("127.0.0.31", "sao-paulo", "guess-" + i).status()).isEqualTo(401);
        }

        Answer throttled = webappLogin("127.0.0.31", "sao-paulo", "demo");

        assertThat(throttled.status()).isEqualTo(429);
        long retryAfter = Long.parseLong(throttled.header("Retry-After").orElseThrow());
        assertThat(attempts("sao-paulo")).isEqualTo(3);
        assertNotLocked("sao-paulo");
        Thread.sleep(retryAfter * 1000 + 300);
        assertThat(WebappSession.login(port, "tasklist", "sao-paulo", "demo").loginStatus()).isEqualTo(200);
    }

    @Test
    void theEngineItselfNeverLocksAUserForGood() throws Exception {
        // more wrong passwords than Camunda's default ten, straight at the engine as a cluster's other nodes would
        for (int i = 0; i < 12; i++) {
            assertThat(identity.checkPassword("pleasant-hill", "guess-" + i)).isFalse();
        }
        assertNotLocked("pleasant-hill");

        assertThat(client("127.0.0.51").get("/engine-rest/task/count", auth("pleasant-hill", "demo")).status()).isEqualTo(200);
        assertThat(attempts("pleasant-hill")).isZero();
    }

    @Test
    void burstsOfFailedSignInsAreCountedAndToldToManagersInTheirDigest() throws Exception {
        // more tries than the limits need: the test's window is three seconds, and one that rolls over during a burst
        // on a slow machine must still leave a window with a burst in it
        for (int i = 0; i < 7; i++) {
            client("127.0.0.41").get("/engine-rest/task/count", auth("rome", "secret-guess-" + i));
        }
        for (int i = 0; i < 10; i++) {
            client("127.0.0.43").get("/api/requests/DSR-1/audit", auth("phish.example/login", "guess"));
        }

        String metrics = client("127.0.0.42").get("/actuator/prometheus", auth("manager", "demo")).body();
        assertThat(counter(metrics, "wrong_credentials")).isGreaterThanOrEqualTo(6);
        assertThat(counter(metrics, "throttled")).isGreaterThanOrEqualTo(3);

        List<String> notices = jdbc.queryForList(
                "select text from staff_notice where kind = 'FAILED_SIGN_INS' and user_id = 'manager' and sent_at is null",
                String.class);
        assertThat(notices).anySatisfy(text -> assertThat(text).contains("user rome").contains("127.0.0.41"));
        assertThat(notices).anySatisfy(text -> assertThat(text).contains("127.0.0.43").contains("no user of the desk"));
        assertThat(String.join("\n", notices)).doesNotContain("secret-guess").doesNotContain("phish");

        digests.sendAll();
        desk.deliverStaffMail();
        String digest = jdbc.queryForList("select body from dev_mail where recipient = ? order by id desc", String.class,
                "manager@staff.interactivemedia.example").get(0);
        assertThat(digest).contains("[failed sign-ins]").contains("user rome").doesNotContain("secret-guess");
    }

    private RawHttp client(String address) {
        return RawHttp.from(address, port);
    }

    private static String auth(String user, String password) {
        return "Authorization: " + basic(user, password);
    }

    /** As the browser app signs in: the login page's session and XSRF cookies first, the token echoed in a header. */
    private Answer webappLogin(String address, String user, String password) throws Exception {
        Answer page = client(address).get("/camunda/app/tasklist/default/");
        List<String> cookies = page.headers("Set-Cookie").stream().map(cookie -> cookie.split(";", 2)[0]).toList();
        String xsrf = cookies.stream().filter(cookie -> cookie.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow()
                .substring("XSRF-TOKEN=".length());
        return client(address).post("/camunda/api/admin/auth/user/default/login/tasklist", "application/x-www-form-urlencoded",
                "username=" + user + "&password=" + password, "Cookie: " + String.join("; ", cookies), "X-XSRF-TOKEN: " + xsrf);
    }

    private int attempts(String user) {
        return jdbc.queryForObject("select coalesce(ATTEMPTS_, 0) from ACT_ID_USER where ID_ = ?", Integer.class, user);
    }

    private void assertNotLocked(String user) {
        Map<String, Object> row = jdbc.queryForMap("select ATTEMPTS_, LOCK_EXP_TIME_ from ACT_ID_USER where ID_ = ?", user);
        Timestamp lockedUntil = (Timestamp) row.get("LOCK_EXP_TIME_");
        assertThat(lockedUntil == null || !lockedUntil.toInstant().isAfter(Instant.now()))
                .as("%s locked until %s", user, lockedUntil).isTrue();
        assertThat(((Number) row.get("ATTEMPTS_")).intValue()).isLessThan(Integer.MAX_VALUE);
    }

    private static double counter(String metrics, String outcome) {
        Matcher matcher = Pattern.compile("(?m)^dsr_login_failures_total\\{[^}]*outcome=\"" + outcome + "\"[^}]*} (\\S+)$").matcher(metrics);
        assertThat(matcher.find()).as("dsr_login_failures_total for %s in\n%s", outcome, metrics).isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
