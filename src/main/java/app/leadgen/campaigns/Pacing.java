package app.leadgen.campaigns;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pace, kept in the database so it holds across all instances together: a message is claimed
 * for sending in one transaction that first locks its mailbox's row ({@code select … for update}),
 * so claims of one mailbox are taken one after the other on every instance; inside it the interval
 * (from {@code mailboxes.last_send_at}), the hourly and daily caps (claims in {@code
 * campaign_messages}), the recipient domain's gap ({@code send_domains}, a compare-and-set) and the
 * message's own compare-and-set ({@code QUEUED}/{@code APPROVED} → {@code SENDING}) must all pass.
 *
 * <p>The claim stamps the mailbox's and the domain's time, and {@link #finished} stamps them again
 * when the provider has answered: the interval and the gap count from the end of a send, not from
 * its start, and a mailbox with an interval has one send in flight at a time. Counted from the claim
 * alone, a slow send on one instance (a first connection took over half a second in the two-instance
 * test) let another instance's next mail follow it closer than the interval, or even overtake it.
 */
@Component
class Pacing {

    enum Claim {
        CLAIMED,
        /** interval or a cap: no message of this mailbox may go now */
        MAILBOX_BUSY,
        /** the recipient's domain had a mail too recently: another message may go */
        DOMAIN_BUSY,
        /** another instance took the message, or it changed */
        LOST
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final CampaignProperties properties;
    private final Clock clock;

    Pacing(JdbcClient jdbc, TransactionTemplate tx, CampaignProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    Claim claim(long messageId, String expectedStatus, String domain, long mailboxId, String instance) {
        if (domain != null) {
            try {
                jdbc.sql("insert into send_domains (domain) select :d where not exists"
                                + " (select 1 from send_domains where domain = :d)")
                        .param("d", domain)
                        .update();
            } catch (DuplicateKeyException anotherInstanceAddedIt) {
                // the row is there, which is all we need
            }
        }
        return tx.execute(status -> {
            Instant now = clock.instant();
            record Box(Instant last, int daily, int hourly, int interval) {}
            Optional<Box> box = jdbc.sql("select last_send_at, daily_cap, hourly_cap, interval_seconds from mailboxes"
                            + " where id = :id for update")
                    .param("id", mailboxId)
                    .query((rs, n) -> new Box(
                            CampaignStore.instant(rs, "last_send_at"),
                            rs.getInt("daily_cap"),
                            rs.getInt("hourly_cap"),
                            rs.getInt("interval_seconds")))
                    .optional();
            if (box.isEmpty()) {
                return Claim.MAILBOX_BUSY;
            }
            Box b = box.get();
            if (b.last() != null && b.last().plusSeconds(b.interval()).isAfter(now)) {
                return Claim.MAILBOX_BUSY;
            }
            if (b.interval() > 0 && inFlight(mailboxId)) {
                return Claim.MAILBOX_BUSY; // its end starts the interval
            }
            if (claimsSince(mailboxId, now.minus(Duration.ofHours(1))) >= b.hourly()
                    || claimsSince(mailboxId, now.minus(Duration.ofDays(1))) >= b.daily()) {
                return Claim.MAILBOX_BUSY;
            }
            if (domain != null) {
                int free = jdbc.sql("update send_domains set last_send_at = :now where domain = :d and (last_send_at"
                                + " is null or last_send_at <= :limit)")
                        .param("now", Timestamp.from(now))
                        .param("d", domain)
                        .param("limit", Timestamp.from(now.minusSeconds(properties.domainGapSeconds())))
                        .update();
                if (free == 0) {
                    return Claim.DOMAIN_BUSY;
                }
            }
            int claimed = jdbc.sql("update campaign_messages set status = 'SENDING', claimed_by = :me, claimed_at ="
                            + " :now, mailbox_id = :mb, updated_at = :now where id = :id and status = :expected")
                    .param("me", instance)
                    .param("now", Timestamp.from(now))
                    .param("mb", mailboxId)
                    .param("id", messageId)
                    .param("expected", expectedStatus)
                    .update();
            if (claimed == 0) {
                status.setRollbackOnly(); // the domain's time was not used
                return Claim.LOST;
            }
            jdbc.sql("update mailboxes set last_send_at = :now where id = :id")
                    .param("now", Timestamp.from(now))
                    .param("id", mailboxId)
                    .update();
            return Claim.CLAIMED;
        });
    }

    /**
     * The provider answered (or the send ended otherwise): the mailbox's interval and the domain's gap
     * count from now. Only ever moves the times forward (another mailbox may have used the domain since).
     */
    void finished(long mailboxId, String domain) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("update mailboxes set last_send_at = :now where id = :id and (last_send_at is null or last_send_at"
                        + " < :now)")
                .param("now", now)
                .param("id", mailboxId)
                .update();
        if (domain != null) {
            jdbc.sql("update send_domains set last_send_at = :now where domain = :d and (last_send_at is null or"
                            + " last_send_at < :now)")
                    .param("now", now)
                    .param("d", domain)
                    .update();
        }
    }

    /** A message of the mailbox is being sent (on any instance); one left by a dead one ends with the lease. */
    private boolean inFlight(long mailboxId) {
        return jdbc.sql("select count(*) from campaign_messages where mailbox_id = :mb and status = 'SENDING'")
                        .param("mb", mailboxId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private long claimsSince(long mailboxId, Instant since) {
        return jdbc.sql("select count(*) from campaign_messages where mailbox_id = :mb and claimed_at > :since")
                .param("mb", mailboxId)
                .param("since", Timestamp.from(since))
                .query(Long.class)
                .single();
    }

    /** When the campaign's next mail may go out (null: nothing to send, or not sending). */
    Instant nextSendAt(CampaignStore.Row campaign) {
        if (!campaign.status().equals("SENDING")) {
            return null;
        }
        Instant now = clock.instant();
        record Due(long waiting, Timestamp first) {}
        Due due = jdbc.sql("select count(*) as n, min(coalesce(due_at, created_at)) as first from campaign_messages"
                        + " where campaign_id = :c and status in ('QUEUED', 'APPROVED')")
                .param("c", campaign.id())
                .query((rs, n) -> new Due(rs.getLong("n"), rs.getTimestamp("first")))
                .single();
        if (due.waiting() == 0) {
            return null;
        }
        Instant at = later(now, due.first() == null ? null : due.first().toInstant());
        record Box(Instant last, int daily, int hourly, int interval) {}
        Box b = jdbc.sql("select last_send_at, daily_cap, hourly_cap, interval_seconds from mailboxes where id = :id")
                .param("id", campaign.mailboxId())
                .query((rs, n) -> new Box(
                        CampaignStore.instant(rs, "last_send_at"),
                        rs.getInt("daily_cap"),
                        rs.getInt("hourly_cap"),
                        rs.getInt("interval_seconds")))
                .optional()
                .orElse(null);
        if (b == null) {
            return null;
        }
        if (b.last() != null) {
            at = later(at, b.last().plusSeconds(b.interval()));
        }
        at = later(at, capFree(campaign.mailboxId(), now, Duration.ofHours(1), b.hourly()));
        at = later(at, capFree(campaign.mailboxId(), now, Duration.ofDays(1), b.daily()));
        return nextWindowStart(campaign.window(), at);
    }

    /** When a cap of {@code cap} claims per {@code span} lets the next one go. */
    private Instant capFree(long mailboxId, Instant now, Duration span, int cap) {
        List<Timestamp> claims = jdbc.sql("select claimed_at from campaign_messages where mailbox_id = :mb and"
                        + " claimed_at > :since order by claimed_at desc")
                .param("mb", mailboxId)
                .param("since", Timestamp.from(now.minus(span)))
                .query(Timestamp.class)
                .list();
        if (claims.size() < cap) {
            return null;
        }
        return claims.get(cap - 1).toInstant().plus(span);
    }

    private static Instant later(Instant a, Instant b) {
        return b == null || a.isAfter(b) ? a : b;
    }

    static boolean inWindow(CampaignSpec.Window w, Instant now) {
        return now.equals(nextWindowStart(w, now));
    }

    /** {@code at} when it is inside the window, else the window's next opening. */
    static Instant nextWindowStart(CampaignSpec.Window w, Instant at) {
        ZoneId zone = ZoneId.of(w.zone());
        LocalTime from = LocalTime.parse(w.from());
        LocalTime to = LocalTime.parse(w.to());
        ZonedDateTime t = at.atZone(zone);
        for (int i = 0; i < 8; i++) {
            LocalDate day = t.toLocalDate().plusDays(i);
            DayOfWeek dow = day.getDayOfWeek();
            if (!w.days().contains(dow.name())) {
                continue;
            }
            if (i == 0) {
                LocalTime time = t.toLocalTime();
                if (!time.isBefore(from) && time.isBefore(to)) {
                    return at;
                }
                if (time.isBefore(from)) {
                    return day.atTime(from).atZone(zone).toInstant();
                }
                continue;
            }
            return day.atTime(from).atZone(zone).toInstant();
        }
        return null; // a window without days: never
    }
}
