package app.leadgen.campaigns;

import app.leadgen.support.SecretBox;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A mailbox's inbox (IMAP): its settings (the password sealed with {@code SECRET_KEY} like the SMTP
 * one), where the last read stopped (UIDVALIDITY and the highest UID read), and how the last look went.
 */
@Component
class MailboxImap {

    /** What the inbox reader needs; {@link #toString} leaves the password out. */
    record Account(
            long mailboxId,
            String host,
            int port,
            String security,
            String user,
            String password,
            Long uidValidity,
            Long lastUid) {

        @Override
        public String toString() {
            return "Account[mailbox=" + mailboxId + ", host=" + host + ", port=" + port + ", user=" + user + "]";
        }
    }

    private final JdbcClient jdbc;
    private final SecretBox box;

    MailboxImap(JdbcClient jdbc, SecretBox box) {
        this.jdbc = jdbc;
        this.box = box;
    }

    /**
     * The inbox settings of a checked input: unchanged without a host, removed with an empty one
     * ({@link MailboxInput#NO_INBOX}); a blank password keeps the stored one. Another host or login
     * starts reading afresh (the UIDs were those of another inbox).
     */
    void save(long mailboxId, MailboxInput v) {
        if (v.imapHost() == null) {
            return;
        }
        record Current(String host, String user) {}
        Current current = jdbc.sql("select imap_host, imap_username from mailboxes where id = :id")
                .param("id", mailboxId)
                .query((rs, n) -> new Current(rs.getString(1), rs.getString(2)))
                .single();
        if (v.imapHost().isEmpty()) {
            jdbc.sql("update mailboxes set imap_host = null, imap_port = null, imap_security = null, imap_username ="
                            + " null, imap_password_sealed = null, imap_uid_validity = null, imap_last_uid = null,"
                            + " imap_checked_at = null, imap_error = null where id = :id")
                    .param("id", mailboxId)
                    .update();
            return;
        }
        boolean sameInbox =
                Objects.equals(current.host(), v.imapHost()) && Objects.equals(current.user(), v.imapUser());
        jdbc.sql("update mailboxes set imap_host = :host, imap_port = :port, imap_security = :sec, imap_username ="
                        + " :user, imap_password_sealed = coalesce(:pw, imap_password_sealed), imap_error = null"
                        + " where id = :id")
                .param("host", v.imapHost())
                .param("port", v.imapPort())
                .param("sec", v.imapSecurity())
                .param("user", v.imapUser())
                .param("pw", box.seal(v.imapPassword()))
                .param("id", mailboxId)
                .update();
        if (!sameInbox) {
            jdbc.sql("update mailboxes set imap_uid_validity = null, imap_last_uid = null where id = :id")
                    .param("id", mailboxId)
                    .update();
        }
    }

    /** Every mailbox with an inbox; the login falls back to the SMTP user, then to the sender address. */
    List<Account> configured() {
        return jdbc.sql("select id, imap_host, imap_port, imap_security, coalesce(imap_username, username,"
                        + " from_email) as login, imap_password_sealed, imap_uid_validity, imap_last_uid from mailboxes"
                        + " where imap_host is not null order by id")
                .query((rs, n) -> new Account(
                        rs.getLong("id"),
                        rs.getString("imap_host"),
                        rs.getInt("imap_port"),
                        rs.getString("imap_security"),
                        rs.getString("login"),
                        box.open(rs.getString("imap_password_sealed")),
                        (Long) rs.getObject("imap_uid_validity", Long.class),
                        (Long) rs.getObject("imap_last_uid", Long.class)))
                .list();
    }

    /** The mails up to this UID were read (and handled). */
    void progress(long mailboxId, long uidValidity, long lastUid) {
        jdbc.sql("update mailboxes set imap_uid_validity = :v, imap_last_uid = :u where id = :id")
                .param("v", uidValidity)
                .param("u", lastUid)
                .param("id", mailboxId)
                .update();
    }

    /** A look at the inbox ended; {@code error} null when it worked. */
    void checked(long mailboxId, Instant at, String error) {
        jdbc.sql("update mailboxes set imap_checked_at = :at, imap_error = :e where id = :id")
                .param("at", Timestamp.from(at))
                .param("e", error == null || error.length() <= 500 ? error : error.substring(0, 500))
                .param("id", mailboxId)
                .update();
    }
}
