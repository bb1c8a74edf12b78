package app.leadgen.tracking;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The open pixel ({@code GET|HEAD /track/open/{token}}) and the click redirect ({@code GET|HEAD
 * /track/click/{token}?url=}), answered here, ahead of the security chain and of Spring MVC: they
 * need no session, login, CSRF token or page headers — the signed token is their only check — and the
 * chain was their whole cost (docs/benchmarks.md, "Tracking endpoints"). The paths are public in
 * {@code accounts.PublicPaths} ({@code /track/**}), and a test there checks that every filter answering
 * ahead of the chain serves public paths only.
 *
 * <p>Rate limited per address ({@link RateLimit}: 429 with {@code Retry-After}). A token that is
 * forged, changed or unknown gets an empty 404; a click to a URL that was not in that very mail an
 * empty 400 — never a redirect to it (no open redirect). Any other method goes on to the chain.
 */
class TrackingFilter extends HttpFilter {

    static final String OPEN = "/track/open/";
    static final String CLICK = "/track/click/";
    /** A transparent 1×1 GIF (42 bytes). */
    static final byte[] PIXEL = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private final TrackedMailCache mails;
    private final EventWriter events;
    private final MachineTraffic machines;
    private final RateLimit limit;
    private final Clock clock;

    TrackingFilter(TrackedMailCache mails, EventWriter events, MachineTraffic machines, RateLimit limit, Clock clock) {
        this.mails = mails;
        this.events = events;
        this.machines = machines;
        this.limit = limit;
        this.clock = clock;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean open = path.startsWith(OPEN);
        if (!("GET".equals(method) || "HEAD".equals(method)) || !(open || path.startsWith(CLICK))) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (!limit.allow(request.getRemoteAddr(), System.nanoTime())) {
            limit.refuse(response);
            return;
        }
        String token = path.substring(open ? OPEN.length() : CLICK.length());
        Optional<TrackedMails.Row> mail =
                token.isEmpty() || token.indexOf('/') >= 0 ? Optional.empty() : mails.byToken(token);
        if (mail.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (open) {
            record(mail.get(), EventType.OPEN, request, null);
            response.setContentType("image/gif");
            response.setContentLength(PIXEL.length);
            if ("GET".equals(method)) {
                response.getOutputStream().write(PIXEL);
            }
            return;
        }
        String url = request.getParameter("url");
        if (url == null || !mail.get().links().contains(url)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        record(mail.get(), EventType.CLICK, request, url);
        // a scanner gets the same 302 as a person: refusing it would break the link behind its gateway
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", url);
    }

    private void record(TrackedMails.Row mail, EventType type, HttpServletRequest request, String url) {
        Instant now = clock.instant();
        String ua = request.getHeader("User-Agent");
        String ip = request.getRemoteAddr();
        boolean machine = machines.isMachine(type, request.getMethod(), ua, ip, mail.sentAt(), now);
        events.add(new EventBatch.Event(mail.id(), mail.contactId(), type, machine, url, ip, ua, now));
    }
}
