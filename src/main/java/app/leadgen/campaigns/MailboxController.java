package app.leadgen.campaigns;

import app.leadgen.accounts.AuditLog;
import app.leadgen.support.ExternalServiceException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/mailboxes}. Roles: every role reads (no password is ever returned); adding, changing,
 * deleting and testing a mailbox is {@code ADMIN} only, since it handles credentials
 * ({@code accounts.AccessPolicy} lists {@code /api/mailboxes/**} among the admin changes).
 */
@RestController
@RequestMapping("/api/mailboxes")
@Tag(name = "Mailboxes", description = "SMTP and Gmail mailboxes campaigns send from, with caps and interval")
class MailboxController {

    static final String AUDIT = "mailbox.change";

    static final String IMAP_FIELDS =
            " Optional inbox for replies and bounce reports (read every CAMPAIGN_INBOX_SECONDS):"
                    + " imapHost (absent: the stored inbox stays; empty: no inbox), imapPort (993 with ssl, else 143), imapSecurity ssl|starttls|none (ssl),"
                    + " imapUser (empty: the SMTP user, else fromEmail), imapPassword (write-only, sealed at rest; blank in a"
                    + " PUT keeps it). A reply (In-Reply-To/References naming a sent mail) marks the contact replied; a"
                    + " delivery status notification of a permanent failure is a hard bounce (message FAILED, address"
                    + " suppressed). The answer shows imapPasswordSet, imapCheckedAt and imapError (why the last read failed,"
                    + " null when it worked).";

    private final Mailboxes mailboxes;
    private final MailboxImap imap;
    private final ImapInbox inbox;
    private final AuditLog audit;

    MailboxController(Mailboxes mailboxes, MailboxImap imap, ImapInbox inbox, AuditLog audit) {
        this.mailboxes = mailboxes;
        this.imap = imap;
        this.inbox = inbox;
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "Every mailbox (the environment's SMTP and Gmail accounts included)")
    List<Mailbox> list() {
        return mailboxes.all();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One mailbox (404 for an unknown id)")
    Mailbox get(@PathVariable long id) {
        return mailboxes.get(id);
    }

    @PostMapping
    @Operation(
            summary = "Add an SMTP mailbox (201; ADMIN)",
            description = "name, host, port (587), user, password (sealed at rest), security starttls|ssl|none,"
                    + " fromEmail, fromName, replyTo, dailyCap (DAILY_SEND_CAP), hourlyCap (MAX_EMAILS_PER_HOUR),"
                    + " intervalSeconds (EMAIL_SEND_INTERVAL_SECONDS)."
                    + IMAP_FIELDS)
    ResponseEntity<Mailbox> create(@RequestBody MailboxInput body) {
        Mailbox created = mailboxes.create(body);
        audit.record(AUDIT, "created " + created.id() + " (" + created.name() + ")");
        return ResponseEntity.created(URI.create("/api/mailboxes/" + created.id()))
                .body(created);
    }

    @PutMapping("/{id}")
    @Operation(
            summary = "Change a mailbox (ADMIN; a blank password keeps the stored one)",
            description = "The fields of POST; a mailbox of the environment changes only name, pacing and its inbox."
                    + IMAP_FIELDS)
    Mailbox update(@PathVariable long id, @RequestBody MailboxInput body) {
        Mailbox updated = mailboxes.update(id, body);
        audit.record(AUDIT, "changed " + id + " (" + updated.name() + ")");
        return updated;
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a mailbox no campaign uses (204; 409 when one does; ADMIN)")
    ResponseEntity<Void> delete(@PathVariable long id) {
        mailboxes.delete(id);
        audit.record(AUDIT, "deleted " + id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/test")
    @Operation(
            summary = "„Verbindung testen\": connect and log in, send nothing (ADMIN)",
            description = "{\"ok\": true} or {\"ok\": false, \"kind\", \"error\"} for SMTP (or Gmail); with an inbox"
                    + " also \"imap\": the same for logging in to it and opening INBOX (nothing is read)")
    Map<String, Object> test(@PathVariable long id) {
        Mailbox mailbox = mailboxes.get(id);
        Map<String, Object> result = outcome(() -> mailboxes.sender(mailbox).test());
        imap.configured().stream()
                .filter(a -> a.mailboxId() == id)
                .findFirst()
                .ifPresent(account -> result.put("imap", outcome(() -> inbox.test(account))));
        return result;
    }

    private static Map<String, Object> outcome(Runnable check) {
        Map<String, Object> result = new LinkedHashMap<>();
        try {
            check.run();
            result.put("ok", true);
        } catch (ExternalServiceException e) {
            result.put("ok", false);
            result.put("kind", e.kind().name());
            result.put("error", e.getMessage());
        }
        return result;
    }
}
