package app.leadgen.tracking;

import app.leadgen.suppressions.Reason;
import app.leadgen.suppressions.Suppressions;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The module's API for senders: {@link #start} a tracked mail before building it (its token goes
 * into the List-Unsubscribe header, the footer's link, and, with tracking on, the pixel and the
 * wrapped links), {@link #sent} once the provider took it, {@link #bounced} when the recipient's
 * server refused it for good (the address is suppressed at once).
 */
@Service
public class MailTracking {

    /** An http(s) link in text; trailing punctuation of the sentence is not part of it. */
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"']+");

    private static final int MAX_LINKS_CHARS = 19_000;

    private final TrackingProperties properties;
    private final Tokens tokens;
    private final TrackedMails mails;
    private final EventLog events;
    private final Suppressions suppressions;
    private final Clock clock;

    MailTracking(
            TrackingProperties properties,
            Tokens tokens,
            TrackedMails mails,
            EventLog events,
            Suppressions suppressions,
            Clock clock) {
        this.properties = properties;
        this.tokens = tokens;
        this.mails = mails;
        this.events = events;
        this.suppressions = suppressions;
        this.clock = clock;
    }

    /** The http(s) links of a text, in order, each once (the ones a click may lead to). */
    public static List<String> linksIn(String text) {
        Set<String> links = new LinkedHashSet<>();
        Matcher m = LINK.matcher(text == null ? "" : text);
        while (m.find()) {
            links.add(m.group().replaceFirst("[.,;:!?)\\]}]+$", ""));
        }
        return List.copyOf(links);
    }

    /** A new tracked mail with a fresh token; {@code links} (at most about 19,000 characters of them) may be wrapped. */
    public TrackedMail start(Long contactId, String recipient, List<String> links) {
        Set<String> kept = new LinkedHashSet<>();
        int chars = 0;
        for (String link : links) {
            if (link.length() <= 2000 && chars + link.length() + 1 <= MAX_LINKS_CHARS) {
                kept.add(link);
                chars += link.length() + 1;
            }
        }
        Tokens.Issued issued = tokens.issue();
        long id = mails.insert(issued.messageKey(), contactId, recipient, kept, clock.instant());
        return new TrackedMail(id, issued.token(), baseUrl(), Set.copyOf(kept));
    }

    public void sent(TrackedMail mail, Instant at) {
        mails.markSent(mail.id(), at);
    }

    /** A hard bounce (an SMTP 5xx for the recipient): the address is suppressed and a {@code bounce} event recorded. */
    public void bounced(TrackedMail mail, String recipient, String detail) {
        suppressions.suppress(recipient, Reason.BOUNCED);
        mails.byToken(mail.token())
                .ifPresent(row -> events.record(
                        row, EventType.BOUNCE, false, new EventLog.Visitor(null, null), null, detail, clock.instant()));
    }

    /** {@code APP_URL}; without it, the address of the request that sends (the person's own view of the app). */
    private String baseUrl() {
        String configured = properties.appUrl();
        if (configured != null && !configured.isBlank()) {
            return configured.strip().replaceFirst("/+$", "");
        }
        try {
            return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        } catch (IllegalStateException outsideARequest) {
            return "http://localhost:8080";
        }
    }
}
