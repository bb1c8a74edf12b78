package app.leadgen.campaigns;

import app.leadgen.book.ContactStatus;
import app.leadgen.book.LeadBook;
import app.leadgen.outreach.Attachment;
import app.leadgen.outreach.MailComposer;
import app.leadgen.outreach.MailSender;
import app.leadgen.outreach.MimeMessages;
import app.leadgen.outreach.OutgoingMail;
import app.leadgen.support.ExternalServiceException;
import app.leadgen.support.FailureKind;
import app.leadgen.tracking.MailTracking;
import app.leadgen.tracking.TrackedMail;
import jakarta.mail.internet.InternetAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sends one claimed message ({@code SENDING}) and records the outcome: {@code SENT} with its
 * Message-ID; an SMTP 5xx for the recipient {@code FAILED} and the address suppressed (hard bounce),
 * which may pause the mailbox's campaigns; a 4xx or a lost connection back to the queue with a
 * growing back-off, {@code FAILED} after the last attempt. Anything that fails before the provider
 * is called is {@code FAILED} at once; a crash during the call leaves it {@code SENDING}, which the
 * loop turns into {@code UNKNOWN}.
 */
@Component
class Delivery {

    private static final Logger log = LoggerFactory.getLogger(Delivery.class);
    static final int BOUNCE_WINDOW = 50;

    private final JdbcClient jdbc;
    private final MessageStore messages;
    private final CampaignStore campaigns;
    private final Mailboxes mailboxes;
    private final MailTracking tracking;
    private final LeadBook book;
    private final ProposalFiles proposals;
    private final SourceNotice sourceNotice;
    private final CampaignProperties properties;
    private final String postalAddress;
    private final Clock clock;

