package dev.dsrdesk.security;

import dev.dsrdesk.reminder.StaffNotices;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every way of signing in checks a password against the Camunda users, and the engine would lock a user for good
 * after ten wrong ones from anybody. Instead, wrong passwords slow down their sender: per client address and per
 * user name, a caller past the limit is refused with 429 before any password is checked, until the window ends.
 * The outcome (401 on a request that carried credentials) tells a failure, so one filter covers Camunda's
 * /engine-rest filter, Spring Security's HTTP Basic and the webapps' login form alike.
 */
class LoginThrottle extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
    /** The webapps' form login: {@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}. */
    private static final String WEBAPP_LOGIN = "/camunda/api/admin/auth/user/";

    private final LoginThrottleSettings settings;
    private final FixedWindows failures;
    private final StaffNotices notices;
    private final Counter refused;
    private final Counter throttled;

    LoginThrottle(LoginThrottleSettings settings, Clock clock, MeterRegistry meters, StaffNotices notices) {
        this.settings = settings;
        this.failures = new FixedWindows(settings.window(), clock);
        this.notices = notices;
        this.refused = Counter.builder("dsr.login.failures").tag("outcome", "wrong_credentials")
                .description("Sign-ins refused: wrong credentials, or refused unchecked because the sender was throttled")
                .register(meters);
        this.throttled = Counter.builder("dsr.login.failures").tag("outcome", "throttled")
                .description("Sign-ins refused: wrong credentials, or refused unchecked because the sender was throttled")
                .register(meters);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Attempt> attempt = attempt(request);
        if (attempt.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Attempt sign = attempt.get();
        long retryAfter = Math.max(failures.full(sign.addressKey(), settings.failuresPerAddress()).orElse(0),
                sign.userKey().map(key -> failures.full(key, settings.failuresPerUser()).orElse(0)).orElse(0L));
        if (retryAfter > 0) {
            throttled.increment();
            PublicEndpointRateLimit.tooMany(response, retryAfter);
            return;
        }
        chain.doFilter(request, response);
        // a success never clears a count: a page that ignores a header (the public page with "Bearer …" naming a user)
        // answers 200 too, and would reset the guesses against that user; the window ends by itself within a minute
        if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            failed(sign);
        }
    }

    private void failed(Attempt sign) {
        refused.increment();
        int fromAddress = failures.add(sign.addressKey());
        int forUser = sign.userKey().map(failures::add).orElse(0);
        // told once per window: the moment a key reaches its limit
        if (fromAddress == settings.failuresPerAddress() || forUser == settings.failuresPerUser()) {
            String user = sign.user().orElse(null);
            LOG.warn("Sign-ins throttled after repeated wrong passwords: address {}, user name {}", sign.address(),
                    StaffNotices.isPlainUserId(user) ? user : "(not a user id)");
            notices.reportFailedSignIns(user, sign.address(), Math.max(fromAddress, forUser), settings.window());
        }
    }

    /** A request that will have a password checked: HTTP Basic credentials, or the webapps' login form. */
    private static Optional<Attempt> attempt(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        String address = request.getRemoteAddr();
        if ("POST".equals(request.getMethod()) && path.startsWith(WEBAPP_LOGIN) && path.contains("/login/")) {
            return Optional.of(new Attempt(address, Optional.ofNullable(request.getParameter("username"))));
        }
        String authorization = request.getHeader("Authorization");
        // the webapps sign in with their form and a session; they never check a Basic header
        if (authorization == null || path.startsWith("/camunda/")) {
            return Optional.empty();
        }
        // any credentials count, however spelled: Spring and Camunda both take what follows the first six characters
        // ("Basic" and one more, whatever it is), and Camunda decodes it leniently
        return Optional.of(new Attempt(address, Optional.of(basicUser(authorization).orElse(UNREADABLE_USER))));
    }

    /** Credentials nobody can read still count, all under one name, so that mangling them buys no more guesses. */
    static final String UNREADABLE_USER = "\u0000unreadable";

    private static Optional<String> basicUser(String authorization) {
        if (authorization.length() <= "Basic ".length()) {
            return Optional.empty();
        }
        try {
            // the MIME decoder skips characters outside the alphabet, as Camunda's does
            String decoded = new String(Base64.getMimeDecoder().decode(authorization.substring("Basic ".length()).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty() : Optional.of(decoded.substring(0, colon));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private record Attempt(String address, Optional<String> user) {

        String addressKey() {
            return "address:" + address;
        }

        Optional<String> userKey() {
            return user.filter(name -> !name.isBlank()).map(name -> "user:" + name.toLowerCase(Locale.ROOT));
        }
    }
}
