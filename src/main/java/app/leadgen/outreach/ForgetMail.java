package app.leadgen.outreach;

import app.leadgen.book.ContactForgotten;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Erases a forgotten person's drafts and the record of mails sent to them. */
@Component
class ForgetMail {

    private final JdbcClient jdbc;

    ForgetMail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(ContactForgotten forgotten) {
        jdbc.sql("delete from contact_drafts where contact_id = :id")
                .param("id", forgotten.contactId())
                .update();
        jdbc.sql("delete from email_sends where contact_id = :id")
                .param("id", forgotten.contactId())
                .update();
        if (forgotten.instagram() != null) {
            jdbc.sql("delete from email_sends where username = :u")
                    .param("u", forgotten.instagram())
                    .update();
        }
        if (forgotten.email() != null) {
            jdbc.sql("delete from email_sends where lower(to_address) = :e")
                    .param("e", forgotten.email())
                    .update();
        }
    }
}
