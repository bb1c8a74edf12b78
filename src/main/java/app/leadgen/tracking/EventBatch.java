package app.leadgen.tracking;

import app.leadgen.book.ContactStatus;
import app.leadgen.book.LeadBook;
import java.sql.Connection;
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
    /**
     * One statement for many events; the join drops an event whose mail is gone (its person was forgotten), and
     * its lock ({@link MailLock}) keeps an erase from missing an event written meanwhile.
     */
    private static final String INSERT =
            "insert into email_events (mail_id, contact_id, event_type, machine, url, ip, user_agent, occurred_at)"
                    + " select t.id, v.contact_id, v.event_type, v.machine, v.url, v.ip, v.user_agent, v.occurred_at"
                    + " from (values %s) as v (mail_id, contact_id, event_type, machine, url, ip, user_agent,"
                    + " occurred_at) join tracked_mails t on t.id = v.mail_id%s";

    // PostgreSQL types a timestamp parameter only from its use, and inside VALUES that is text
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, cast(? as timestamp with time zone))";
    /**
     * PostgreSQL: the same with one array per column, so the statement's text is the same for every batch
     * (prepared once, not parsed and planned again for each batch size) and eight parameters are bound
     * instead of eight per event: the writer's JDBC work had been a third of the JVM's profile under load.
     */
    private static final String INSERT_ARRAYS =
            "insert into email_events (mail_id, contact_id, event_type, machine, url, ip, user_agent, occurred_at)"
                    + " select t.id, v.contact_id, v.event_type, v.machine, v.url, v.ip, v.user_agent, v.occurred_at"
                    + " from unnest(cast(? as bigint[]), cast(? as bigint[]), cast(? as text[]), cast(? as boolean[]),"
                    + " cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as timestamptz[]))"
                    + " as v (mail_id, contact_id, event_type, machine, url, ip, user_agent, occurred_at)"
                    + " join tracked_mails t on t.id = v.mail_id";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final LeadBook book;
    private final boolean postgres;
    private final String lock;
    private final String insertArrays;

    EventBatch(JdbcTemplate jdbc, PlatformTransactionManager transactions, LeadBook book, MailLock lock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.book = book;
        this.postgres = lock.postgres();
        this.lock = lock.clause();
        this.insertArrays = INSERT_ARRAYS + this.lock;
    }

    void write(List<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            if (postgres) {
                jdbc.execute("set local synchronous_commit to off");
            }
            if (postgres) {
                jdbc.update(con -> bindArrays(con, insertArrays, events));
            } else {
                String sql =
                        INSERT.formatted(String.join(", ", java.util.Collections.nCopies(events.size(), ROW)), lock);
                jdbc.update(sql, ps -> {
                    int i = 1;
                    for (Event e : events) {
                        i = bind(ps, i, e);
                    }
                });
            }
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

    private static PreparedStatement bindArrays(Connection con, String sql, List<Event> events) throws SQLException {
        int n = events.size();
        Long[] mails = new Long[n];
        Long[] contacts = new Long[n];
        String[] types = new String[n];
        Boolean[] machines = new Boolean[n];
        String[] urls = new String[n];
        String[] ips = new String[n];
        String[] agents = new String[n];
        String[] times = new String[n];
        for (int i = 0; i < n; i++) {
            Event e = events.get(i);
            mails[i] = e.mailId();
            contacts[i] = e.contactId();
            types[i] = e.type().value();
            machines[i] = e.machine();
            urls[i] = cut(e.url(), 2000);
            ips[i] = cut(e.ip(), 64);
            agents[i] = cut(e.userAgent(), 500);
            times[i] = e.at().toString(); // ISO-8601 in UTC, which PostgreSQL reads as it is
        }
        PreparedStatement ps = con.prepareStatement(sql);
        ps.setArray(1, con.createArrayOf("bigint", mails));
        ps.setArray(2, con.createArrayOf("bigint", contacts));
        ps.setArray(3, con.createArrayOf("text", types));
        ps.setArray(4, con.createArrayOf("boolean", machines));
        ps.setArray(5, con.createArrayOf("text", urls));
        ps.setArray(6, con.createArrayOf("text", ips));
        ps.setArray(7, con.createArrayOf("text", agents));
        ps.setArray(8, con.createArrayOf("text", times));
        return ps;
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
