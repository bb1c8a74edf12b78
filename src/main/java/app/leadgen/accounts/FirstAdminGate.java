package app.leadgen.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Until the first user exists: a page opened from the machine itself goes to the setup page, any
 * other address gets 403 (a request with {@code API_KEY} passes: it may create users through the
 * API). Probes and static assets stay open.
 */
class FirstAdminGate extends OncePerRequestFilter {

    private final FirstAdmin firstAdmin;
    private final Problems problems;

    FirstAdminGate(FirstAdmin firstAdmin, Problems problems) {
        this.firstAdmin = firstAdmin;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        if (PublicPaths.isAlwaysOpen(path) || envKey() || firstAdmin.exists()) {
            chain.doFilter(request, response);
        } else if (!Loopback.is(request)) {
            problems.write(request, response, HttpStatus.FORBIDDEN, "problem.accounts.setup-local");
        } else if (!path.equals(PublicPaths.SETUP) && Problems.wantsPage(request)) {
            response.sendRedirect(request.getContextPath() + PublicPaths.SETUP);
        } else {
            chain.doFilter(request, response);
        }
    }

    private static boolean envKey() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof Caller caller && caller.isEnvKey();
    }
}
