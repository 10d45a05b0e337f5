package dev.dsrdesk.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * /engine-rest answers carry task variables and requesters' data: no browser may sniff them into something it runs,
 * and no cache may keep them. Spring Security's headers are off on that chain (Camunda's webapps set their own), so
 * they are set here, before Camunda's authentication filter, which answers its 401 without them otherwise.
 */
class EngineRestHeaders extends OncePerRequestFilter {

    private static final String CACHE_CONTROL = "Cache-Control";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(CACHE_CONTROL, "no-store");
        chain.doFilter(request, new NoStore(response));
    }

    /** Camunda's resources set {@code Cache-Control: no-cache} (cache, but revalidate); nothing may loosen no-store. */
    private static final class NoStore extends HttpServletResponseWrapper {

        NoStore(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            if (!CACHE_CONTROL.equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!CACHE_CONTROL.equalsIgnoreCase(name)) {
                super.addHeader(name, value);
            }
        }
    }
}
