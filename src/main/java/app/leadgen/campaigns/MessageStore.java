package app.leadgen.campaigns;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The outbox table {@code campaign_messages}: every change of a message's status is a compare-and-set. */
@Component
class MessageStore {

    static final List<String> STATUSES =
            List.of("DRAFTED", "APPROVED", "QUEUED", "SENDING", "SENT", "FAILED", "SKIPPED", "UNKNOWN");
    private static final String COLUMNS = "id, campaign_id, contact_id, step, to_address, subject, body_html, status,"
            + " skip_reason, error, due_at, sent_at, message_id";

    private final JdbcClient jdbc;
    private final Clock clock;

    MessageStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new message; false when the campaign already has this contact's step (a prepare run again). */
    boolean insert(
            long campaignId,
            long contactId,
            int step,
            String to,
            String subject,
            String body,
            String benefits,
            String status,
            String skipReason,
            String error) {
        Timestamp now = Timestamp.from(clock.instant());
        try {
            jdbc.sql("insert into campaign_messages (campaign_id, contact_id, step, to_address, to_domain, subject,"
                            + " body_html, benefits, status, skip_reason, error, attempts, created_at, updated_at)"
                            + " values (:c, :contact, :step, :to, :domain, :subject, :body, :benefits, :status, :skip,"
                            + " :error, 0, :now, :now)")
                    .param("c", campaignId)
                    .param("contact", contactId)
                    .param("step", step)
                    .param("to", to)
                    .param("domain", domain(to))
                    .param("subject", subject)
                    .param("body", body)
                    .param("benefits", benefits)
                    .param("status", status)
                    .param("skip", skipReason)
                    .param("error", error == null || error.length() <= 2000 ? error : error.substring(0, 2000))
                    .param("now", now)
                    .update();
            return true;
        } catch (DuplicateKeyException preparedBefore) {
            return false;
        }
    }

    boolean exists(long campaignId, long contactId, int step) {
        return jdbc.sql("select count(*) from campaign_messages where campaign_id = :c and contact_id = :contact"
                                + " and step = :step")
                        .param("c", campaignId)
                        .param("contact", contactId)
                        .param("step", step)
                        .query(Long.class)
                        .single()
                > 0;
    }

    static String domain(String address) {
        if (address == null || !address.contains("@")) {
            return null;
        }
        return address.substring(address.lastIndexOf('@') + 1).strip().toLowerCase(java.util.Locale.ROOT);
    }

