package dev.dsrdesk.security;

import dev.dsrdesk.document.DocumentSettings;
import dev.dsrdesk.notification.DevMailboxEnabled;
import dev.dsrdesk.notification.LinkSettings;
import dev.dsrdesk.reminder.StaffNotices;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One identity everywhere: the Camunda users sign in to Tasklist and Cockpit (Camunda's own login), and that
 * sign-in holds on the desk's staff pages too ({@link WebappSessionAuthentication}); programs use HTTP Basic on
 * /engine-rest (Camunda's filter) and on the desk's /api, metrics and pages (checked against the same users by
 * {@link CamundaIdentityAuthenticationProvider}).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    static final String DPO = "GROUP_" + DeskGroups.DPO;
    static final String MANAGERS = "GROUP_" + DeskGroups.MANAGERS;
    static final String ADMINISTRATORS = "GROUP_" + DeskGroups.ADMINISTRATORS;

    /** The description of the desk's API (OpenAPI) and Swagger UI over it. */
    static final String[] API_DOCS = {"/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui.html",
            "/swagger-ui/**"};

    /** The pages staff open in a browser: the webapps' sign-in holds here, and a browser is sent to it. */
    static final RequestMatcher STAFF_PAGES = SignInEntryPoint.anyOf("/dashboard", "/dashboard/**", "/reports", "/reports/**", "/staff/**");

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
    SecurityFilterChain deskChain(HttpSecurity http, RateLimiter limiter, LinkSettings links, Environment environment,
                                  StaffAuthorities authorities, ProcessEngine engine, CamundaBpmProperties camunda,
                                  DocumentSettings documents) throws Exception {
        boolean devMailbox = DevMailboxEnabled.enabled(environment);
        SignInEntryPoint signIn = new SignInEntryPoint(STAFF_PAGES, camunda.getWebapp().getApplicationPath(), engine.getName());
        return http
                // before the CSRF check, which reads a form's body for its token: a body too large is never read
                .addFilterBefore(new RequestSizeLimit(documents.largestUploadBody()), CsrfFilter.class)
                .addFilterBefore(new CrossSiteApiGuard(links.publicBaseUrl()), BasicAuthenticationFilter.class)
                .addFilterAfter(new WebappSessionAuthentication(STAFF_PAGES, engine.getName(), authorities),
                        BasicAuthenticationFilter.class)
                .addFilterAfter(new PublicEndpointRateLimit(limiter), WebappSessionAuthentication.class)
                .authorizeHttpRequests(requests -> {
                    // open to all only where it exists (demo, tests): elsewhere the path falls to denyAll
                    if (devMailbox) {
                        requests.requestMatchers(HttpMethod.GET, "/dev/mailbox").permitAll();
                    }
                    requests
                            .requestMatchers(HttpMethod.GET, "/", "/submitted/*", "/verify", "/download", "/processor-answer", "/request", "/css/**", "/js/**", "/favicon.ico",
                                    "/robots.txt")
                            .permitAll()
                            .requestMatchers(HttpMethod.POST, "/requests", "/verify", "/download", "/processor-answer", "/api/requests",
                                    "/request/answer", "/request/download-link", "/request/withdraw").permitAll()
                        // processors answering later: the URL's secret and the body's signature are the credentials
                            .requestMatchers(HttpMethod.POST, "/connector-callback/*").permitAll()
                            .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                            .requestMatchers(HttpMethod.POST, "/api/requests/*/unlink", "/api/requests/*/extension").hasAuthority(DPO)
                            .requestMatchers("/api/requests/*/audit", "/api/requests/*/audit.csv").hasAuthority(DPO)
                            .requestMatchers("/staff/**").hasAuthority(DPO)
                            .requestMatchers("/dashboard", "/dashboard/**", "/reports", "/reports/**", "/actuator/prometheus").hasAnyAuthority(DPO, MANAGERS)
                            .requestMatchers("/api/**").hasAnyAuthority(DPO, MANAGERS)
                            // staff only, docs/security.md says why
                            .requestMatchers(HttpMethod.GET, API_DOCS).hasAnyAuthority(DPO, MANAGERS, ADMINISTRATORS)
                            .anyRequest().denyAll();
                })
                .httpBasic(basic -> basic.authenticationEntryPoint(signIn))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(signIn))
                // nothing asks a saved request again (staff sign in in Camunda's webapp, which starts a new session),
                // and saving it gave every refused program a session
                .requestCache(cache -> cache.disable())
                // links in mails carry secrets in their query: no page may leak them in a Referer
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                // the API is called by programs with Basic credentials; the pages keep CSRF tokens
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**", "/connector-callback/**"))
                // a sign-in holds for its request only (sessions are created as needed, for the forms' CSRF tokens):
                // naming a creation policy would bring back Spring's SessionManagementFilter, which copies the
                // request's sign-in (Basic or the webapps') into the session, out of reach of a sign-out in Camunda
                .sessionManagement(session -> session.requireExplicitAuthenticationStrategy(true))
                .build();
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
