package app.leadgen.instagram;

import app.leadgen.book.ContactForgotten;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Erases a forgotten person from the hashtag hits that wait for the user's selection. */
@Component
class ForgetCandidates {

    private final JdbcClient jdbc;

    ForgetCandidates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(ContactForgotten forgotten) {
        if (forgotten.instagram() != null) {
            jdbc.sql("delete from run_candidates where username = :u")
                    .param("u", forgotten.instagram())
                    .update();
        }
    }
}
