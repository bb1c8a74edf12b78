package db.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Opens and clicks come by the tens of thousands per second when a big campaign is read: the
 * foreign key from {@code email_events.mail_id} to {@code tracked_mails} checked every inserted row
 * with a query of its own, 40 % of PostgreSQL's work per event (docs/benchmarks.md, "Tracking
 * endpoints"). The writers now lock the event's mail in the insert itself (module tracking,
 * {@code MailLock}), which keeps what the key kept — no event of a mail that is gone, even while a
 * person is being forgotten — through the join the insert makes anyway, without a query per row. The index on
 * {@code occurred_at} goes too: no query reads by it, and every event paid for it.
 *
 * <p>Java because the key's name is the database's own (H2 and PostgreSQL name it differently).
 */
public class V41__events_without_mail_key extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        DatabaseMetaData meta = c.getMetaData();
        boolean lower = meta.storesLowerCaseIdentifiers();
        List<String> keys = new ArrayList<>();
        try (ResultSet rs = meta.getImportedKeys(null, c.getSchema(), lower ? "email_events" : "EMAIL_EVENTS")) {
            while (rs.next()) {
                if ("tracked_mails".equalsIgnoreCase(rs.getString("PKTABLE_NAME"))) {
                    keys.add(rs.getString("FK_NAME"));
                }
            }
        }
        try (Statement s = c.createStatement()) {
            for (String key : keys) {
                s.execute("alter table email_events drop constraint \"" + key + "\"");
            }
            s.execute("drop index ix_email_events_at");
        }
    }
}
