package dev.dsrdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrdesk.support.DeskOverHttp;
import dev.dsrdesk.support.DeskServerTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a visitor's browser meets off the beaten path: a mistyped address gets the desk's own page in the visitor's
 * language, never a sign-in prompt; a staff page sends a browser to Camunda's sign-in and asks programs for HTTP
 * Basic credentials; a signed-in user without the right is told so in words.
 */
@DeskServerTest
class PublicVisitorsTest {

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/privacy", "/wp-login.php", "/requests/DSR-2026-000001", "/verify/", "/index.html"})
    void aMistypedAddressGetsTheDesksOwnPageNotASignInPrompt(String path) throws Exception {
        HttpResponse<String> answer = get(path, "en");

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(answer.body()).contains("This page does not exist").contains("Make a privacy request")
                .doesNotContain("Whitelabel");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"it | Questa pagina non esiste", "pt-BR | Esta página não existe"})
    void thePageSpeaksTheVisitorsLanguage(String language, String title) throws Exception {
        assertThat(get("/privacy", language).body()).contains(title);
    }

    @Test
    void robotsAndTheFaviconExist() throws Exception {
        HttpResponse<String> robots = get("/robots.txt", "en");
        assertThat(robots.statusCode()).isEqualTo(200);
        assertThat(robots.body()).contains("User-agent: *").contains("Disallow: /");
        HttpResponse<byte[]> favicon = http.send(HttpRequest.newBuilder(uri("/favicon.ico")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(favicon.statusCode()).isEqualTo(200);
        assertThat(favicon.body()).as("an icon file").startsWith(0, 0, 1, 0);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/dashboard", "/dashboard/requests.csv", "/staff/requests/new", "/staff/requests/DSR-2026-000001/preview"})
    void aBrowserOpeningAStaffPageIsSentToCamundasSignInNeverABasicPrompt(String path) throws Exception {
        HttpResponse<String> answer = get(path, "en");

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).as("no browser prompt").isEmpty();
        assertThat(answer.headers().firstValue("Location")).hasValue("http://localhost:" + port
                + "/camunda/app/welcome/" + engine.getName() + "/?returnTo=" + URLEncoder.encode(path, StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/requests/DSR-2026-000001", "/actuator/prometheus", "/dashboard", "/staff/requests/new",
            "/v3/api-docs", "/swagger-ui/index.html"})
    void programsAreAskedForBasicCredentials(String path) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "*/*").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/swagger-ui/index.html", "/v3/api-docs"})
    void theApiDescriptionAsksABrowserForBasicCredentialsThatTryItOutCanSend(String path) throws Exception {
        HttpResponse<String> answer = get(path, "en");

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Privacy desk\"");
    }

    @Test
    void theApiAsksForCredentialsWithAProblemEvenFromABrowser() throws Exception {
        HttpResponse<String> answer = get("/api/requests/DSR-2026-000001", "en");

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Privacy desk\"");
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("\"status\":401").contains("HTTP Basic");
    }

    @Test
    void aBrowserWhoseCredentialsFailedIsToldHowStaffSignIn() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri("/dashboard")).header("Accept", "text/html")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("manager:wrong".getBytes()))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("Sign-in needed").contains("/camunda/app/welcome/").doesNotContain("Whitelabel");
    }

    @Test
    void aProgramWithBasicCredentialsStillOpensTheStaffPages() throws Exception {
        for (String path : List.of("/dashboard", "/dashboard/requests.csv", "/api/suppressions?email=someone@example.org")) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri(path))
                    .header("Accept", path.startsWith("/api/") ? "application/json" : "text/html")
                    .header("Authorization", DeskOverHttp.basic("manager")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void wrongCredentialsAreRefusedAsSuchEverywhere() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri("/privacy"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("operator:wrong".getBytes()))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(401);
    }

    @Test
    void aSignedInUserWithoutTheRightIsToldSoInWords() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri("/dashboard"))
                .header("Authorization", DeskOverHttp.basic("rome")).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("You may not open this page").contains("your role does not include this page")
                .doesNotContain("Whitelabel");
    }

    private HttpResponse<String> get(String path, String language) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").header("Accept-Language", language)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
