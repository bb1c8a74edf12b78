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
        // the mails locked first: an event being written for one of them (its insert locks the mail, MailLock)
        // finishes before the events are deleted, or waits and then finds the mail gone and is left out; else an
        // event written meanwhile would outlive the erase
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
