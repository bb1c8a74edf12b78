package app.leadgen.tracking;

import app.leadgen.support.Keyset;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * The lock an event's insert takes on its tracked mail, in place of a foreign key (migration V41):
 * the insert reads the mail through a join and locks it, so a mail that a person's erase
 * ({@link ForgetTracking}) has locked is waited for and then found gone — that one event is left out,
 * the others of the statement are written — and an erase that comes second waits for the events
 * being written and deletes them too. PostgreSQL: {@code for key share}, which leaves the mail's
 * other columns free to change meanwhile; H2 knows only {@code for update}.
 */
@Component
class MailLock {

    private final boolean postgres;

    MailLock(DataSource dataSource) {
        this.postgres = Keyset.isPostgres(dataSource);
    }

    boolean postgres() {
        return postgres;
    }

    /** The locking clause for a query whose tracked mails are aliased {@code t}. */
    String clause() {
        return postgres ? " for key share of t" : " for update";
    }
}
