package app.leadgen.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.Api;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The opens and clicks stored for the mails to one recipient, as the tests count them. */
record TrackedEvents(JdbcClient jdbc, String recipient) {

    long count(String type) {
        return count(type, "");
    }

    long machines(String type) {
        return count(type, " and e.machine");
    }

    /** Opens and clicks are written just behind the answer ({@code EventWriter}): waits for them. */
    void await(String type, long expected) {
        Instant end = Instant.now().plusSeconds(10);
        while (count(type) < expected && Instant.now().isBefore(end)) {
            Api.sleep(20);
        }
        assertThat(count(type)).as(type + " events").isEqualTo(expected);
    }

    private long count(String type, String condition) {
        return jdbc.sql("select count(*) from email_events e join tracked_mails m on m.id = e.mail_id"
                        + " where m.recipient = :r and e.event_type = :t" + condition)
                .param("r", recipient)
                .param("t", type)
                .query(Long.class)
                .single();
    }
}
