package app.leadgen.tracking;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public tracking links ({@code PublicPaths}: no login; rate limited per address by {@link
 * RateLimit}). A token that is forged, changed or unknown gets an empty 404; a click to a URL that
 * was not in that very mail an empty 400 — never a redirect to it (no open redirect).
 */
@RestController
class TrackingController {

    /** A transparent 1×1 GIF (42 bytes). */
    static final byte[] PIXEL = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private final TrackedMails mails;
    private final EventLog events;
    private final MachineTraffic machines;
    private final Clock clock;

    TrackingController(TrackedMails mails, EventLog events, MachineTraffic machines, Clock clock) {
        this.mails = mails;
        this.events = events;
        this.machines = machines;
        this.clock = clock;
    }

    @RequestMapping(
            value = "/track/open/{token}",
            method = {RequestMethod.GET, RequestMethod.HEAD})
    ResponseEntity<byte[]> open(@PathVariable String token, HttpServletRequest request) {
        Optional<TrackedMails.Row> mail = mails.byToken(token);
        if (mail.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .cacheControl(CacheControl.noStore())
                    .build();
        }
        record(mail.get(), EventType.OPEN, request, null);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.IMAGE_GIF)
                .body(PIXEL);
    }

    @RequestMapping(
            value = "/track/click/{token}",
            method = {RequestMethod.GET, RequestMethod.HEAD})
    ResponseEntity<Void> click(
            @PathVariable String token, @RequestParam(required = false) String url, HttpServletRequest request) {
        Optional<TrackedMails.Row> mail = mails.byToken(token);
        if (mail.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .cacheControl(CacheControl.noStore())
                    .build();
        }
        if (url == null || !mail.get().links().contains(url)) {
            return ResponseEntity.badRequest()
                    .cacheControl(CacheControl.noStore())
                    .build();
        }
        record(mail.get(), EventType.CLICK, request, url);
        // a scanner gets the same 302 as a person: refusing it would break the link behind its gateway
        return ResponseEntity.status(HttpStatus.FOUND)
                .cacheControl(CacheControl.noStore())
                .location(URI.create(url))
                .build();
    }

    private void record(TrackedMails.Row mail, EventType type, HttpServletRequest request, String url) {
        Instant now = clock.instant();
        String ua = request.getHeader("User-Agent");
        String ip = request.getRemoteAddr();
        boolean machine = machines.isMachine(type, request.getMethod(), ua, ip, mail.sentAt(), now);
        events.record(mail, type, machine, new EventLog.Visitor(ip, ua), url, null, now);
    }
}
