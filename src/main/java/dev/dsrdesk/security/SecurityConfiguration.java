package dev.dsrdesk.security;

import dev.dsrdesk.notification.DevMailboxEnabled;
import dev.dsrdesk.notification.LinkSettings;
import dev.dsrdesk.reminder.StaffNotices;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.stream.Stream;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One identity everywhere: the Camunda users sign in to Tasklist and Cockpit (Camunda's own login),
 * to /engine-rest (HTTP Basic, Camunda's filter) and to the desk's /api (HTTP Basic, checked against
 * the same users by {@link CamundaIdentityAuthenticationProvider}).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    static final String DPO = "GROUP_" + DeskGroups.DPO;
    static final String MANAGERS = "GROUP_" + DeskGroups.MANAGERS;
    static final String ADMINISTRATORS = "GROUP_" + DeskGroups.ADMINISTRATORS;

    /** The description of the desk's API (OpenAPI) and Swagger UI over it. */
    private static final String[] API_DOCS = {"/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui.html",
            "/swagger-ui/**"};

    /** Whether the caller is signed in as a privacy desk operator (group dpo). */
    public static boolean isOperator(Authentication caller) {
        return caller != null && caller.isAuthenticated()
                && caller.getAuthorities().stream().anyMatch(authority -> authority.getAuthority().equals(DPO));
    }

    /** The Camunda webapps and REST API guard themselves; Spring Security stays out of their way. */
    @Bean
    @Order(1)
    SecurityFilterChain camundaChain(HttpSecurity http, LinkSettings links) throws Exception {
        return http
                // browsers send remembered Basic credentials with another site's multipart or form post to /engine-rest
                .addFilterBefore(new CrossSiteApiGuard(links.publicBaseUrl()), BasicAuthenticationFilter.class)
                // not Spring MVC paths (Jersey and the webapp servlets), so match on the raw path
                .securityMatcher(new OrRequestMatcher(
                        PathPatternRequestMatcher.withDefaults().matcher("/camunda/**"),
                        PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**")))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.disable())
                .requestCache(cache -> cache.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain deskChain(HttpSecurity http, RateLimiter limiter, LinkSettings links, Environment environment)
            throws Exception {
        boolean devMailbox = DevMailboxEnabled.enabled(environment);
        return http
                .addFilterBefore(new RequestSizeLimit(), BasicAuthenticationFilter.class)
                .addFilterBefore(new CrossSiteApiGuard(links.publicBaseUrl()), BasicAuthenticationFilter.class)
                .addFilterAfter(new PublicEndpointRateLimit(limiter), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> {
                    // open to all only where it exists (demo, tests): elsewhere the path falls to denyAll
                    if (devMailbox) {
                        requests.requestMatchers(HttpMethod.GET, "/dev/mailbox").permitAll();
                    }
                    requests
                            .requestMatchers(HttpMethod.GET, "/", "/submitted/*", "/verify", "/download", "/processor-answer", "/css/**", "/js/**", "/favicon.ico",
                                    "/robots.txt")
                            .permitAll()
                            .requestMatchers(HttpMethod.POST, "/requests", "/verify", "/download", "/processor-answer", "/api/requests").permitAll()
                        // processors answering later: the URL's secret and the body's signature are the credentials
                            .requestMatchers(HttpMethod.POST, "/connector-callback/*").permitAll()
                            .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                            .requestMatchers(HttpMethod.POST, "/api/requests/*/unlink", "/api/requests/*/extension").hasAuthority(DPO)
                            .requestMatchers("/api/requests/*/audit", "/api/requests/*/audit.csv").hasAuthority(DPO)
                            .requestMatchers("/staff/**").hasAuthority(DPO)
                            .requestMatchers("/dashboard", "/dashboard/**", "/actuator/prometheus").hasAnyAuthority(DPO, MANAGERS)
                            .requestMatchers("/api/**").hasAnyAuthority(DPO, MANAGERS)
                            // staff only, docs/security.md says why
                            .requestMatchers(HttpMethod.GET, API_DOCS).hasAnyAuthority(DPO, MANAGERS, ADMINISTRATORS)
                            .anyRequest().denyAll();
                })
                .httpBasic(basic -> basic.authenticationEntryPoint(signInOrNotFound()))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(signInOrNotFound()))
                // links in mails carry secrets in their query: no page may leak them in a Referer
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                // the API is called by programs with Basic credentials; the pages keep CSRF tokens
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**", "/connector-callback/**"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .build();
    }

    /**
     * Staff pages and the API ask for credentials; any other path a visitor may have mistyped gets the desk's own
     * "page not found" in their language, never a browser's sign-in prompt. Credentials that failed get the prompt.
     */
    private static AuthenticationEntryPoint signInOrNotFound() {
        BasicAuthenticationEntryPoint signIn = new BasicAuthenticationEntryPoint();
        signIn.setRealmName("Privacy desk");
        RequestMatcher staff = new OrRequestMatcher(Stream.concat(Stream.of("/api/**", "/staff/**", "/dashboard",
                                "/dashboard/**", "/actuator/**", "/dev/**"), Stream.of(API_DOCS))
                .map(pattern -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(pattern)).toList());
        return (request, response, failure) -> {
            if (request.getHeader("Authorization") != null || staff.matches(request)) {
                signIn.commence(request, response, failure);
            } else {
                response.sendError(HttpStatus.NOT_FOUND.value());
            }
        };
    }

    /**
     * Ahead of every filter that checks a password (Camunda's for /engine-rest and the webapps, Spring Security's
     * for the desk), so a throttled caller is refused before any check counts against the user in the engine.
     */
    @Bean
    FilterRegistrationBean<LoginThrottle> loginThrottle(LoginThrottleSettings settings, Clock clock, MeterRegistry meters,
                                                        StaffNotices notices) {
        FilterRegistrationBean<LoginThrottle> registration =
                new FilterRegistrationBean<>(new LoginThrottle(settings, clock, meters, notices));
        registration.setName("login-throttle");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** Right after the throttle, before Spring Security and any controller see a path. */
    @Bean
    FilterRegistrationBean<AmbiguousPaths> ambiguousPaths() {
        FilterRegistrationBean<AmbiguousPaths> registration = new FilterRegistrationBean<>(new AmbiguousPaths());
        registration.setName("ambiguous-paths");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /**
     * Spring Security's firewall refuses what it finds unsafe on /camunda and /engine-rest too; the default answer
     * went on to the error page (HTML for browsers). The same 400 problem as the desk's own refusals instead.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> ProblemResponse.write(response, HttpStatus.BAD_REQUEST.value(),
                "Bad request", "The request was refused as unsafe: check its path and headers.");
    }

    @Bean
    FilterRegistrationBean<EngineRestHeaders> engineRestHeaders() {
        FilterRegistrationBean<EngineRestHeaders> registration = new FilterRegistrationBean<>(new EngineRestHeaders());
        registration.setName("engine-rest-headers");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }

    /** /engine-rest is open in the starter; here it requires a Camunda user by HTTP Basic. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }
}
