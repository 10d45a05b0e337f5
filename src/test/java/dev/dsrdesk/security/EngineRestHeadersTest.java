package dev.dsrdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrdesk.support.DeskOverHttp;
import dev.dsrdesk.support.DeskServerTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** /engine-rest answers, given or refused, are never sniffed by a browser nor kept by a cache. */
@DeskServerTest
class EngineRestHeadersTest {

    @LocalServerPort int port;

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"operator, 200", "'', 401"})
    void engineRestAnswersCarryNosniffAndNoStore(String user, int status) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/task/count"));
        if (!user.isEmpty()) {
            request.header("Authorization", DeskOverHttp.basic(user));
        }

        HttpResponse<String> answer = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(status);
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
    }
}
