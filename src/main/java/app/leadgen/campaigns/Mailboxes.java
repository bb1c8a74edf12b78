package app.leadgen.campaigns;

import app.leadgen.outreach.MailSender;
import app.leadgen.outreach.Mailers;
import app.leadgen.outreach.SmtpAccount;
import app.leadgen.support.ApiProblem;
import app.leadgen.support.ExternalServiceException;
import app.leadgen.support.FailureKind;
import app.leadgen.support.SecretBox;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The mailboxes: SMTP ones a person adds (the password sealed with {@code SECRET_KEY}), and the
 * environment's SMTP ({@code BREVO_SMTP_*}) and Gmail accounts, which appear as rows of their own the
 * first time mailboxes are listed, so campaigns can pick them and their caps can be changed.
 */
@Service
class Mailboxes {

    static final String COLUMNS = "id, name, kind, from_env, host, port, username, password_sealed, security,"
            + " from_email, from_name, reply_to, daily_cap, hourly_cap, interval_seconds, last_send_at, created_at,"
            + " updated_at, imap_host, imap_port, imap_security, imap_username, imap_password_sealed, imap_checked_at,"
            + " imap_error";

    private final JdbcClient jdbc;
    private final Mailers mailers;
    private final SecretBox box;
    private final MailboxImap imap;
    private final CampaignProperties properties;
    private final Clock clock;

    Mailboxes(
            JdbcClient jdbc,
            Mailers mailers,
            SecretBox box,
            MailboxImap imap,
            CampaignProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.mailers = mailers;
        this.box = box;
        this.imap = imap;
        this.properties = properties;
        this.clock = clock;
    }

    List<Mailbox> all() {
        ensureEnvironmentMailboxes();
        return jdbc.sql("select " + COLUMNS + " from mailboxes order by id")
                .query(Mailboxes::row)
                .list();
    }

    Optional<Mailbox> find(long id) {
        ensureEnvironmentMailboxes();
        return jdbc.sql("select " + COLUMNS + " from mailboxes where id = :id")
                .param("id", id)
                .query(Mailboxes::row)
                .optional();
    }

    Mailbox get(long id) {
        return find(id).orElseThrow(() -> ApiProblem.notFound("problem.mailboxes.not-found", id));
    }

    Mailbox create(MailboxInput in) {
        String kind = in.kind() == null ? "smtp" : in.kind().strip().toLowerCase(Locale.ROOT);
        if (!kind.equals("smtp")) {
            // a Gmail account comes from GMAIL_* only: its OAuth consent is not something to type in here
            throw ApiProblem.badRequest("problem.mailboxes.kind", kind);
        }
        MailboxInput v = in.valid(properties);
        Instant now = clock.instant();
        var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        smtpColumns(
                        jdbc.sql(
                                "insert into mailboxes (name, kind, from_env, host, port, username, password_sealed, security,"
                                        + " from_email, from_name, reply_to, daily_cap, hourly_cap, interval_seconds, created_at,"
                                        + " updated_at) values (:name, 'smtp', false, :host, :port, :user, :pw, :sec, :from, :fromName,"
                                        + " :replyTo, :daily, :hourly, :interval, :now, :now)"),
                        v,
                        now)
                .update(key, "id");
        imap.save(key.getKey().longValue(), v);
        return get(key.getKey().longValue());
    }

    Mailbox update(long id, MailboxInput in) {
        Mailbox current = get(id);
        Instant now = clock.instant();
        if (current.fromEnv()) {
            // the environment owns the connection: only the name and the pacing are ours
            MailboxInput v = new MailboxInput(
                            in.name(),
                            current.kind(),
                            "env",
                            1,
                            null,
                            null,
                            "none",
                            null,
                            null,
                            null,
                            in.dailyCap(),
                            in.hourlyCap(),
                            in.intervalSeconds(),
                            in.imapHost(),
                            in.imapPort(),
                            in.imapSecurity(),
                            in.imapUser(),
                            in.imapPassword())
                    .valid(properties);
            jdbc.sql("update mailboxes set name = :name, daily_cap = :daily, hourly_cap = :hourly,"
                            + " interval_seconds = :interval, updated_at = :now where id = :id")
                    .param("name", v.name())
                    .param("daily", v.dailyCap())
                    .param("hourly", v.hourlyCap())
                    .param("interval", v.intervalSeconds())
                    .param("now", Timestamp.from(now))
                    .param("id", id)
                    .update();
            imap.save(id, v); // the environment says nothing about an inbox: that is ours too
            return get(id);
        }
        MailboxInput v = in.valid(properties);
        smtpColumns(
                        jdbc.sql("update mailboxes set name = :name, host = :host, port = :port, username = :user,"
                                + " password_sealed = coalesce(:pw, password_sealed), security = :sec, from_email = :from,"
                                + " from_name = :fromName, reply_to = :replyTo, daily_cap = :daily, hourly_cap = :hourly,"
                                + " interval_seconds = :interval, updated_at = :now where id = :id"),
                        v,
                        now)
                .param("id", id)
                .update();
        imap.save(id, v);
        return get(id);
    }

