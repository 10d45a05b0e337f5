package dev.dsrdesk.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;

/** The desk's refusals written by servlet filters, before Spring MVC could render a ProblemDetail. */
final class ProblemResponse {

    private ProblemResponse() {
    }

    /**
     * Title and detail are the desk's own words, never caller input, so they need no JSON escaping. The answer goes
     * out whole at once, with its length: Tomcat may still drain an unread body afterwards, and the caller should
     * not have to wait for that to read its refusal.
     */
    static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        byte[] body = ("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
