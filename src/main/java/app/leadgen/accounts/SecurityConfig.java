package app.leadgen.accounts;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The door: which filters run in which order, and what a refused request gets. Who may call what is
 * {@link AccessPolicy}; what is open is {@link PublicPaths}.
 *
 * <p>Order: Host check (400) → session user refreshed → {@code X-API-Key} (401 for a bad key) →
 * first-admin gate → CSRF (not for key requests) → form login and logout → policy (401/403) →
 * request limits (413, 429).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    /** No inline script or style anywhere: every page's script is a module under /js. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
            + " frame-ancestors 'none'";

    /** Refuses settings that would open the app by accident; runs before any bean is built. */
    /**
     * springdoc's Swagger UI (the API documentation) sets inline styles; its pages allow those, and
     * still no inline script.
     */
    static final String CSP_API_DOCS = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    private static final String CSP_HEADER = "Content-Security-Policy";
    private static final RequestMatcher SWAGGER_UI = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui.html"));

    @Bean
    static StartupChecks startupChecks() {
        return new StartupChecks();
    }

    @Bean
    AuthenticationProvider passwordLogin(Users users, Passwords passwords, LoginFailures failures) {
        return new PasswordLogin(users, passwords, failures);
    }

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            SecurityProperties properties,
            Problems problems,
            ApiKeys keys,
            Users users,
            FirstAdmin firstAdmin)
            throws Exception {
        AuthenticationEntryPoint entry = (request, response, e) -> notLoggedIn(problems, request, response);
        http.addFilterBefore(new HostCheck(properties, problems), DisableEncodeUrlFilter.class)
                .addFilterBefore(new FirstAdminGate(firstAdmin, problems), CsrfFilter.class)
                .addFilterBefore(new ApiKeyFilter(keys, problems), FirstAdminGate.class)
                .addFilterBefore(new SessionRefresh(users), ApiKeyFilter.class)
                .addFilterAfter(new RequestLimits(properties, problems), AuthorizationFilter.class)
                .authorizeHttpRequests(rules -> {
                    // an async (SSE) or error dispatch belongs to a request that was let in already
                    rules.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                            .permitAll();
                    AccessPolicy.apply(rules);
                })
                .csrf(csrf -> csrf.ignoringRequestMatchers(ApiKeyFilter::hasKey)
                        .ignoringRequestMatchers(PublicPaths.CAMPAIGNS.toArray(String[]::new))
                        .ignoringRequestMatchers(PublicPaths.ERROR))
                .formLogin(form -> form.loginPage(PublicPaths.LOGIN)
                        .usernameParameter("username")
                        .passwordParameter("password")
                        .defaultSuccessUrl("/")
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                                + PublicPaths.LOGIN
                                + (e instanceof LockedException ? "?locked" : "?error"))))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl(PublicPaths.LOGIN + "?logout"))
                .exceptionHandling(
                        ex -> ex.authenticationEntryPoint(entry).accessDeniedHandler(denied(problems, entry)))
                .headers(headers -> headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                SWAGGER_UI, new StaticHeadersWriter(CSP_HEADER, CSP_API_DOCS)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(SWAGGER_UI), new StaticHeadersWriter(CSP_HEADER, CSP)))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** {@code Secure} on the session cookie when people reach the app through HTTPS ({@code APP_URL}). */
    @Bean
    ServletContextInitializer secureSessionCookie(SecurityProperties properties) {
        // Tomcat marks the cookie Secure by itself when the request came over HTTPS; behind a proxy that
        // ends TLS it cannot see that, so APP_URL says it
        return context -> {
            if (properties.appUrlIsHttps()) {
                context.getSessionCookieConfig().setSecure(true);
            }
        };
    }

    /** 401: a browser opening a page is sent to the login page, anything else gets a problem. */
    private static void notLoggedIn(Problems problems, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (Problems.wantsPage(request) || isFormOf(path, request)) {
            response.sendRedirect(request.getContextPath() + PublicPaths.LOGIN);
        } else {
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "problem.accounts.unauthorized");
        }
    }

    /**
     * The login and setup forms posted after their session ran out (their CSRF token is gone with
     * it): back to the form, not a problem in JSON.
     */
    private static boolean isFormOf(String path, HttpServletRequest request) {
        return (path.equals(PublicPaths.LOGIN) || path.equals(PublicPaths.SETUP)) && "POST".equals(request.getMethod());
    }

    /**
     * 403 for a logged-in caller without the role or without a CSRF token; a request without a
     * session or key gets the 401 of a missing login even when its CSRF token is missing too, so a
     * script can tell "not logged in" from "not allowed".
     */
    private static AccessDeniedHandler denied(Problems problems, AuthenticationEntryPoint entry) {
        return (request, response, e) -> {
            if (e instanceof CsrfException && !loggedIn()) {
                entry.commence(request, response, new NotLoggedIn());
            } else if (Problems.wantsPage(request)) {
                response.sendError(HttpStatus.FORBIDDEN.value());
            } else {
                problems.write(
                        request,
                        response,
                        HttpStatus.FORBIDDEN,
                        e instanceof CsrfException ? "problem.accounts.csrf" : "problem.accounts.forbidden");
            }
        };
    }

    private static boolean loggedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }

    private static final class NotLoggedIn extends AuthenticationException {
        NotLoggedIn() {
            super("neither session nor key");
        }
    }
}
