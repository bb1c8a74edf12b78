package app.leadgen.outreach;

import app.leadgen.leads.LeadQuery;
import app.leadgen.leads.LeadRow;
import app.leadgen.leads.LeadStore;
import app.leadgen.support.ApiProblem;
import app.leadgen.support.ExternalServiceException;
import app.leadgen.suppressions.Suppressions;
import app.leadgen.tracking.MailTracking;
import app.leadgen.tracking.TrackedMail;
import jakarta.mail.internet.InternetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Sends one e-mail to a lead or a lead-book contact, at most once per recipient, subject and body:
 * a row in {@code email_sends} is claimed before the provider is called (unique keys on contact and
 * content hash, and on username and content hash, turn a double click or a retry into 409), and
 * released if the provider fails.
 */
@Service
public class SendService {

    private static final Logger log = LoggerFactory.getLogger(SendService.class);
    public static final int MAX_SUBJECT = 500;
    public static final int MAX_BODY = 50_000;

    private final LeadQuery leads;
    private final LeadStore store;
    private final ContactMail contacts;
    private final List<MailSender> senders;
    private final Suppressions suppressions;
    private final MailTracking tracking;
    private final DraftSettings settings;
    private final MailFooterProperties footer;
    private final JdbcClient jdbc;
    private final Clock clock;

