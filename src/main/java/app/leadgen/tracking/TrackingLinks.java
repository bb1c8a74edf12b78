package app.leadgen.tracking;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the open pixel ({@code GET|HEAD /track/open/{token}}) and the click redirect ({@code GET|HEAD
 * /track/click/{token}?url=}) answer, whichever server took the request: the servlet filter on the
 * app's port ({@link TrackingFilter}) or the tracking port's own listener ({@link TrackingListener}).
 *
 * <p>Rate limited per address ({@link RateLimit}: 429 with {@code Retry-After}). A token that is
 * forged, changed or unknown gets an empty 404; a click to a URL that was not in that very mail an
 * empty 400 — never a redirect to it (no open redirect). Every answer is {@code no-store}.
 */
final class TrackingLinks {

    static final String OPEN = "/track/open/";
    static final String CLICK = "/track/click/";
    /** A transparent 1×1 GIF (42 bytes). */
    static final byte[] PIXEL = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    /**
     * One answer: 200 is the pixel, 302 goes to {@code location} (US-ASCII, safe for any header
     * encoder), 429 asks to wait {@code retryAfter} seconds; the others have no body.
     */
    record Answer(int status, String location, int retryAfter) {
        static final Answer PIXEL = new Answer(200, null, 0);
        static final Answer BAD_REQUEST = new Answer(400, null, 0);
        static final Answer NOT_FOUND = new Answer(404, null, 0);
    }

    private final TrackedMailCache mails;
    private final EventWriter events;
    private final MachineTraffic machines;
    private final RateLimit limit;
    private final Clock clock;

    TrackingLinks(TrackedMailCache mails, EventWriter events, MachineTraffic machines, RateLimit limit, Clock clock) {
        this.mails = mails;
        this.events = events;
        this.machines = machines;
        this.limit = limit;
        this.clock = clock;
    }

    /** Whether a request is one of the links (other methods and paths are not answered here). */
    static boolean isLink(String method, String path) {
        return ("GET".equals(method) || "HEAD".equals(method)) && (path.startsWith(OPEN) || path.startsWith(CLICK));
    }

    /**
     * Whether {@link #answer} can run without waiting: the mail is in the cache (or the token is
     * malformed) and the event queue has room. Otherwise it reads or writes the database, which an
     * event loop must not wait for.
     */
    boolean answersAtOnce(String path) {
        String token = token(path);
        return events.hasRoom() && (!wellFormed(token) || mails.cached(token));
    }

    /**
     * Answers a link and records its event.
     *
     * @param url the request's {@code url} parameter (asked for clicks only)
     */
    Answer answer(String method, String path, Supplier<String> url, String address, String userAgent) {
        if (!limit.allow(address, System.nanoTime())) {
            return new Answer(429, null, limit.retryAfterSeconds());
        }
        boolean open = path.startsWith(OPEN);
        String token = token(path);
        Optional<TrackedMails.Row> mail = wellFormed(token) ? mails.byToken(token) : Optional.empty();
        if (mail.isEmpty()) {
            return Answer.NOT_FOUND;
        }
        if (open) {
            record(mail.get(), EventType.OPEN, method, address, userAgent, null);
            return Answer.PIXEL;
        }
        String target = url.get();
        if (target == null || !mail.get().links().contains(target)) {
            return Answer.BAD_REQUEST;
        }
        record(mail.get(), EventType.CLICK, method, address, userAgent, target);
        // a scanner gets the same 302 as a person: refusing it would break the link behind its gateway
        return new Answer(302, ascii(target), 0);
    }

    private void record(
            TrackedMails.Row mail, EventType type, String method, String address, String userAgent, String url) {
        Instant now = clock.instant();
        boolean machine = machines.isMachine(type, method, userAgent, address, mail.sentAt(), now);
        events.add(new EventBatch.Event(mail.id(), mail.contactId(), type, machine, url, address, userAgent, now));
    }

    private static String token(String path) {
        return path.substring(path.startsWith(OPEN) ? OPEN.length() : CLICK.length());
    }

    private static boolean wellFormed(String token) {
        return !token.isEmpty() && token.indexOf('/') < 0;
    }

    /**
     * The link as a header value: characters beyond US-ASCII (an umlaut in a path, a domain written in
     * Unicode) percent-encoded as UTF-8, as a browser does; a header encoder would otherwise turn
     * them into question marks. Control characters too: a header value must not carry them.
     */
    static String ascii(String url) {
        for (int i = 0; i < url.length(); i++) {
            if (url.charAt(i) > 0x7E || url.charAt(i) < 0x20) {
                return encode(url);
            }
        }
        return url;
    }

    private static String encode(String url) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(url.length() + 16);
        for (byte b : url.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c > 0x7E || c < 0x20) {
                out.write('%');
                out.write(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
                out.write(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            } else {
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}
