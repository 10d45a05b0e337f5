package dev.dsrdesk.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The desk's API has no CSRF token: programs call it with HTTP Basic. A browser, though, sends the Basic
 * credentials it remembers along with a form another site posts. Such a post can only carry a form or plain text
 * body (JSON would need the desk's CORS consent, which it never gives) and carries that site's Origin, so a
 * state-changing API call is refused unless its body is JSON (or it has none) and any Origin it carries is the desk's.
 *
 * <p>Public intake ({@code POST /api/requests}) is made by other sites' programs too and is JSON only already (415
 * otherwise); an Origin there is checked only when the call carries credentials, as staff entering a request do:
 * refusing anonymous callers by Origin would stop no attack, as anyone may submit a request anyway.
 */
class CrossSiteApiGuard extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final URI deskOrigin;

    CrossSiteApiGuard(String publicBaseUrl) {
        this.deskOrigin = URI.create(publicBaseUrl);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = AmbiguousPaths.routed(request);
        boolean engineRest = request.getRequestURI().startsWith(request.getContextPath() + "/engine-rest/");
        if ((!path.startsWith("/api/") && !engineRest) || SAFE_METHODS.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        if (engineRest) {
            // the engine's API takes multipart too (deployments, binary variables): only the Origin tells a page's post
            String origin = request.getHeader("Origin");
            if (origin != null && !sameOrigin(origin, request)) {
                refuse(response, "A call from another site's page is refused: its Origin is not the desk's.");
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        boolean intake = path.equals("/api/requests") && "POST".equals(request.getMethod());
        boolean checkOrigin = !intake || request.getHeader("Authorization") != null;
        String origin = request.getHeader("Origin");
        if (checkOrigin && origin != null && !sameOrigin(origin, request)) {
            refuse(response, "A call from another site's page is refused: its Origin is not the desk's.");
            return;
        }
        // intake answers any other body with its own 415
        if (!intake && !jsonOrNoBody(request)) {
            refuse(response, "The API takes JSON bodies only (Content-Type: application/json), or no body.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean jsonOrNoBody(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null;
        }
        try {
            MediaType media = MediaType.parseMediaType(type);
            return media.isCompatibleWith(MediaType.APPLICATION_JSON) && !media.isWildcardSubtype();
        } catch (IllegalArgumentException unparsable) {
            return false;
        }
    }

    /** The desk's public address, or the address this request reached (as a browser would compute its own origin). */
    private boolean sameOrigin(String origin, HttpServletRequest request) {
        URI claimed;
        try {
            claimed = URI.create(origin.trim());
        } catch (IllegalArgumentException notAUri) {
            return false;
        }
        if (claimed.getScheme() == null || claimed.getHost() == null) {
            return false;
        }
        return same(claimed, deskOrigin.getScheme(), deskOrigin.getHost(), deskOrigin.getPort())
                || same(claimed, request.getScheme(), request.getServerName(), request.getServerPort());
    }

    private static boolean same(URI claimed, String scheme, String host, int port) {
        return claimed.getScheme().equalsIgnoreCase(scheme) && claimed.getHost().equalsIgnoreCase(host)
                && port(claimed.getScheme(), claimed.getPort()) == port(scheme, port);
    }

    private static int port(String scheme, int port) {
        return port >= 0 ? port : "https".equals(scheme.toLowerCase(Locale.ROOT)) ? 443 : 80;
    }

    private static void refuse(HttpServletResponse response, String detail) throws IOException {
        ProblemResponse.write(response, HttpStatus.FORBIDDEN.value(), "Cross-site call refused", detail);
    }
}
