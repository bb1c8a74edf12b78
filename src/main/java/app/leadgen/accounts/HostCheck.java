package app.leadgen.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Against DNS rebinding: a page on another site that makes its own name point at 127.0.0.1 reaches
 * the app with its name in the Host header. Only {@code localhost}, {@code 127.0.0.1}, {@code [::1]}
 * and the host of {@code APP_URL} are answered; any other Host gets 400. The probes ({@code /ping},
 * {@code /actuator/health}) answer for any Host, so a health check by IP address keeps working.
 */
class HostCheck extends OncePerRequestFilter {

    private final Set<String> allowed;
    private final Problems problems;

    HostCheck(SecurityProperties properties, Problems problems) {
        this.problems = problems;
        Set<String> hosts = new HashSet<>(Set.of("localhost", "127.0.0.1", "[::1]"));
        if (properties.appHost() != null) {
            hosts.add(properties.appHost());
        }
        this.allowed = Set.copyOf(hosts);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (allowed.contains(host(request.getHeader("Host"))) || PublicPaths.PROBES.contains(request.getRequestURI())) {
            chain.doFilter(request, response);
            return;
        }
        problems.write(request, response, HttpStatus.BAD_REQUEST, "problem.accounts.host");
    }

    /** The host of a Host header without its port, lower-case; "" when there is none. */
    static String host(String header) {
        if (header == null) {
            return "";
        }
        String h = header.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? "" : h.substring(0, end + 1);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }
}
