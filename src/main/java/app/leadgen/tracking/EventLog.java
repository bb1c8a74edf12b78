package app.leadgen.tracking;

import app.leadgen.book.ContactStatus;
import app.leadgen.book.LeadBook;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes {@code email_events} and moves the contact along seed 002 §6 on human events only: a first
 * open makes a sent contact {@code opened}, a click makes it {@code clicked} (also from {@code
 * opened}), a reply makes it {@code replied} (from any of these), never backwards; an unsubscribe or a hard bounce sets {@code unsubscribed} or {@code
 * bounced} (off the path, whatever came before, except a converted customer stays converted).
 *
 * <p>On PostgreSQL an open's or a click's row is committed without waiting for the WAL flush
 * ({@code synchronous_commit = off} for that one transaction): the flush was most of a tracking
 * request's time (docs/benchmarks.md, "Tracking endpoints"), and a crash of the database server
 * may lose the last fraction of a second of opens and clicks, never an unsubscribe or a bounce,
 * whose rows keep the server's durable commit.
 */
@Component
class EventLog {

    private static final Set<ContactStatus> BEFORE_OPENED =
            EnumSet.of(ContactStatus.DISCOVERED, ContactStatus.QUALIFIED, ContactStatus.EMAIL_SENT);
    private static final Set<ContactStatus> BEFORE_CLICKED = EnumSet.of(
            ContactStatus.DISCOVERED, ContactStatus.QUALIFIED, ContactStatus.EMAIL_SENT, ContactStatus.OPENED);
    private static final Set<ContactStatus> BEFORE_REPLIED = EnumSet.of(
            ContactStatus.DISCOVERED,
            ContactStatus.QUALIFIED,
            ContactStatus.DISQUALIFIED,
            ContactStatus.EMAIL_SENT,
            ContactStatus.OPENED,
            ContactStatus.CLICKED);
    private static final Set<ContactStatus> NOT_CONVERTED = EnumSet.complementOf(EnumSet.of(ContactStatus.CONVERTED));

    private static final String INSERT =
            "insert into email_events (mail_id, contact_id, event_type, machine, url, ip, user_agent, detail,"
                    + " occurred_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final LeadBook book;

    EventLog(JdbcClient jdbc, JdbcTemplate template, LeadBook book) {
        this.jdbc = jdbc;
        this.template = template;
        this.book = book;
    }

    /** Who asked: the request's address and User-Agent (both null for a bounce). */
    record Visitor(String ip, String userAgent) {}

    void record(
            TrackedMails.Row mail,
            EventType type,
            boolean machine,
            Visitor who,
            String url,
            String detail,
            Instant at) {
        Object[] values = {
            mail.id(),
            mail.contactId(),
            type.value(),
            machine,
            cut(url, 2000),
            cut(who.ip(), 64),
            cut(who.userAgent(), 500),
            cut(detail, 500),
            Timestamp.from(at)
        };
        boolean relaxed = (type == EventType.OPEN || type == EventType.CLICK)
                && !TransactionSynchronizationManager.isActualTransactionActive();
        if (relaxed) {
            template.execute((ConnectionCallback<Void>) con -> insertRelaxed(con, values));
        } else {
            template.update(INSERT, values);
        }
        if (machine || mail.contactId() == null) {
            return;
        }
        long contact = mail.contactId();
        switch (type) {
            case OPEN -> book.advanceStatus(contact, ContactStatus.OPENED, BEFORE_OPENED);
            case CLICK -> book.advanceStatus(contact, ContactStatus.CLICKED, BEFORE_CLICKED);
            case UNSUBSCRIBE -> book.advanceStatus(contact, ContactStatus.UNSUBSCRIBED, NOT_CONVERTED);
            case BOUNCE -> book.advanceStatus(contact, ContactStatus.BOUNCED, NOT_CONVERTED);
            case REPLY -> book.advanceStatus(contact, ContactStatus.REPLIED, BEFORE_REPLIED);
        }
    }

    /** One insert in its own transaction that does not wait for the WAL flush (PostgreSQL; elsewhere a plain insert). */
    private static Void insertRelaxed(Connection con, Object[] values) throws SQLException {
        boolean postgres = con.getMetaData().getDatabaseProductName().contains("PostgreSQL");
        boolean autoCommit = con.getAutoCommit();
        try {
            if (postgres) {
                con.setAutoCommit(false);
                try (Statement st = con.createStatement()) {
                    st.execute("set local synchronous_commit to off");
                }
            }
            try (PreparedStatement ps = con.prepareStatement(INSERT)) {
                for (int i = 0; i < values.length; i++) {
                    ps.setObject(i + 1, values[i]);
                }
                ps.executeUpdate();
            }
            if (postgres) {
                con.commit();
            }
        } catch (SQLException e) {
            if (postgres) {
                con.rollback();
            }
            throw e;
        } finally {
            if (con.getAutoCommit() != autoCommit) {
                con.setAutoCommit(autoCommit);
            }
        }
        return null;
    }

    boolean has(long mailId, EventType type) {
        return jdbc.sql("select count(*) from email_events where mail_id = :m and event_type = :t")
                        .param("m", mailId)
                        .param("t", type.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    boolean has(long mailId, EventType type, boolean machine) {
        return jdbc.sql(
                                "select count(*) from email_events where mail_id = :m and event_type = :t and machine = :machine")
                        .param("m", mailId)
                        .param("t", type.value())
                        .param("machine", machine)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static String cut(String text, int max) {
        if (text == null) {
            return null;
        }
        String clean = text.replaceAll("\\p{Cntrl}", " ");
        return clean.length() > max ? clean.substring(0, max) : clean;
    }
}
