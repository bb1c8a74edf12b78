package app.leadgen.tracking;

import app.leadgen.book.ContactForgotten;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Erases a forgotten person's tracked mails (their address) and every event of them. */
@Component
class ForgetTracking {

    private final JdbcClient jdbc;
    private final TrackedMailCache cache;

    ForgetTracking(JdbcClient jdbc, TrackedMailCache cache) {
        this.jdbc = jdbc;
        this.cache = cache;
    }

    @ApplicationModuleListener
    void on(ContactForgotten forgotten) {
        String mailsOf = "select id from tracked_mails where contact_id = :id or lower(recipient) = :e";
        String email = forgotten.email() == null ? "" : forgotten.email();
        // the mails locked first: an open or a click being written for one of them (EventWriter) finishes before
        // its events are deleted, or waits and then finds the mail gone; else the mails' delete could meet a
        // fresh event and fail on its foreign key
        jdbc.sql(mailsOf + " for update")
                .param("id", forgotten.contactId())
                .param("e", email)
                .query(Long.class)
                .list();
        jdbc.sql("delete from email_events where contact_id = :id or mail_id in (" + mailsOf + ")")
                .param("id", forgotten.contactId())
                .param("e", email)
                .update();
        jdbc.sql("delete from tracked_mails where contact_id = :id or lower(recipient) = :e")
                .param("id", forgotten.contactId())
                .param("e", email)
                .update();
        cache.clear();
    }
}
