package dev.dsrdesk.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.OptionalLong;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per client address: intake (page and API) and the emailed links (verify, download, the request page). Operators signed
 * in are not counted: they enter letters and calls all day.
 */
class PublicEndpointRateLimit extends OncePerRequestFilter {

    private final RateLimiter limiter;

    PublicEndpointRateLimit(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = AmbiguousPaths.routed(request);
        boolean intake = "POST".equals(request.getMethod()) && (path.equals("/requests") || path.equals("/api/requests"));
        boolean links = path.equals("/verify") || path.equals("/download") || path.equals("/processor-answer")
                || path.equals("/request") || path.startsWith("/request/");
        if ((intake || links) && !isOperator()) {
            int limit = intake ? limiter.settings().intakePerAddress() : limiter.settings().linksPerAddress();
            OptionalLong retryAfter = limiter.overLimit((intake ? "intake:" : "links:") + request.getRemoteAddr(), limit);
            if (retryAfter.isPresent()) {
                tooMany(response, retryAfter.getAsLong());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    static void tooMany(HttpServletResponse response, long retryAfterSeconds) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
        ProblemResponse.write(response, HttpStatus.TOO_MANY_REQUESTS.value(), "Too many requests",
                "Please try again in " + retryAfterSeconds + " seconds.");
    }

    private static boolean isOperator() {
        return SecurityConfiguration.isOperator(SecurityContextHolder.getContext().getAuthentication());
    }
}
