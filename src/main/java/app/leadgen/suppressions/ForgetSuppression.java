package app.leadgen.suppressions;

import app.leadgen.book.ContactForgotten;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A forgotten person lands on the list without their address: the lead book keeps them as a keyed
 * hash (which {@link Suppressions#reasonFor} asks), so an entry of theirs with the plain address (an
 * unsubscribe, a bounce) is erased and replaced by one that only says a person was forgotten, and when.
 */
@Component
class ForgetSuppression {

    private final JdbcClient jdbc;
    private final Clock clock;

    ForgetSuppression(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ContactForgotten forgotten) {
        Addresses.email(forgotten.email()).ifPresent(e -> jdbc.sql("delete from suppressions where email = :e")
                .param("e", e)
                .update());
        jdbc.sql("insert into suppressions (email, domain, reason, created_by, created_at)"
                        + " values (null, null, :r, :by, :at)")
                .param("r", Reason.FORGOTTEN.value())
                .param("by", Suppressions.SYSTEM)
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }
}