    Delivery(
            JdbcClient jdbc,
            MessageStore messages,
            CampaignStore campaigns,
            Mailboxes mailboxes,
            MailTracking tracking,
            LeadBook book,
            ProposalFiles proposals,
            SourceNotice sourceNotice,
            CampaignProperties properties,
            @Value("${leadgen.mail.postal-address:}") String postalAddress,
            Clock clock) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.campaigns = campaigns;
        this.mailboxes = mailboxes;
        this.tracking = tracking;
        this.book = book;
        this.proposals = proposals;
        this.sourceNotice = sourceNotice;
        this.properties = properties;
        this.postalAddress = postalAddress;
        this.clock = clock;
    }

    void deliver(CampaignStore.Row campaign, Mailbox mailbox, long messageId) {
        Message m = messages.find(messageId).orElseThrow();
        MailSender sender;
        OutgoingMail mail;
        TrackedMail tracked;
        try {
            sender = mailboxes.sender(mailbox);
            InternetAddress to = MimeMessages.address(m.to());
            if (to == null) {
                fail(m.id(), "bad address: " + m.to());
                return;
            }
            if (m.subject() == null
                    || m.subject().isBlank()
                    || m.body() == null
                    || m.body().isBlank()) {
                fail(m.id(), "no draft"); // never sent empty
                return;
            }
            List<String> links =
                    new java.util.ArrayList<>(campaign.trackClicks() ? MailComposer.links(m.body()) : List.of());
            // the proposal's QR code is one of the mail's links: tracked, and the redirect allows it
            String booking = campaign.attachProposal() && campaign.trackClicks()
                    ? proposals.bookingLink().orElse(null)
                    : null;
            if (booking != null && !links.contains(booking)) {
                links.add(booking);
            }
            tracked = tracking.start(m.contactId(), to.getAddress(), links);
            List<Attachment> files =
                    proposals.attachments(campaign, m, booking == null ? null : tracked.clickUrl(booking));
            mail = MailComposer.compose(
                    sender,
                    to,
                    m.subject(),
                    m.body(),
                    postalAddress,
                    campaign.sourceNotice() ? sourceNotice.forContact(m.contactId(), to.getAddress()) : null,
                    tracked,
                    campaign.trackOpens(),
                    campaign.trackClicks(),
                    files,
                    clock.instant());
            jdbc.sql("update campaign_messages set message_id = :mid, tracked_mail_id = :t where id = :id")
                    .param("mid", mail.messageId())
                    .param("t", tracked.id())
                    .param("id", m.id())
                    .update();
        } catch (ExternalServiceException e) {
            fail(m.id(), e.kind() + ": " + e.getMessage());
            if (e.kind() == FailureKind.NOT_CONFIGURED || e.kind() == FailureKind.CREDENTIALS) {
                pauseMailbox(mailbox.id(), "mailbox_" + e.kind().name().toLowerCase(java.util.Locale.ROOT));
            }
            return;
        } catch (RuntimeException e) {
            log.warn("message {} could not be built: {}", m.id(), e.toString());
            fail(m.id(), "cannot build the mail: " + e.getMessage());
            return;
        }
        try {
            sender.send(mail);
        } catch (ExternalServiceException e) {
            failed(campaign, mailbox, m, tracked, e);
            return;
        }
        Instant sentAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("update campaign_messages set status = 'SENT', sent_at = :at, error = null, updated_at = :at"
                        + " where id = :id and status = 'SENDING'")
                .param("at", Timestamp.from(sentAt))
                .param("id", m.id())
                .update();
        tracking.sent(tracked, sentAt);
        book.advanceStatus(
                m.contactId(),
                ContactStatus.EMAIL_SENT,
                List.of(ContactStatus.DISCOVERED, ContactStatus.QUALIFIED, ContactStatus.DISQUALIFIED));
    }

    private void failed(
            CampaignStore.Row campaign, Mailbox mailbox, Message m, TrackedMail tracked, ExternalServiceException e) {
        String error = e.errorType() + " " + e.status() + ": " + e.getMessage();
        if (MailSender.HARD_BOUNCE.equals(e.errorType())) {
            fail(m.id(), error);
            tracking.bounced(tracked, m.to(), e.getMessage()); // suppressed at once: no later step reaches it
            checkBounceRate(mailbox.id());
            return;
        }
        if (e.retryable()) {
            int attempts = jdbc.sql("select attempts from campaign_messages where id = :id")
                            .param("id", m.id())
                            .query(Integer.class)
                            .single()
                    + 1;
            if (attempts < properties.maxAttempts()) {
                Instant due = clock.instant().plus(properties.retryBackoff().multipliedBy(1L << (attempts - 1)));
                jdbc.sql("update campaign_messages set status = 'QUEUED', attempts = :a, due_at = :due, error = :e,"
                                + " updated_at = :now where id = :id and status = 'SENDING'")
                        .param("a", attempts)
                        .param("due", Timestamp.from(due))
                        .param("e", cut(error))
                        .param("now", Timestamp.from(clock.instant()))
                        .param("id", m.id())
                        .update();
                return;
            }
        }
        fail(m.id(), error);
        if (e.kind() == FailureKind.CREDENTIALS) {
            pauseMailbox(mailbox.id(), "mailbox_credentials");
        }
    }

    private void fail(long id, String error) {
        jdbc.sql("update campaign_messages set status = 'FAILED', error = :e, updated_at = :now where id = :id"
                        + " and status = 'SENDING'")
                .param("e", cut(error))
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
    }

    /**
     * More than 5 % of the mailbox's last 50 sends bounced: its campaigns pause and say why. A handful
     * of sends is no rate yet, so the share is taken of at least 20 (two bounces in the first twenty).
     */
    void checkBounceRate(long mailboxId) {
        List<String> last = jdbc.sql("select case when error like 'hard_bounce%' then 'b' else 's' end from"
                        + " campaign_messages where mailbox_id = :mb and status in ('SENT', 'FAILED') and claimed_at is"
                        + " not null order by claimed_at desc limit " + BOUNCE_WINDOW)
                .param("mb", mailboxId)
                .query(String.class)
                .list();
        long bounced = last.stream().filter("b"::equals).count();
        if (bounced * 100 > 5L * Math.max(last.size(), 20)) {
            pauseMailbox(mailboxId, "bounce_rate");
        }
    }

    private void pauseMailbox(long mailboxId, String reason) {
        for (CampaignStore.Row c : campaigns.withStatus("SENDING")) {
            if (c.mailboxId() == mailboxId) {
                campaigns.move(c.id(), List.of("SENDING"), "PAUSED", reason);
                log.warn("campaign {} paused: {}", c.id(), reason);
            }
        }
    }

    private static String cut(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
    }
}
