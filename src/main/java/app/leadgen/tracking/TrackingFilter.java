package app.leadgen.tracking;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The tracking links on the app's own port, answered here ({@link TrackingLinks}), ahead of the
 * security chain and of Spring MVC: they need no session, login, CSRF token or page headers — the
 * signed token is their only check — and the chain was their whole cost (docs/benchmarks.md,
 * "Tracking endpoints"). The paths are public in {@code accounts.PublicPaths} ({@code /track/**}),
 * and a test there checks that every filter answering ahead of the chain serves public paths only.
 * Any other method goes on to the chain.
 */
class TrackingFilter extends HttpFilter {

    private final TrackingLinks links;

    TrackingFilter(TrackingLinks links) {
        this.links = links;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!TrackingLinks.isLink(method, path)) {
            chain.doFilter(request, response);
            return;
        }
        TrackingLinks.Answer answer = links.answer(
                method,
                path,
                () -> request.getParameter("url"),
                request.getRemoteAddr(),
                request.getHeader("User-Agent"));
        response.setStatus(answer.status());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        switch (answer.status()) {
            case 200 -> {
                response.setContentType("image/gif");
                response.setContentLength(TrackingLinks.PIXEL.length);
                if ("GET".equals(method)) {
                    response.getOutputStream().write(TrackingLinks.PIXEL);
                }
            }
            case 302 -> response.setHeader("Location", answer.location());
            case 429 -> response.setHeader("Retry-After", String.valueOf(answer.retryAfter()));
            default -> {}
        }
    }
}
