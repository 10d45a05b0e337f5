package dev.dsrdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrdesk.DsrDeskApplication;
import dev.dsrdesk.notification.MailTransport;
import dev.dsrdesk.support.DeskOverHttp;
import dev.dsrdesk.support.FreshPostgresDatabase;
import dev.dsrdesk.support.RawHttp;
import dev.dsrdesk.support.RawHttp.Answer;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The desk as production runs it (profile {@code prod} and only what ProductionSafety demands to start, on
 * PostgreSQL), over real HTTP. Loopback 127.0.0.1 plays the trusted TLS proxy (the shipped default); 127.0.0.2 is a
 * client reaching the desk directly.
 */
class ProdProfileOverHttpTest {

    private static final String PROXY = "127.0.0.1";
    private static final String DIRECT = "127.0.0.2";

    private static ConfigurableApplicationContext desk;
    private static int port;

    @BeforeAll
    static void startInProd() {
        // command-line arguments, as an operator would pass them: ProductionSafety sees them before anything starts
        desk = new SpringApplication(DsrDeskApplication.class).run(
                "--spring.profiles.active=prod",
                "--server.port=0",
                "--spring.datasource.url=" + FreshPostgresDatabase.create(),
                "--spring.datasource.username=" + FreshPostgresDatabase.user(),
                "--spring.datasource.password=" + FreshPostgresDatabase.password(),
                "--camunda.bpm.admin-user.password=" + UUID.randomUUID(),
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + DeskOverHttp.freePort(),
                "--dsr.suppression.hash-key=" + UUID.randomUUID(),
                "--camunda.bpm.job-execution.enabled=false",
                "--camunda.bpm.generate-unique-process-engine-name=true",
                "--dsr.rate-limits.intake-per-address=2");
        port = ((ServletWebServerApplicationContext) desk).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        if (desk != null) {
            desk.close();
        }
    }

    @Test
    void aDirectClientsSpoofedForwardedForDoesNotEscapeTheRateLimit() throws Exception {
        RawHttp direct = RawHttp.from(DIRECT, port);
        assertThat(intake(direct).status()).isEqualTo(201);
        assertThat(intake(direct, "X-Forwarded-For: 203.0.113.7").status()).isEqualTo(201);
        long stored = storedRequests();

        Answer spoofed = intake(direct, "X-Forwarded-For: 203.0.113.8");

        assertThat(spoofed.status()).as("still counted as %s", DIRECT).isEqualTo(429);
        assertThat(spoofed.header("Retry-After")).isPresent();
        assertThat(storedRequests()).isEqualTo(stored);
    }

    @Test
    void behindTheTrustedProxyTheLimitCountsTheForwardedClientNotTheProxy() throws Exception {
        RawHttp proxy = RawHttp.from(PROXY, port);
        assertThat(intake(proxy, "X-Forwarded-For: 198.51.100.1").status()).isEqualTo(201);
        assertThat(intake(proxy, "X-Forwarded-For: 198.51.100.1").status()).isEqualTo(201);
        long stored = storedRequests();

        assertThat(intake(proxy, "X-Forwarded-For: 198.51.100.1").status()).isEqualTo(429);
        assertThat(storedRequests()).isEqualTo(stored);
        assertThat(intake(proxy, "X-Forwarded-For: 198.51.100.2").status()).as("another client behind the same proxy")
                .isEqualTo(201);
    }

    @Test
    void theSessionCookieIsSecureAndHstsIsSentWhenTheTrustedProxySaysHttps() throws Exception {
        Answer viaProxy = RawHttp.from(PROXY, port).get("/", "X-Forwarded-Proto: https", "X-Forwarded-For: 198.51.100.9");
        Answer direct = RawHttp.from(DIRECT, port).get("/");

        assertThat(viaProxy.status()).isEqualTo(200);
        assertThat(viaProxy.header("Strict-Transport-Security")).hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age="));
        assertThat(sessionCookie(viaProxy)).contains("Secure");
        assertThat(sessionCookie(direct)).as("Secure even when the request itself came in clear").contains("Secure");
    }

    @Test
    void behindTheTlsProxyABrowserIsSentToTheSignInOverHttps() throws Exception {
        Answer page = RawHttp.from(PROXY, port).get("/dashboard", "Accept: text/html", "X-Forwarded-Proto: https",
                "X-Forwarded-For: 198.51.100.10");

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).hasValueSatisfying(location -> assertThat(location).startsWith("https://")
                .contains("/camunda/app/welcome/").endsWith("/?returnTo=%2Fdashboard"));
        assertThat(page.header("WWW-Authenticate")).isEmpty();
    }

    @Test
    void aDirectClientCannotClaimHttpsToGetHsts() throws Exception {
        Answer claimed = RawHttp.from(DIRECT, port).get("/", "X-Forwarded-Proto: https");

        assertThat(claimed.status()).isEqualTo(200);
        assertThat(claimed.header("Strict-Transport-Security")).as("the request was not https").isEmpty();
    }

    @Test
    void prodHasNoDevMailboxPageOrTransport() throws Exception {
        Answer page = RawHttp.from(DIRECT, port).get("/dev/mailbox");

        assertThat(page.status()).isIn(401, 403, 404);
        assertThat(page.body()).doesNotContain("<html").doesNotContain("@");
        assertThat(Arrays.stream(desk.getBeanDefinitionNames()).map(desk::getType).map(Class::getSimpleName))
                .doesNotContain("DevMailboxTransport", "DevMailboxController");
        assertThat(desk.getBeansOfType(MailTransport.class).values())
                .allSatisfy(transport -> assertThat(transport.getClass().getSimpleName()).startsWith("SmtpTransport"));
    }

    private static Answer intake(RawHttp client, String... headers) throws Exception {
        return client.post("/api/requests", "application/json", """
                {"type":"ACCESS","fullName":"Grace Hopper","email":"%s","country":"IT"}""".formatted(DeskOverHttp.uniqueEmail()),
                headers);
    }

    private static String sessionCookie(Answer answer) {
        return answer.headers("Set-Cookie").stream().filter(cookie -> cookie.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + answer.headers()));
    }

    private static long storedRequests() {
        return desk.getBean(JdbcTemplate.class).queryForObject("select count(*) from data_subject_request", Long.class);
    }
}
