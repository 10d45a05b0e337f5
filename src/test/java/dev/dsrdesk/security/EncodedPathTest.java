package dev.dsrdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrdesk.support.DeskDriver;
import dev.dsrdesk.support.RawHttp;
import dev.dsrdesk.support.RawHttp.Answer;
import dev.dsrdesk.support.ReconfiguredDeskTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The public endpoints answer only to their plain path: every encoded or ambiguous spelling of it is refused with
 * 400 before a controller runs, so no request is stored and no limit that compares paths is walked around.
 * Sent over a raw socket: java.net.URI would normalise some of these spellings away.
 */
@ReconfiguredDeskTest
class EncodedPathTest {

    private static final String INTAKE_JSON = """
            {"type":"ACCESS","fullName":"Grace Hopper","email":"%s","country":"IT"}""";
    private static final AtomicInteger CLIENTS = new AtomicInteger(10);

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    /** Every public endpoint (method, plain path) with each spelling that means it only once decoded or normalised. */
    static Stream<Arguments> spellings() {
        List<Arguments> all = new ArrayList<>();
        String[][] endpoints = {{"POST", "/requests"}, {"POST", "/api/requests"}, {"GET", "/verify"}, {"POST", "/verify"},
                {"GET", "/download"}, {"POST", "/download"}, {"GET", "/processor-answer"}, {"POST", "/processor-answer"},
                {"POST", "/connector-callback/x"}};
        for (String[] endpoint : endpoints) {
            String path = endpoint[1];
            int last = path.lastIndexOf('/');
            String head = path.substring(0, last);
            String tail = path.substring(last + 1);
            List<String> forms = List.of(
                    head + "/%" + Integer.toHexString(tail.charAt(0)) + tail.substring(1),
                    "/%" + Integer.toHexString(path.charAt(1)) + path.substring(2),
                    head + "/x%2F..%2F" + tail,
                    path + "%2F",
                    "/" + path,
                    head + "//" + tail,
                    head + "/./" + tail,
                    head + "/x/../" + tail,
                    path + ";",
                    path + ";jsessionid=0123",
                    (head.isEmpty() ? "/;x=1" : head + ";x=1") + "/" + tail);
            forms.forEach(form -> all.add(Arguments.of(endpoint[0], form)));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("spellings")
    void anEncodedOrAmbiguousSpellingOfAPublicPathIsRefusedAndStoresNothing(String method, String rawPath) throws Exception {
        long stored = storedRequests();

        Answer answer = client().send(method, rawPath + (method.equals("GET") ? "?token=guess" : ""),
                method.equals("POST") ? "application/json" : null,
                method.equals("POST") ? INTAKE_JSON.formatted(DeskDriver.uniqueEmail()).getBytes() : null);

        assertThat(answer.status()).as("%s %s: %s", method, rawPath, answer.body()).isEqualTo(400);
        if (!rawPath.contains("%2F")) {
            // Tomcat itself refuses an encoded slash, before any filter; all else is the desk's answer
            assertThat(answer.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(storedRequests()).isEqualTo(stored);
    }

    @Test
    void afterTheIntakeLimitAnEncodedSpellingCreatesNoRequest() throws Exception {
        RawHttp client = client();
        for (int i = 0; i < 3; i++) {
            assertThat(intake(client, "/api/requests").status()).isEqualTo(201);
        }
        assertThat(intake(client, "/api/requests").status()).isEqualTo(429);
        long stored = storedRequests();

        assertThat(intake(client, "/api/%72equests").status()).isEqualTo(400);
        assertThat(intake(client, "/%61pi/requests").status()).isEqualTo(400);
        assertThat(intake(client, "/api/./requests").status()).isEqualTo(400);

        assertThat(storedRequests()).isEqualTo(stored);
    }

    @Test
    void aLargeBodyToAnEncodedPathIsRefusedWithoutBeingRead() throws Exception {
        long stored = storedRequests();

        // only the head is sent: a server reading the 8 MB body (beyond what intake takes with a document) would wait,
        // and the socket would time out
        Answer encoded = client().postHeadOnly("/api/%72equests", "application/json", 8 * 1024 * 1024);
        Answer plain = client().postHeadOnly("/api/requests", "application/json", 8 * 1024 * 1024);

        assertThat(encoded.status()).isEqualTo(400);
        assertThat(plain.status()).isEqualTo(413);
        assertThat(storedRequests()).isEqualTo(stored);
    }

    @Test
    void aPathSpringSecurityRefusesOnEngineRestGetsTheSameCleanProblem() throws Exception {
        Answer answer = client().get("/engine-rest/task/count;x=1", "Authorization: " + RawHttp.basic("operator", "demo"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).doesNotContain("Whitelabel").doesNotContain("Exception");
    }

    private Answer intake(RawHttp client, String rawPath) throws Exception {
        return client.post(rawPath, "application/json", INTAKE_JSON.formatted(DeskDriver.uniqueEmail()));
    }

    /** A client address of its own, so the intake limit of one test never touches another. */
    private RawHttp client() {
        return RawHttp.from("127.0.1." + CLIENTS.incrementAndGet(), port);
    }

    private long storedRequests() {
        return jdbc.queryForObject("select count(*) from data_subject_request", Long.class);
    }
}
