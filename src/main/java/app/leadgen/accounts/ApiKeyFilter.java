package app.leadgen.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code X-API-Key} on any request: a known key authenticates this one request (nothing is kept in
 * a session); an unknown, deleted or deactivated user's key is a 401 problem, even when the request
 * also has a session. A request with a key needs no CSRF token: no other site can set the header.
 */
class ApiKeyFilter extends OncePerRequestFilter {

    private final ApiKeys keys;
    private final Problems problems;

    ApiKeyFilter(ApiKeys keys, Problems problems) {
        this.keys = keys;
        this.problems = problems;
    }

    static boolean hasKey(HttpServletRequest request) {
        return request.getHeader(ApiKeys.HEADER) != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!hasKey(request)) {
            chain.doFilter(request, response);
            return;
        }
        Caller caller = keys.authenticate(request.getHeader(ApiKeys.HEADER));
        if (caller == null) {
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "problem.accounts.bad-key");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                caller, null, caller.role().authorities()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