    Optional<Message> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from campaign_messages where id = :id")
                .param("id", id)
                .query(MessageStore::row)
                .optional();
    }

    List<Message> page(long campaignId, String status, int page, int size) {
        String where = " where campaign_id = :c" + (status == null ? "" : " and status = :s");
        var sql = jdbc.sql("select " + COLUMNS + " from campaign_messages" + where
                        + " order by step, id limit :limit offset :offset")
                .param("c", campaignId)
                .param("limit", size)
                .param("offset", (long) page * size);
        if (status != null) {
            sql = sql.param("s", status);
        }
        return sql.query(MessageStore::row).list();
    }

    long count(long campaignId, String status) {
        var sql = jdbc.sql("select count(*) from campaign_messages where campaign_id = :c"
                        + (status == null ? "" : " and status = :s"))
                .param("c", campaignId);
        if (status != null) {
            sql = sql.param("s", status);
        }
        return sql.query(Long.class).single();
    }

    /** Subject and body of a message not sent yet (DRAFTED, APPROVED, QUEUED, FAILED); false otherwise. */
    boolean edit(long id, String subject, String body) {
        return jdbc.sql("update campaign_messages set subject = :s, body_html = :b, updated_at = :now where id = :id"
                                + " and status in ('DRAFTED', 'APPROVED', 'QUEUED', 'FAILED')")
                        .param("s", subject)
                        .param("b", body)
                        .param("now", Timestamp.from(clock.instant()))
                        .param("id", id)
                        .update()
                > 0;
    }

    int approve(long campaignId, Long messageId) {
        var sql = jdbc.sql("update campaign_messages set status = 'APPROVED', updated_at = :now where campaign_id = :c"
                        + (messageId == null ? "" : " and id = :id")
                        + " and status = 'DRAFTED' and subject is not null and body_html is not null")
                .param("now", Timestamp.from(clock.instant()))
                .param("c", campaignId);
        return (messageId == null ? sql : sql.param("id", messageId)).update();
    }

    /** Failed messages with a draft go back to the queue; nothing else is touched. */
    int retryFailed(long campaignId) {
        return jdbc.sql("update campaign_messages set status = 'QUEUED', error = null, attempts = 0, due_at = null,"
                        + " updated_at = :now where campaign_id = :c and status = 'FAILED' and subject is not null"
                        + " and body_html is not null")
                .param("now", Timestamp.from(clock.instant()))
                .param("c", campaignId)
                .update();
    }

    /** Failed drafts (no subject or body): the next prepare writes them again. */
    int forgetFailedDrafts(long campaignId) {
        return jdbc.sql("delete from campaign_messages where campaign_id = :c and status = 'FAILED'"
                        + " and (subject is null or body_html is null)")
                .param("c", campaignId)
                .update();
    }

    /** Counts of issue #12 (messages, not events): a state breakdown plus what the recipients did. */
    Map<String, Long> counts(long campaignId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(
                "audience",
                jdbc.sql("select count(*) from campaign_messages where campaign_id = :c and step = 0")
                        .param("c", campaignId)
                        .query(Long.class)
                        .single());
        Map<String, Long> byStatus = new LinkedHashMap<>();
        jdbc.sql("select status, count(*) as n from campaign_messages where campaign_id = :c group by status")
                .param("c", campaignId)
                .query((rs, n) -> byStatus.put(rs.getString("status"), rs.getLong("n")))
                .list();
        for (String status : List.of("DRAFTED", "APPROVED", "QUEUED", "SENT", "FAILED", "SKIPPED", "UNKNOWN")) {
            counts.put(status.toLowerCase(java.util.Locale.ROOT), byStatus.getOrDefault(status, 0L));
        }
        jdbc.sql("select count(distinct case when e.event_type = 'open' then m.id end) as opened,"
                        + " count(distinct case when e.event_type = 'open' and not e.machine then m.id end) as oh,"
                        + " count(distinct case when e.event_type = 'click' then m.id end) as clicked,"
                        + " count(distinct case when e.event_type = 'click' and not e.machine then m.id end) as ch,"
                        + " count(distinct case when e.event_type = 'unsubscribe' then m.id end) as unsub,"
                        + " count(distinct case when e.event_type = 'bounce' then m.id end) as bounced"
                        + " from campaign_messages m join email_events e on e.mail_id = m.tracked_mail_id"
                        + " where m.campaign_id = :c")
                .param("c", campaignId)
                .query((rs, n) -> {
                    counts.put("opened", rs.getLong("opened"));
                    counts.put("openedHuman", rs.getLong("oh"));
                    counts.put("clicked", rs.getLong("clicked"));
                    counts.put("clickedHuman", rs.getLong("ch"));
                    counts.put("unsubscribed", rs.getLong("unsub"));
                    counts.put("bounced", rs.getLong("bounced"));
                    return null;
                })
                .list();
        counts.put(
                "replied",
                jdbc.sql(
                                "select count(distinct m.contact_id) from campaign_messages m join contacts c on c.id = m.contact_id"
                                        + " where m.campaign_id = :c and m.status = 'SENT' and c.status in ('replied', 'converted')")
                        .param("c", campaignId)
                        .query(Long.class)
                        .single());
        return counts;
    }

    static Message row(ResultSet rs, int n) throws SQLException {
        return new Message(
                rs.getLong("id"),
                rs.getLong("campaign_id"),
                rs.getLong("contact_id"),
                rs.getInt("step"),
                rs.getString("to_address"),
                rs.getString("subject"),
                rs.getString("body_html"),
                rs.getString("status"),
                rs.getString("skip_reason"),
                rs.getString("error"),
                CampaignStore.instant(rs, "due_at"),
                CampaignStore.instant(rs, "sent_at"),
                rs.getString("message_id"));
    }

    Instant now() {
        return clock.instant();
    }
}
