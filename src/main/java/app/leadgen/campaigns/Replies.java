package app.leadgen.campaigns;

import app.leadgen.support.ExternalServiceException;
import app.leadgen.suppressions.Reason;
import app.leadgen.suppressions.Suppressions;
import app.leadgen.tracking.MailTracking;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Replies and bounce reports from the mailboxes' inboxes (the recurring JobRunr job calls {@link
 * #check}). A mail whose {@code In-Reply-To} or {@code References} names the Message-ID of one of our
 * sent messages is a reply: a {@code reply} event, and the contact becomes {@code replied}, so later
 * steps of every campaign skip it ({@link SendLoop}) and the campaign counts it. A delivery status
 * notification of a permanent failure is a hard bounce, as an SMTP 5xx is ({@link Delivery}): the
 * message {@code FAILED}, the address suppressed, the mailbox's bounce rate checked. Anything else in
 * the inbox is left alone.
 */
@Component
class Replies {

    private static final Logger log = LoggerFactory.getLogger(Replies.class);
    static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final MailboxImap imap;
    private final ImapInbox inbox;
    private final MailTracking tracking;
    private final Delivery delivery;
    private final Suppressions suppressions;
    private final Clock clock;

    Replies(
            JdbcClient jdbc,
            MailboxImap imap,
            ImapInbox inbox,
            MailTracking tracking,
            Delivery delivery,
            Suppressions suppressions,
            Clock clock) {
        this.jdbc = jdbc;
        this.imap = imap;
        this.inbox = inbox;
        this.tracking = tracking;
        this.delivery = delivery;
        this.suppressions = suppressions;
        this.clock = clock;
    }

    /** What one look at the inboxes found. */
    record Found(int replies, int bounces) {}

    /** Reads every inbox once; an inbox that cannot be read says why on its mailbox ({@code imapError}). */
    synchronized Found check() {
        int replies = 0;
        int bounces = 0;
        for (MailboxImap.Account account : imap.configured()) {
            try {
                ImapInbox.Batch batch = inbox.read(account, BATCH);
                for (InboundMail mail : batch.mails()) {
                    if (mail.bounce() != null) {
                        bounces += bounce(account.mailboxId(), mail) ? 1 : 0;
                    } else {
                        replies += reply(mail) ? 1 : 0;
                    }
                }
                if (batch.lastUid() > 0) {
                    imap.progress(account.mailboxId(), batch.uidValidity(), batch.lastUid());
                }
                imap.checked(account.mailboxId(), clock.instant(), null);
            } catch (ExternalServiceException e) {
                log.warn("inbox of mailbox {} not read: {}", account.mailboxId(), e.getMessage());
                imap.checked(account.mailboxId(), clock.instant(), e.kind().name() + ": " + e.getMessage());
            } catch (RuntimeException e) {
                // the next inbox is read all the same; this one is read again from where it stood
                log.warn("inbox of mailbox {} not handled", account.mailboxId(), e);
                imap.checked(
                        account.mailboxId(),
                        clock.instant(),
                        "ERROR: " + e.getClass().getSimpleName());
            }
        }
        return new Found(replies, bounces);
    }

    private record Ours(long id, Long trackedMailId, String to, Long mailboxId, String status) {}

    private boolean reply(InboundMail mail) {
        Optional<Ours> ours = byMessageId(mail.refersTo());
        if (ours.isEmpty() || ours.get().trackedMailId() == null) {
            return false;
        }
        String detail = "from " + mail.from() + ": " + mail.subject();
        boolean first = tracking.replied(ours.get().trackedMailId(), mail.automatic(), detail, clock.instant());
        return first && !mail.automatic();
    }

    private boolean bounce(long inboxMailboxId, InboundMail mail) {
        InboundMail.Bounce b = mail.bounce();
        Optional<Ours> ours = byMessageId(b.originalIds());
        if (ours.isEmpty()) {
            ours = byMessageId(mail.refersTo());
        }
        if (ours.isEmpty() && b.recipient() != null) {
            // a report that returned neither headers nor a Message-ID: our last mail to that address
            ours = jdbc.sql("select id, tracked_mail_id, to_address, mailbox_id, status from campaign_messages where"
                            + " lower(to_address) = :to and mailbox_id = :mb and status = 'SENT' order by sent_at desc"
                            + " limit 1")
                    .param("to", b.recipient().toLowerCase(Locale.ROOT))
                    .param("mb", inboxMailboxId)
                    .query(Replies::ours)
                    .optional();
        }
        if (ours.isEmpty()) {
            return false;
        }
        Ours m = ours.get();
        String status = b.status() == null ? "5.0.0" : b.status();
        String error = "hard_bounce " + status + ": " + (b.diagnostic() == null ? "bounce report" : b.diagnostic())
                + " (delivery status notification)";
        jdbc.sql("update campaign_messages set status = 'FAILED', error = :e, updated_at = :now where id = :id and"
                        + " status = 'SENT'")
                .param("e", error.length() > 2000 ? error.substring(0, 2000) : error)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", m.id())
                .update();
        // the address we sent to: a report may name a forwarding target as its final recipient
        String recipient = m.to() != null ? m.to() : b.recipient();
        boolean first = m.trackedMailId() != null && tracking.bounced(m.trackedMailId(), recipient, error);
        if (m.trackedMailId() == null) {
            suppressions.suppress(recipient, Reason.BOUNCED);
        }
        if (m.mailboxId() != null) {
            delivery.checkBounceRate(m.mailboxId());
        }
        return first;
    }

    private Optional<Ours> byMessageId(Set<String> ids) {
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        List<String> some = ids.stream().limit(100).toList();
        return jdbc.sql("select id, tracked_mail_id, to_address, mailbox_id, status from campaign_messages where"
                        + " message_id in (:ids) order by id desc limit 1")
                .param("ids", some)
                .query(Replies::ours)
                .optional();
    }

    private static Ours ours(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Ours(
                rs.getLong("id"),
                (Long) rs.getObject("tracked_mail_id", Long.class),
                rs.getString("to_address"),
                (Long) rs.getObject("mailbox_id", Long.class),
                rs.getString("status"));
    }
}
