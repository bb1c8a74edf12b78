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
 * server refused it for good (the address is suppressed at once), {@link #replied} when an answer
 * to it arrived in the sender's inbox.
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

    /**
     * A delivery status notification in the sender's inbox said the mail with this id ({@link
     * TrackedMail#id()}) failed for good: as {@link #bounced(TrackedMail, String, String)}.
     *
     * @return whether the mail was known and this was its first bounce
     */
    public boolean bounced(long trackedMailId, String recipient, String detail) {
        suppressions.suppress(recipient, Reason.BOUNCED);
        return mails.byId(trackedMailId)
                .filter(row -> !events.has(row.id(), EventType.BOUNCE))
                .map(row -> {
                    events.record(
                            row,
                            EventType.BOUNCE,
                            false,
                            new EventLog.Visitor(null, null),
                            null,
                            detail,
                            clock.instant());
                    return true;
                })
                .isPresent();
    }

    /**
     * An answer to the mail with this id arrived: a {@code reply} event, once per mail; a person's
     * answer makes the contact {@code replied} (so follow-ups skip it), an automatic one (RFC 3834
     * {@code Auto-Submitted}, an out-of-office) is recorded as a machine event and changes nothing.
     *
     * @return whether the mail was known and this was its first reply of that kind
     */
    public boolean replied(long trackedMailId, boolean automatic, String detail, Instant at) {
        return mails.byId(trackedMailId)
                .filter(row -> !events.has(row.id(), EventType.REPLY, automatic))
                .map(row -> {
                    events.record(row, EventType.REPLY, automatic, new EventLog.Visitor(null, null), null, detail, at);
                    return true;
                })
                .isPresent();
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
