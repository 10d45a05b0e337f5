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
 * session cookie, XSRF cookie echoed in a header, login through the admin auth API; the same browser can go on to
 * the desk's own pages.
 */
public final class WebappSession {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String desk;
    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    private WebappSession(int port) {
        this.desk = "http://localhost:" + port;
        this.base = desk + "/camunda";
    }

    /** Signs in to one webapp; returns the session whatever the outcome, with the login's HTTP status. */
    public static WebappSession login(int port, String app, String user, String password) {
        return new WebappSession(port).signIn(app, user, password);
    }

    /**
     * Signs in to one webapp in a browser that already holds this session id (one an attacker planted, say):
     * returns the session whatever the outcome.
     */
    public static WebappSession loginHolding(String sessionId, int port, String app, String user, String password) {
        WebappSession session = new WebappSession(port);
        session.cookies.put("JSESSIONID", sessionId);
        return session.signIn(app, user, password);
    }

    private WebappSession signIn(String app, String user, String password) {
        lastLoginStatus = send(HttpRequest.newBuilder(URI.create(base + "/app/" + app + "/default/")).GET()).statusCode();
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        URI.create(base + "/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        lastLoginStatus = response.statusCode();
        lastLoginBody = response.body();
        // signing in starts a new session, whose CSRF token the next read hands out, as in the browser app
        send(HttpRequest.newBuilder(URI.create(base + "/api/admin/auth/user/default")).GET());
        return this;
    }

    private int lastLoginStatus;
    private String lastLoginBody;

    public int loginStatus() {
        return lastLoginStatus;
    }

    public String loginBody() {
        return lastLoginBody;
    }

    /** The session id the browser now holds. */
    public String sessionId() {
        return cookies.get("JSESSIONID");
    }

    /** Signs out as the webapps' header does. */
    public HttpResponse<String> logout() {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/admin/auth/user/default/logout"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** One of the desk's own pages, opened by the same browser (it asks for HTML; redirects are not followed). */
    public HttpResponse<String> deskPage(String path) {
        return send(HttpRequest.newBuilder(URI.create(desk + path)).header("Accept", "text/html").GET());
    }

    /** A form of the desk's own pages, sent by the same browser. */
    public HttpResponse<String> deskForm(String path, String form) {
        return send(HttpRequest.newBuilder(URI.create(desk + path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** A call of the desk's API, by the same browser, with no credentials but its cookies. */
    public HttpResponse<String> deskApi(String method, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(desk + path)).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
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
