package dev.dsrdesk.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * What a caller who is not signed in meets:
 * <ul>
 *   <li>a browser opening a staff page (it asks for HTML) goes to Camunda's sign-in, the welcome app, which brings it
 *       back to the page once signed in ({@code returnTo}, a desk path the welcome script checks) — never a
 *       browser's Basic prompt;</li>
 *   <li>a program (the API, metrics, or a page fetched without asking for HTML) is asked for HTTP Basic credentials:
 *       401 with {@code WWW-Authenticate: Basic}, on /api as a problem;</li>
 *   <li>credentials that were sent and failed are asked for again, the same way, wherever they were sent;</li>
 *   <li>any other path a visitor may have mistyped gets the desk's own "page not found" in their language.</li>
 * </ul>
 */
final class SignInEntryPoint implements AuthenticationEntryPoint {

    static final String REALM = "Privacy desk";

    private final RequestMatcher pages;
    private final RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
    // the API's description is read with Basic credentials too, so that Swagger UI's "Try it out" can send them
    private final RequestMatcher staff = new OrRequestMatcher(anyOf("/api/**", "/staff/**", "/dashboard", "/dashboard/**", "/reports", "/reports/**",
            "/actuator/**", "/dev/**"), anyOf(SecurityConfiguration.API_DOCS));
    private final RequestMatcher browser;
    private final String signInPath;

    /**
     * @param pages the staff pages a browser opens
     * @param webappPath where the Camunda webapps answer ({@code camunda.bpm.webapp.application-path})
     * @param engineName the desk's process engine, whose welcome app signs in
     */
    SignInEntryPoint(RequestMatcher pages, String webappPath, String engineName) {
        this.pages = pages;
        this.signInPath = webappPath + "/app/welcome/" + URLEncoder.encode(engineName, StandardCharsets.UTF_8) + "/";
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML, MediaType.APPLICATION_XHTML_XML);
        // "*/*" is what programs send; only a browser asks for HTML by name
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        this.browser = html;
    }

    static RequestMatcher anyOf(String... patterns) {
        return new OrRequestMatcher(Stream.of(patterns)
                .map(pattern -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(pattern)).toList());
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        boolean sentCredentials = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        if (!sentCredentials && pages.matches(request) && browser.matches(request)) {
            response.sendRedirect(signInLocation(request));
        } else if (api.matches(request)) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
            ProblemResponse.write(response, HttpStatus.UNAUTHORIZED.value(), "Sign-in required",
                    "Send the HTTP Basic credentials of a desk user (the Camunda user name and password).");
        } else if (sentCredentials || staff.matches(request)) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
            response.sendError(HttpStatus.UNAUTHORIZED.value());
        } else {
            response.sendError(HttpStatus.NOT_FOUND.value());
        }
    }

    /** Back to the page after signing in: only a GET can be asked again, and only its path is kept (no query). */
    private String signInLocation(HttpServletRequest request) {
        String location = request.getContextPath() + signInPath;
        if (HttpMethod.GET.matches(request.getMethod())) {
            location += "?returnTo=" + URLEncoder.encode(AmbiguousPaths.routed(request), StandardCharsets.UTF_8);
        }
        return location;
    }
}
