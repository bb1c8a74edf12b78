package app.leadgen.tracking;

import app.leadgen.book.ContactStatus;
import app.leadgen.book.LeadBook;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens and clicks written together: one batched insert and one commit for many events, then the
 * contacts of the human ones moved along seed 002 §6 (a first open makes a sent contact {@code opened},
 * a click makes it {@code clicked}; never backwards). An event of a mail that is gone by now (its
 * person was forgotten) is dropped by the insert itself.
 *
 * <p>On PostgreSQL the commit does not wait for the WAL flush ({@code synchronous_commit = off} for
 * this transaction only): a crash of the database server may lose the last fraction of a second of
 * opens and clicks; unsubscribes and bounces ({@link EventLog}) keep the durable commit.
 */
@Component
class EventBatch {

    /** An open or a click as the request saw it. */
    record Event(
            long mailId,
            Long contactId,
            EventType type,
            boolean machine,
            String url,
            String ip,
            String userAgent,
            Instant at) {}

    static final Set<ContactStatus> BEFORE_OPENED =
            EnumSet.of(ContactStatus.DISCOVERED, ContactStatus.QUALIFIED, ContactStatus.EMAIL_SENT);
    static final Set<ContactStatus> BEFORE_CLICKED = EnumSet.of(
            ContactStatus.DISCOVERED, ContactStatus.QUALIFIED, ContactStatus.EMAIL_SENT, ContactStatus.OPENED);
    /** One statement for many events; the join drops an event whose mail is gone (its person was forgotten). */
    private static final String INSERT =
            "insert into email_events (mail_id, contact_id, event_type, machine, url, ip, user_agent, occurred_at)"
                    + " select t.id, v.contact_id, v.event_type, v.machine, v.url, v.ip, v.user_agent, v.occurred_at"
                    + " from (values %s) as v (mail_id, contact_id, event_type, machine, url, ip, user_agent,"
                    + " occurred_at) join tracked_mails t on t.id = v.mail_id";

    // PostgreSQL types a timestamp parameter only from its use, and inside VALUES that is text
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, cast(? as timestamp with time zone))";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final LeadBook book;
    private final boolean postgres;

    EventBatch(JdbcTemplate jdbc, PlatformTransactionManager transactions, LeadBook book) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.book = book;
        this.postgres = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection con) ->
                con.getMetaData().getDatabaseProductName().contains("PostgreSQL")));
    }

    void write(List<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            if (postgres) {
                jdbc.execute("set local synchronous_commit to off");
            }
            String sql = INSERT.formatted(String.join(", ", java.util.Collections.nCopies(events.size(), ROW)));
            jdbc.update(sql, ps -> {
                int i = 1;
                for (Event e : events) {
                    i = bind(ps, i, e);
                }
            });
            advance(events);
        });
    }

    /** Per contact the furthest human step of this batch, one update each. */
    private void advance(List<Event> events) {
        Map<Long, EventType> furthest = new LinkedHashMap<>();
        for (Event e : events) {
            if (!e.machine() && e.contactId() != null) {
                furthest.merge(e.contactId(), e.type(), (a, b) -> a == EventType.CLICK ? a : b);
            }
        }
        furthest.forEach((contact, type) -> {
            if (type == EventType.CLICK) {
                book.advanceStatus(contact, ContactStatus.CLICKED, BEFORE_CLICKED);
            } else {
                book.advanceStatus(contact, ContactStatus.OPENED, BEFORE_OPENED);
            }
        });
    }

    private static int bind(PreparedStatement ps, int i, Event e) throws SQLException {
        ps.setLong(i, e.mailId());
        if (e.contactId() == null) {
            ps.setNull(i + 1, Types.BIGINT);
        } else {
            ps.setLong(i + 1, e.contactId());
        }
        ps.setString(i + 2, e.type().value());
        ps.setBoolean(i + 3, e.machine());
        ps.setString(i + 4, cut(e.url(), 2000));
        ps.setString(i + 5, cut(e.ip(), 64));
        ps.setString(i + 6, cut(e.userAgent(), 500));
        ps.setTimestamp(i + 7, Timestamp.from(e.at()));
        return i + 8;
    }

    static String cut(String text, int max) {
        if (text == null) {
            return null;
        }
        String clean = text;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) { // rare: only then a pattern and a copy
                clean = text.replaceAll("\\p{Cntrl}", " ");
                break;
            }
        }
        return clean.length() > max ? clean.substring(0, max) : clean;
    }
}
