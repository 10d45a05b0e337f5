package dev.dsrdesk.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Where an event came from: the client's address and the endpoint it called (never the query, which may hold a
 * link's secret), or a background job (the engine's job executor, a schedule) when no web request is behind it. Behind a reverse proxy, set
 * {@code server.forward-headers-strategy} so that the address is the client's, not the proxy's.
 */
final class AuditOrigin {

    static final String BACKGROUND = "background job";

    private AuditOrigin() {
    }

    static String current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            HttpServletRequest request = servlet.getRequest();
            if (request.getRequestURI() == null || request.getRequestURI().isEmpty()) {
                // a request without an endpoint is not a client's call (a test's stand-in request, for one)
                return BACKGROUND;
            }
            String origin = request.getRemoteAddr() + " " + request.getMethod() + " " + request.getRequestURI();
            return origin.length() > 300 ? origin.substring(0, 300) : origin;
        }
        return BACKGROUND;
    }
}
