package app.leadgen.tracking;

import app.leadgen.book.ContactStatus;
import app.leadgen.book.LeadBook;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the {@code email_events} that must not wait (an unsubscribe, a bounce, a reply) with the
 * server's durable commit, and moves the contact along seed 002 §6: a person's reply makes the contact
 * {@code replied} (from any step before it, never backwards); an unsubscribe or a hard bounce sets
 * {@code unsubscribed} or {@code bounced} (off the path, whatever came before, except a converted
 * customer stays converted). Opens and clicks go through {@link EventWriter} instead, in batches.
 */
@Component
class EventLog {

    private static final Set<ContactStatus> BEFORE_REPLIED = EnumSet.of(
            ContactStatus.DISCOVERED,
            ContactStatus.QUALIFIED,
            ContactStatus.DISQUALIFIED,
            ContactStatus.EMAIL_SENT,
            ContactStatus.OPENED,
            ContactStatus.CLICKED);
    private static final Set<ContactStatus> NOT_CONVERTED = EnumSet.complementOf(EnumSet.of(ContactStatus.CONVERTED));

    /**
     * Through the mail and its lock ({@link MailLock}): nothing is written for a mail that is gone. The casts
     * because PostgreSQL types a parameter in a select list as text.
     */
    private static final String INSERT =
            "insert into email_events (mail_id, contact_id, event_type, machine, url, ip, user_agent, detail,"
                    + " occurred_at) select t.id, cast(? as bigint), ?, cast(? as boolean), ?, ?, ?, ?,"
                    + " cast(? as timestamp with time zone) from tracked_mails t where t.id = ?";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final LeadBook book;
    private final String insert;

    EventLog(JdbcClient jdbc, JdbcTemplate template, LeadBook book, MailLock lock) {
        this.jdbc = jdbc;
        this.template = template;
        this.book = book;
        this.insert = INSERT + lock.clause();
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
            mail.contactId(),
            type.value(),
            machine,
            cut(url, 2000),
            cut(who.ip(), 64),
            cut(who.userAgent(), 500),
            cut(detail, 500),
            Timestamp.from(at),
            mail.id()
        };
        if (template.update(insert, values) == 0 || machine || mail.contactId() == null) {
            return;
        }
        long contact = mail.contactId();
        switch (type) {
            case OPEN -> book.advanceStatus(contact, ContactStatus.OPENED, EventBatch.BEFORE_OPENED);
            case CLICK -> book.advanceStatus(contact, ContactStatus.CLICKED, EventBatch.BEFORE_CLICKED);
            case UNSUBSCRIBE -> book.advanceStatus(contact, ContactStatus.UNSUBSCRIBED, NOT_CONVERTED);
            case BOUNCE -> book.advanceStatus(contact, ContactStatus.BOUNCED, NOT_CONVERTED);
            case REPLY -> book.advanceStatus(contact, ContactStatus.REPLIED, BEFORE_REPLIED);
        }
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
        return EventBatch.cut(text, max);
    }
}
