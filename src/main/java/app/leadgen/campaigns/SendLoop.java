package app.leadgen.campaigns;

import app.leadgen.suppressions.Suppressions;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One pass of the send loop over the outbox (the recurring JobRunr job calls {@link #tick}). First,
 * a message claimed longer ago than the lease without an outcome (its instance died mid-send) becomes
 * {@code UNKNOWN}: it may have gone out, so it is never resent by itself. Then, for every sending
 * campaign inside its window, the due messages in order: skipped with a reason when they must not go
 * (suppressed, no mail domain, mailed by another campaign lately, a follow-up whose contact replied),
 * else claimed ({@link Pacing}) and handed to {@link Delivery}.
 */
@Component
class SendLoop {

    private static final Logger log = LoggerFactory.getLogger(SendLoop.class);
    private static final int BATCH = 200;

    /** This process, as claims name it (new per start: a restarted instance is another one). */
    final String instance = host() + "-" + UUID.randomUUID().toString().substring(0, 8);

    private final JdbcClient jdbc;
    private final CampaignStore campaigns;
    private final Mailboxes mailboxes;
    private final Pacing pacing;
    private final Delivery delivery;
    private final Suppressions suppressions;
    private final CampaignProperties properties;
    private final Clock clock;

    SendLoop(
            JdbcClient jdbc,
            CampaignStore campaigns,
            Mailboxes mailboxes,
            Pacing pacing,
            Delivery delivery,
            Suppressions suppressions,
            CampaignProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.mailboxes = mailboxes;
        this.pacing = pacing;
        this.delivery = delivery;
        this.suppressions = suppressions;
        this.properties = properties;
        this.clock = clock;
    }

    private record Candidate(long id, long contactId, int step, String to, String domain, String status) {}

    /** Returns how many messages were handed to a provider. */
    synchronized int tick() {
        markUnknown();
        int sent = 0;
        for (CampaignStore.Row campaign : campaigns.withStatus("SENDING")) {
            if (!Pacing.inWindow(campaign.window(), clock.instant())) {
                continue;
            }
            Optional<Mailbox> mailbox = mailboxes.find(campaign.mailboxId());
            if (mailbox.isEmpty()) {
                campaigns.move(campaign.id(), List.of("SENDING"), "PAUSED", "mailbox_missing");
                continue;
            }
            sent += sendDue(campaign, mailbox.get());
            completeIfDone(campaign.id());
        }
        return sent;
    }

    /** Claimed before the lease and still SENDING: the outcome is unknown, and it stays so. */
    int markUnknown() {
        Instant now = clock.instant();
        int n = jdbc.sql("update campaign_messages set status = 'UNKNOWN', error = :e, updated_at = :now"
                        + " where status = 'SENDING' and claimed_at < :stale")
                .param("e", "claimed, no outcome recorded (the sending instance stopped?)")
                .param("now", Timestamp.from(now))
                .param("stale", Timestamp.from(now.minus(properties.sendLease())))
                .update();
        if (n > 0) {
            log.warn("{} message(s) left SENDING past the lease are UNKNOWN and will not be resent", n);
        }
        return n;
    }

    private int sendDue(CampaignStore.Row campaign, Mailbox mailbox) {
        int sent = 0;
        while (true) {
            List<Candidate> due = jdbc.sql("select id, contact_id, step, to_address, to_domain, status from"
                            + " campaign_messages where campaign_id = :c and status in ('QUEUED', 'APPROVED') and"
                            + " (due_at is null or due_at <= :now) order by step, id limit " + BATCH)
                    .param("c", campaign.id())
                    .param("now", Timestamp.from(clock.instant()))
                    .query((rs, n) -> new Candidate(
                            rs.getLong("id"),
                            rs.getLong("contact_id"),
                            rs.getInt("step"),
                            rs.getString("to_address"),
                            rs.getString("to_domain"),
                            rs.getString("status")))
                    .list();
            boolean moved = false;
            for (Candidate m : due) {
                if (!stillSending(campaign.id()) || !Pacing.inWindow(campaign.window(), clock.instant())) {
                    return sent; // paused or stopped meanwhile, or the window closed during a long pass
                }
                String skip = skipReason(campaign, m);
                if (WAIT.equals(skip)) {
                    continue;
                }
                if (skip != null) {
                    moved |= skip(m, skip);
                    continue;
                }
                Pacing.Claim claim = pacing.claim(m.id(), m.status(), m.domain(), mailbox.id(), instance);
                if (claim == Pacing.Claim.MAILBOX_BUSY) {
                    return sent;
                }
                if (claim == Pacing.Claim.CLAIMED) {
                    try {
                        delivery.deliver(campaign, mailbox, m.id());
                    } finally {
                        pacing.finished(mailbox.id(), m.domain());
                    }
                    sent++;
                    moved = true;
                }
            }
            if (!moved) {
                return sent;
            }
        }
    }

    private static final String WAIT = "wait";

    /** Why this message must not go (a skip reason), {@link #WAIT} for a follow-up not due yet, or null. */
    private String skipReason(CampaignStore.Row campaign, Candidate m) {
        if (m.to() == null || m.domain() == null) {
            return "no_address";
        }
        Optional<String> suppressed = suppressions.reasonFor(m.to());
        if (suppressed.isPresent()) {
            String reason = suppressed.get();
            return reason.equals("unsubscribed") || reason.equals("bounced") ? reason : "suppressed";
        }
        record Contact(String emailCheck, String status) {}
        Optional<Contact> contact = jdbc.sql("select email_check, status from contacts where id = :id")
                .param("id", m.contactId())
                .query((rs, n) -> new Contact(rs.getString("email_check"), rs.getString("status")))
                .optional();
        if (contact.isEmpty()) {
            return "no_address"; // forgotten meanwhile
        }
        if ("no_domain".equals(contact.get().emailCheck())) {
            return "no_domain";
        }
        if (m.step() > 0) {
            if (List.of("replied", "converted").contains(contact.get().status())) {
                return "replied";
            }
            String gate = followUpGate(campaign, m);
            if (gate != null) {
                return gate;
            }
        }
        Instant since = clock.instant().minus(Duration.ofDays(properties.cooldownDays()));
        long elsewhere = jdbc.sql("select count(*) from campaign_messages where contact_id = :contact and"
                        + " campaign_id <> :c and status in ('SENT', 'SENDING', 'UNKNOWN') and claimed_at > :since")
                .param("contact", m.contactId())
                .param("c", campaign.id())
                .param("since", Timestamp.from(since))
                .query(Long.class)
                .single();
        return elsewhere > 0 ? "cooldown" : null;
    }

    /** A follow-up goes N days after the previous step was sent; it is skipped when that one never went. */
    private String followUpGate(CampaignStore.Row campaign, Candidate m) {
        record Previous(String status, Timestamp sentAt) {}
        Optional<Previous> previous = jdbc.sql("select status, sent_at from campaign_messages where campaign_id = :c"
                        + " and contact_id = :contact and step = :step")
                .param("c", campaign.id())
                .param("contact", m.contactId())
                .param("step", m.step() - 1)
                .query((rs, n) -> new Previous(rs.getString("status"), rs.getTimestamp("sent_at")))
                .optional();
        if (previous.isEmpty()
                || List.of("SKIPPED", "FAILED", "UNKNOWN")
                        .contains(previous.get().status())) {
            return "previous_step";
        }
        if (!previous.get().status().equals("SENT")) {
            return WAIT;
        }
        int delay = campaign.steps().get(m.step()).delayDays();
        Instant due = previous.get().sentAt().toInstant().plus(Duration.ofDays(delay));
        if (due.isAfter(clock.instant())) {
            jdbc.sql("update campaign_messages set due_at = :due where id = :id")
                    .param("due", Timestamp.from(due))
                    .param("id", m.id())
                    .update();
            return WAIT;
        }
        return null;
    }

    private boolean skip(Candidate m, String reason) {
        return jdbc.sql("update campaign_messages set status = 'SKIPPED', skip_reason = :r, updated_at = :now"
                                + " where id = :id and status = :expected")
                        .param("r", reason)
                        .param("now", Timestamp.from(clock.instant()))
                        .param("id", m.id())
                        .param("expected", m.status())
                        .update()
                > 0;
    }

    private boolean stillSending(long campaignId) {
        return campaigns.find(campaignId).map(c -> c.status().equals("SENDING")).orElse(false);
    }

    /** Nothing left to send, being sent or waiting for approval: the campaign is done. */
    private void completeIfDone(long campaignId) {
        long open = jdbc.sql("select count(*) from campaign_messages where campaign_id = :c and status in"
                        + " ('DRAFTED', 'APPROVED', 'QUEUED', 'SENDING')")
                .param("c", campaignId)
                .query(Long.class)
                .single();
        if (open == 0) {
            campaigns.move(campaignId, List.of("SENDING"), "COMPLETED", null);
        }
    }

    private static String host() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                host = "instance";
            }
        }
        String clean = host.replaceAll("[^A-Za-z0-9.-]", "");
        return clean.length() > 40 ? clean.substring(0, 40) : clean;
    }
}
