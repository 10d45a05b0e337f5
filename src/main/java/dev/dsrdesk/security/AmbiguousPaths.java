package dev.dsrdesk.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The desk's own paths are plain: a path that only means something once decoded or normalised ({@code /api/%72equests},
 * {@code //}, {@code /./}, {@code /../}, {@code ;params}) is refused before anything reads it, so no limit that
 * compares paths can be walked around. The Camunda webapps and /engine-rest are left alone: their clients encode ids.
 */
class AmbiguousPaths extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String raw = request.getRequestURI();
        if (!raw.startsWith("/camunda/") && !raw.startsWith("/engine-rest/") && ambiguous(raw)) {
            ProblemResponse.write(response, HttpStatus.BAD_REQUEST.value(), "Bad path",
                    "Paths are sent as written: no percent-encoding, empty or dot segments, or path parameters.");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean ambiguous(String rawPath) {
        return rawPath.indexOf('%') >= 0 || rawPath.indexOf(';') >= 0 || rawPath.indexOf('\\') >= 0
                || rawPath.contains("//") || rawPath.contains("/./") || rawPath.contains("/../")
                || rawPath.endsWith("/.") || rawPath.endsWith("/..");
    }

    /** The path as the application routes it: decoded and normalised by the container. */
    static String routed(HttpServletRequest request) {
        return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    }
}