    SendService(
            LeadQuery leads,
            LeadStore store,
            ContactMail contacts,
            List<MailSender> senders,
            Suppressions suppressions,
            MailTracking tracking,
            DraftSettings settings,
            MailFooterProperties footer,
            JdbcClient jdbc,
            Clock clock) {
        this.leads = leads;
        this.store = store;
        this.contacts = contacts;
        this.senders = senders;
        this.suppressions = suppressions;
        this.tracking = tracking;
        this.settings = settings;
        this.footer = footer;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Result(String status, Instant sentAt, String to, String messageId) {}

    /** {@code POST /send/{username}}: to an Instagram lead (and its lead-book contact, if it has one). */
    public Result send(String username, String subject, String body, String explicitTo) {
        LeadRow lead =
                leads.latestOf(username).orElseThrow(() -> ApiProblem.notFound("problem.lead.not-found", username));
        Recipient recipient = new Recipient(
                "@" + lead.username(),
                lead.username(),
                lead.contactId(),
                lead.email(),
                lead.emailCheck(),
                (s, b) -> store.saveDraft(lead.username(), s, b),
                at -> {
                    store.markSent(lead.username(), at);
                    if (lead.contactId() != null) {
                        contacts.markSent(lead.contactId(), at);
                    }
                });
        return deliver(recipient, subject, body, explicitTo);
    }

    /** {@code POST /api/contacts/{id}/send}: to any lead-book contact with an address, whatever its source. */
    public Result sendToContact(long contactId, String subject, String body, String explicitTo) {
        return deliver(contacts.recipient(contactId), subject, body, explicitTo);
    }

    private Result deliver(Recipient recipient, String subject, String body, String explicitTo) {
        String cleanSubject = subject == null ? "" : subject.strip();
        String cleanBody = body == null ? "" : body.strip();
        if (cleanSubject.isEmpty() || cleanBody.isEmpty()) {
            throw ApiProblem.badRequest("problem.send.empty");
        }
        if (cleanSubject.length() > MAX_SUBJECT || cleanSubject.contains("\n") || cleanSubject.contains("\r")) {
            throw ApiProblem.badRequest("problem.send.subject", MAX_SUBJECT);
        }
        if (cleanBody.length() > MAX_BODY) {
            throw ApiProblem.badRequest("problem.send.body", MAX_BODY);
        }
        boolean explicit = explicitTo != null && !explicitTo.isBlank();
        String toText = explicit ? explicitTo : recipient.email();
        if (toText == null || toText.isBlank()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "problem.send.no-address", recipient.label());
        }
        if (!explicit && "no_domain".equals(recipient.emailCheck())) {
            // the address's domain takes no mail (no MX, no A record): a send would bounce
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "problem.send.no-domain", toText);
        }
        InternetAddress to = MimeMessages.address(toText);
        if (to == null) {
            throw ApiProblem.badRequest("problem.send.bad-address", toText);
        }
        // the list is asked for any address, also one given with the request: nobody on it gets mail
        Optional<String> suppressed = suppressions.reasonFor(to.getAddress());
        if (suppressed.isPresent()) {
            ApiProblem problem = ApiProblem.conflict("problem.send.suppressed", to.getAddress());
            problem.getBody().setProperty("reason", suppressed.get());
            throw problem;
        }
        MailSender sender = mailer();
        if (!sender.configured()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "problem.send.not-configured");
        }
        recipient.keepDraft().accept(cleanSubject, cleanBody);
        String hash = hash(to.getAddress() + "\n" + cleanSubject + "\n" + cleanBody);
        long sendId = claim(recipient, to.getAddress(), cleanSubject, hash);
        Instant now = clock.instant();
        // an address given with the request is not the contact's: its opens and unsubscribes move no contact
        boolean contactsOwn = recipient.email() != null && recipient.email().equalsIgnoreCase(to.getAddress());
        TrackedMail tracked = tracking.start(
                contactsOwn ? recipient.contactId() : null, to.getAddress(), MailTracking.linksIn(cleanBody));
        String postal = footer.postalAddress();
        OutgoingMail mail = MimeMessages.build(
                new MimeMessages.From(sender.sender(), sender.senderName(), sender.replyTo()),
                to,
                cleanSubject,
                MailBody.text(cleanBody, postal, tracked),
                MailBody.html(cleanBody, postal, tracked, settings.tracking()),
                unsubscribeHeaders(tracked, sender),
                now);
        try {
            SentMail sent = sender.send(mail);
            // databases keep microseconds: answer with what GET /api/leads will show later
            Instant sentAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            jdbc.sql("update email_sends set status = 'SENT', provider_id = :pid, thread_id = :tid, sent_at = :at"
                            + " where id = :id")
                    .param("pid", sent.providerId())
                    .param("tid", sent.threadId())
                    .param("at", Timestamp.from(sentAt))
                    .param("id", sendId)
                    .update();
            tracking.sent(tracked, sentAt);
            recipient.markSent().accept(sentAt);
            return new Result("SENT", sentAt, to.getAddress(), mail.messageId());
        } catch (ExternalServiceException e) {
            log.warn("sending to {} failed: {} {}", recipient.label(), e.status(), e.errorType());
            jdbc.sql("update email_sends set status = 'FAILED', error_message = :err where id = :id")
                    .param("err", cut(e.errorType() + ": " + e.getMessage(), 2000))
                    .param("id", sendId)
                    .update();
            if (MailSender.HARD_BOUNCE.equals(e.errorType())) {
                // the recipient's server refused the address for good: never again (issue #12)
                tracking.bounced(tracked, to.getAddress(), e.getMessage());
            }
            throw e;
        }
    }

    /** The first mailbox that is set up: SMTP before Gmail (their order); the first one when none is. */
    private MailSender mailer() {
        return senders.stream().filter(MailSender::configured).findFirst().orElse(senders.get(0));
    }

    /**
     * RFC 8058 one-click unsubscribe (Gmail and Yahoo want it for bulk mail): the HTTPS link and, when
     * the sender's address is known, a mailto one.
     */
    static Map<String, String> unsubscribeHeaders(TrackedMail tracked, MailSender sender) {
        String mailbox = sender.replyTo() != null && !sender.replyTo().isBlank() ? sender.replyTo() : sender.sender();
        String value = "<" + tracked.unsubscribeUrl() + ">";
        if (mailbox != null && !mailbox.isBlank()) {
            value += ", <mailto:" + mailbox.strip() + "?subject=unsubscribe>";
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", value);
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return headers;
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }

    /** Takes the send slot for this content, or answers 409 when it was sent or is being sent. */
    private long claim(Recipient recipient, String to, String subject, String hash) {
        // the contact is the recipient's identity when it has one; a username otherwise
        boolean byContact = recipient.contactId() != null;
        String who = byContact ? "contact_id = :who" : "username = :who";
        Object key = byContact ? recipient.contactId() : recipient.username();
        Optional<String> existing = jdbc.sql("select status from email_sends where " + who + " and content_hash = :h")
                .param("who", key)
                .param("h", hash)
                .query(String.class)
                .optional();
        if (existing.isPresent()) {
            int reclaimed = jdbc.sql("update email_sends set status = 'SENDING', error_message = null where " + who
                            + " and content_hash = :h and status = 'FAILED'")
                    .param("who", key)
                    .param("h", hash)
                    .update();
            if (reclaimed == 0) {
                throw ApiProblem.conflict("problem.send.already", recipient.label());
            }
        } else {
            try {
                jdbc.sql("insert into email_sends (username, contact_id, to_address, subject, content_hash, status,"
                                + " created_at) values (:u, :c, :to, :s, :h, 'SENDING', :now)")
                        .param("u", recipient.username())
                        .param("c", recipient.contactId())
                        .param("to", to)
                        .param("s", subject.length() > 1000 ? subject.substring(0, 1000) : subject)
                        .param("h", hash)
                        .param("now", Timestamp.from(clock.instant()))
                        .update();
            } catch (DuplicateKeyException raced) {
                throw ApiProblem.conflict("problem.send.already", recipient.label());
            }
        }
        return jdbc.sql("select id from email_sends where " + who + " and content_hash = :h")
                .param("who", key)
                .param("h", hash)
                .query(Long.class)
                .single();
    }

    private static String hash(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
