package dev.dsrdesk.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A person signed in to a Camunda webapp (Tasklist, Cockpit) the way the browser app does it:
 * session cookie, XSRF cookie echoed in a header, login through the admin auth API.
 */
public final class WebappSession {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    private WebappSession(int port) {
        this.base = "http://localhost:" + port + "/camunda";
    }

    /** Signs in to one webapp; returns the session whatever the outcome, with the login's HTTP status. */
    public static WebappSession login(int port, String app, String user, String password) {
        WebappSession session = new WebappSession(port);
        session.lastLoginStatus = session.send(HttpRequest.newBuilder(URI.create(session.base + "/app/" + app + "/default/")).GET()).statusCode();
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = session.send(HttpRequest.newBuilder(
                        URI.create(session.base + "/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        session.lastLoginStatus = response.statusCode();
        session.lastLoginBody = response.body();
        // signing in starts a new session, whose CSRF token the next read hands out, as in the browser app
        session.send(HttpRequest.newBuilder(URI.create(session.base + "/api/admin/auth/user/default")).GET());
        return session;
    }

    private int lastLoginStatus;
    private String lastLoginBody;

    public int loginStatus() {
        return lastLoginStatus;
    }

    public String loginBody() {
        return lastLoginBody;
    }

    public HttpResponse<String> get(String engineApiPath) {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/engine/engine/default" + engineApiPath)).GET());
    }

    public HttpResponse<String> post(String engineApiPath, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/engine/engine/default" + engineApiPath))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> put(String engineApiPath, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/engine/engine/default" + engineApiPath))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
        }
        String xsrf = cookies.get("XSRF-TOKEN");
        if (xsrf != null) {
            request.header("X-XSRF-TOKEN", xsrf);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            remember(response.headers().allValues("Set-Cookie"));
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void remember(List<String> setCookies) {
        for (String setCookie : setCookies) {
            String pair = setCookie.split(";", 2)[0];
            int equals = pair.indexOf('=');
            cookies.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
    }
}
