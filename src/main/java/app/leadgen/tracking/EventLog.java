package app.leadgen.tracking;

import app.leadgen.book.ContactStatus;
import app.leadgen.book.LeadBook;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes {@code email_events} and moves the contact along seed 002 §6 on human events only: a first
 * open makes a sent contact {@code opened}, a click makes it {@code clicked} (also from {@code
 * opened}), never backwards; an unsubscribe or a hard bounce sets {@code unsubscribed} or {@code
 * bounced} (off the path, whatever came before, except a converted customer stays converted).
 */
@Component
class EventLog {

    private static final Set<ContactStatus> BEFORE_OPENED =
            EnumSet.of(ContactStatus.DISCOVERED, ContactStatus.QUALIFIED, ContactStatus.EMAIL_SENT);
    private static final Set<ContactStatus> BEFORE_CLICKED = EnumSet.of(
            ContactStatus.DISCOVERED, ContactStatus.QUALIFIED, ContactStatus.EMAIL_SENT, ContactStatus.OPENED);
    private static final Set<ContactStatus> NOT_CONVERTED = EnumSet.complementOf(EnumSet.of(ContactStatus.CONVERTED));

    private final JdbcClient jdbc;
    private final LeadBook book;

    EventLog(JdbcClient jdbc, LeadBook book) {
        this.jdbc = jdbc;
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
        jdbc.sql("insert into email_events (mail_id, contact_id, event_type, machine, url, ip, user_agent, detail,"
                        + " occurred_at) values (:m, :c, :t, :machine, :url, :ip, :ua, :detail, :at)")
                .param("m", mail.id())
                .param("c", mail.contactId())
                .param("t", type.value())
                .param("machine", machine)
                .param("url", cut(url, 2000))
                .param("ip", cut(who.ip(), 64))
                .param("ua", cut(who.userAgent(), 500))
                .param("detail", cut(detail, 500))
                .param("at", Timestamp.from(at))
                .update();
        if (machine || mail.contactId() == null) {
            return;
        }
        long contact = mail.contactId();
        switch (type) {
            case OPEN -> book.advanceStatus(contact, ContactStatus.OPENED, BEFORE_OPENED);
            case CLICK -> book.advanceStatus(contact, ContactStatus.CLICKED, BEFORE_CLICKED);
            case UNSUBSCRIBE -> book.advanceStatus(contact, ContactStatus.UNSUBSCRIBED, NOT_CONVERTED);
            case BOUNCE -> book.advanceStatus(contact, ContactStatus.BOUNCED, NOT_CONVERTED);
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

    private static String cut(String text, int max) {
        if (text == null) {
            return null;
        }
        String clean = text.replaceAll("\\p{Cntrl}", " ");
        return clean.length() > max ? clean.substring(0, max) : clean;
    }
}
