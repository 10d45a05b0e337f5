package dev.dsrdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.support.DeskDriver;
import dev.dsrdesk.support.DeskOverHttp;
import dev.dsrdesk.support.DeskServerTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Another site's page cannot make a signed-in operator's browser change anything through the API: a form or text
 * body, or a foreign Origin, is refused with 403 and nothing changes. Programs (JSON, no Origin) keep working.
 */
@DeskServerTest
class CrossSiteApiTest {

    private static final String EVIL = "https://evil.example";

    @LocalServerPort int port;
    @Autowired DeskDriver desk;
    @Autowired JdbcTemplate jdbc;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void unlinkRefusesAFormPostATextBodyAndAForeignOriginAndChangesNothing() throws Exception {
        String reference = linkedDuplicate();

        HttpResponse<String> form = send(operator("/api/requests/" + reference + "/unlink")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("x=1")));
        HttpResponse<String> text = send(operator("/api/requests/" + reference + "/unlink")
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("x")));
        HttpResponse<String> foreign = send(operator("/api/requests/" + reference + "/unlink")
                .header("Origin", EVIL).POST(HttpRequest.BodyPublishers.noBody()));

        for (HttpResponse<String> refused : java.util.List.of(form, text, foreign)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        }
        assertThat(desk.statusOf(reference)).isEqualTo("LINKED_TO_OPEN_REQUEST");

        assertThat(send(operator("/api/requests/" + reference + "/unlink").header("Origin", "http://localhost:" + port)
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).as("the desk's own page").isEqualTo(204);
        assertThat(desk.statusOf(reference)).isEqualTo("IN_TRIAGE");
    }

    @Test
    void anExtensionIsOnlyTakenAsJsonFromTheDeskOrFromAProgram() throws Exception {
        String reference = desk.acceptedRequest("ACCESS", DeskDriver.uniqueEmail()).getReference();
        String extension = "{\"months\":1,\"reason\":\"Many stores to search\"}";

        HttpResponse<String> form = send(operator("/api/requests/" + reference + "/extension")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("months=1&reason=x")));
        HttpResponse<String> foreign = send(operator("/api/requests/" + reference + "/extension")
                .header("Content-Type", "application/json").header("Origin", EVIL)
                .POST(HttpRequest.BodyPublishers.ofString(extension)));
        HttpResponse<String> nullOrigin = send(operator("/api/requests/" + reference + "/extension")
                .header("Content-Type", "application/json").header("Origin", "null")
                .POST(HttpRequest.BodyPublishers.ofString(extension)));

        assertThat(form.statusCode()).isEqualTo(403);
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(nullOrigin.statusCode()).as("a sandboxed page's origin").isEqualTo(403);
        assertThat(extendedDueDate(reference)).isNull();

        assertThat(send(operator("/api/requests/" + reference + "/extension").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(extension))).statusCode()).as("a program, no Origin").isEqualTo(200);
        assertThat(extendedDueDate(reference)).isNotNull();
    }

    @Test
    void publicIntakeStaysOpenToOtherSitesProgramsButNotToAnOperatorsBrowserFromAnotherSite() throws Exception {
        long stored = storedRequests();
        String body = """
                {"type":"ACCESS","fullName":"Grace Hopper","email":"%s","country":"IT"}""";

        HttpResponse<String> staffFromElsewhere = send(operator("/api/requests").header("Content-Type", "application/json")
                .header("Origin", EVIL).POST(HttpRequest.BodyPublishers.ofString(body.formatted(DeskDriver.uniqueEmail()))));
        assertThat(staffFromElsewhere.statusCode()).isEqualTo(403);
        assertThat(storedRequests()).isEqualTo(stored);

        HttpResponse<String> anonymous = send(request("/api/requests").header("Content-Type", "application/json")
                .header("Origin", "https://partner.example")
                .POST(HttpRequest.BodyPublishers.ofString(body.formatted(DeskDriver.uniqueEmail()))));
        assertThat(anonymous.statusCode()).isEqualTo(201);
        assertThat(storedRequests()).isEqualTo(stored + 1);
    }

    /** A second request for the same right by the same verified requester, linked to the open one. */
    private String linkedDuplicate() {
        String email = DeskDriver.uniqueEmail();
        desk.acceptedRequest("ACCESS", email);
        DataSubjectRequest second = desk.verifiedRequest("ACCESS", email);
        desk.runJobs(second.getReference());
        assertThat(desk.statusOf(second.getReference())).isEqualTo("LINKED_TO_OPEN_REQUEST");
        return second.getReference();
    }

    private HttpRequest.Builder operator(String path) {
        return request(path).header("Authorization", DeskOverHttp.basic("operator"));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Object extendedDueDate(String reference) {
        return jdbc.queryForObject("select extended_due_date from data_subject_request where reference = ?", Object.class, reference);
    }

    private long storedRequests() {
        return jdbc.queryForObject("select count(*) from data_subject_request", Long.class);
    }
}
