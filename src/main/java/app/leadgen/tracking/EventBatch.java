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
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
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
    private static final String INSERT =
            "insert into email_events (mail_id, contact_id, event_type, machine, url, ip, user_agent, occurred_at)"
                    + " select id, ?, ?, ?, ?, ?, ?, ? from tracked_mails where id = ?";

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
            jdbc.batchUpdate(INSERT, new Rows(events));
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

    private record Rows(List<Event> events) implements BatchPreparedStatementSetter {
        @Override
        public void setValues(PreparedStatement ps, int i) throws SQLException {
            Event e = events.get(i);
            if (e.contactId() == null) {
                ps.setNull(1, Types.BIGINT);
            } else {
                ps.setLong(1, e.contactId());
            }
            ps.setString(2, e.type().value());
            ps.setBoolean(3, e.machine());
            ps.setString(4, cut(e.url(), 2000));
            ps.setString(5, cut(e.ip(), 64));
            ps.setString(6, cut(e.userAgent(), 500));
            ps.setTimestamp(7, Timestamp.from(e.at()));
            ps.setLong(8, e.mailId());
        }

        @Override
        public int getBatchSize() {
            return events.size();
        }
    }

    static String cut(String text, int max) {
        if (text == null) {
            return null;
        }
        // most texts have no control character: no copy and no pattern then
        String clean = text.chars().anyMatch(Character::isISOControl) ? text.replaceAll("\\p{Cntrl}", " ") : text;
        return clean.length() > max ? clean.substring(0, max) : clean;
    }
}
