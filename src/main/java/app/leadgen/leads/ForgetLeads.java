package app.leadgen.leads;

import app.leadgen.book.ContactForgotten;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Erases a forgotten person from the findings: the Instagram account's hashtag hits and profile
 * (with its draft), and the mailbox of a place (the business stays, its address goes).
 */
@Component
class ForgetLeads {

    private final JdbcClient jdbc;
    private final LeadKeys keys;

    ForgetLeads(JdbcClient jdbc, LeadKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    @ApplicationModuleListener
    void on(ContactForgotten forgotten) {
        if (forgotten.instagram() != null) {
            jdbc.sql("delete from leads where username = :u")
                    .param("u", forgotten.instagram())
                    .update();
            jdbc.sql("delete from ig_profiles where username = :u")
                    .param("u", forgotten.instagram())
                    .update();
            keys.usernameGone(forgotten.instagram());
        }
        java.util.List<String> usernames = jdbc.sql("select username from ig_profiles where contact_id = :id")
                .param("id", forgotten.contactId())
                .query(String.class)
                .list();
        java.util.List<String> places = jdbc.sql("select place_id from places where contact_id = :id")
                .param("id", forgotten.contactId())
                .query(String.class)
                .list();
        jdbc.sql("delete from ig_profiles where contact_id = :id")
                .param("id", forgotten.contactId())
                .update();
        jdbc.sql("update places set email = null, email_source = null, email_check = null, email_guessed = false,"
                        + " contact_id = null where contact_id = :id")
                .param("id", forgotten.contactId())
                .update();
        // the erased values must not stay behind as sort keys
        keys.profileChanged(usernames);
        keys.placesChanged(places);
    }
}
