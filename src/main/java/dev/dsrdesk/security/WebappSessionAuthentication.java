package dev.dsrdesk.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Staff signed in to Tasklist, Cockpit or Admin are signed in on the desk's pages too: one sign-in, Camunda's.
 *
 * <p>The sign-in is read from Camunda's own record in the HTTP session on every request and never copied into
 * Spring Security's, so signing out of a webapp signs out of the desk's pages at the next request. The session is
 * not trusted beyond naming who signed in: only a {@link UserAuthentication} for this desk's engine counts (never
 * another engine's, never a bare or anonymous {@code Authentication}, never an attribute of another type), and the
 * user's groups are asked of the engine each time, not taken from the session, so a user deleted or moved to
 * another group loses the pages at once, where the webapps notice only when their cache expires (5 minutes).
 *
 * <p>Only the desk's pages take this sign-in. They are forms with CSRF tokens; the API has no token, because its
 * callers send HTTP Basic credentials with each call, so a session cookie there would let another site's page act
 * for a signed-in user.
 */
final class WebappSessionAuthentication extends OncePerRequestFilter {

    /** Where Camunda's webapps keep their {@link Authentications} (AuthenticationUtil.CAM_AUTH_SESSION_KEY). */
    static final String CAMUNDA_SESSION_ATTRIBUTE = "authenticatedUser";

    private final RequestMatcher pages;
    private final String engineName;
    private final StaffAuthorities authorities;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    WebappSessionAuthentication(RequestMatcher pages, String engineName, StaffAuthorities authorities) {
        this.pages = pages;
        this.engineName = engineName;
        this.authorities = authorities;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (pages.matches(request) && notSignedIn()) {
            signedInUser(request.getSession(false)).ifPresent(user -> authorities.of(user).ifPresent(granted -> {
                SecurityContext context = contexts.createEmptyContext();
                context.setAuthentication(signedIn(user, granted));
                // the request's context only: nothing is saved in the session, Camunda's record stays the one source
                contexts.setContext(context);
            }));
        }
        chain.doFilter(request, response);
    }

    /** HTTP Basic credentials, when sent, were checked first and stand; a failed check never reaches here. */
    private boolean notSignedIn() {
        Authentication current = contexts.getContext().getAuthentication();
        return current == null || current instanceof AnonymousAuthenticationToken || !current.isAuthenticated();
    }

    private Optional<String> signedInUser(HttpSession session) {
        if (session == null || !(session.getAttribute(CAMUNDA_SESSION_ATTRIBUTE) instanceof Authentications all)) {
            return Optional.empty();
        }
        Object entry;
        try {
            entry = all.getAuthenticationForProcessEngine(engineName);
        } catch (ClassCastException notAnAuthentication) {
            return Optional.empty();
        }
        if (entry instanceof UserAuthentication user && engineName.equals(user.getProcessEngineName())
                && user.getIdentityId() != null && !user.getIdentityId().isBlank()) {
            return Optional.of(user.getIdentityId());
        }
        return Optional.empty();
    }

    private static Authentication signedIn(String user, List<GrantedAuthority> granted) {
        return new PreAuthenticatedAuthenticationToken(user, null, granted);
    }
}