    void delete(long id) {
        Mailbox mailbox = get(id);
        long used = jdbc.sql("select count(*) from campaigns where mailbox_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
        if (used > 0) {
            throw ApiProblem.conflict("problem.mailboxes.in-use", mailbox.name(), used);
        }
        jdbc.sql("delete from mailboxes where id = :id").param("id", id).update();
    }

    /** The provider that sends for this mailbox. */
    MailSender sender(Mailbox mailbox) {
        if (mailbox.fromEnv()) {
            return mailers.configured(mailbox.kind())
                    .orElseThrow(() -> new ExternalServiceException(
                            mailbox.kind(),
                            FailureKind.NOT_CONFIGURED,
                            0,
                            "not-configured",
                            "the environment no longer configures the " + mailbox.kind() + " mailbox",
                            false,
                            null));
        }
        String password = jdbc.sql("select password_sealed from mailboxes where id = :id")
                .param("id", mailbox.id())
                .query(String.class)
                .optional()
                .map(box::open)
                .orElse(null);
        return mailers.smtp(new SmtpAccount(
                mailbox.host(),
                mailbox.port() == null ? 587 : mailbox.port(),
                mailbox.user(),
                password,
                mailbox.security(),
                mailbox.fromEmail(),
                mailbox.fromName(),
                mailbox.replyTo()));
    }

    /** The environment's SMTP and Gmail accounts as mailbox rows, once each (a unique key per kind). */
    void ensureEnvironmentMailboxes() {
        for (String kind : List.of("smtp", "gmail")) {
            Optional<MailSender> sender = mailers.configured(kind);
            if (sender.isEmpty()) {
                continue;
            }
            boolean exists = jdbc.sql("select count(*) from mailboxes where env_key = :k")
                            .param("k", kind)
                            .query(Long.class)
                            .single()
                    > 0;
            if (exists) {
                continue;
            }
            Timestamp now = Timestamp.from(clock.instant());
            try {
                jdbc.sql("insert into mailboxes (name, kind, from_env, env_key, from_email, from_name, reply_to,"
                                + " daily_cap, hourly_cap, interval_seconds, created_at, updated_at) values (:name,"
                                + " :kind, true, :kind, :from, :fromName, :replyTo, :daily, :hourly, :interval, :now,"
                                + " :now)")
                        .param("name", kind.equals("smtp") ? "SMTP (BREVO_SMTP_HOST)" : "Gmail")
                        .param("kind", kind)
                        .param("from", sender.get().sender())
                        .param("fromName", sender.get().senderName())
                        .param("replyTo", sender.get().replyTo())
                        .param("daily", properties.dailyCap())
                        .param("hourly", properties.hourlyCap())
                        .param("interval", properties.intervalSeconds())
                        .param("now", now)
                        .update();
            } catch (DuplicateKeyException anotherInstanceWasFirst) {
                // fine: the row is there
            }
        }
    }

    /** The columns an SMTP mailbox's form sets, bound alike for the insert and the update. */
    private JdbcClient.StatementSpec smtpColumns(JdbcClient.StatementSpec sql, MailboxInput v, Instant now) {
        return sql.param("name", v.name())
                .param("host", v.host())
                .param("port", v.port())
                .param("user", v.user())
                .param("pw", box.seal(v.password()))
                .param("sec", v.security())
                .param("from", v.fromEmail())
                .param("fromName", v.fromName())
                .param("replyTo", v.replyTo())
                .param("daily", v.dailyCap())
                .param("hourly", v.hourlyCap())
                .param("interval", v.intervalSeconds())
                .param("now", Timestamp.from(now));
    }

    static Mailbox row(ResultSet rs, int n) throws SQLException {
        Timestamp last = rs.getTimestamp("last_send_at");
        return new Mailbox(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("kind"),
                rs.getBoolean("from_env"),
                rs.getString("host"),
                (Integer) rs.getObject("port", Integer.class),
                rs.getString("username"),
                rs.getString("password_sealed") != null,
                rs.getString("security"),
                rs.getString("from_email"),
                rs.getString("from_name"),
                rs.getString("reply_to"),
                rs.getInt("daily_cap"),
                rs.getInt("hourly_cap"),
                rs.getInt("interval_seconds"),
                last == null ? null : last.toInstant(),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getString("imap_host"),
                (Integer) rs.getObject("imap_port", Integer.class),
                rs.getString("imap_security"),
                rs.getString("imap_username"),
                rs.getString("imap_password_sealed") != null,
                CampaignStore.instant(rs, "imap_checked_at"),
                rs.getString("imap_error"));
    }
}
