package app.leadgen.tracking;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The table {@code tracked_mails}: a mail by its token's message key. */
@Component
class TrackedMails {

    /**
     * What the endpoints need of a mail; {@code sentAt} is the sending time, or while it is not sent
     * yet the time the mail was made ({@code sent} false).
     */
    record Row(long id, Long contactId, String recipient, Set<String> links, Instant sentAt, boolean sent) {}

    private final JdbcClient jdbc;
    private final Tokens tokens;

    TrackedMails(JdbcClient jdbc, Tokens tokens) {
        this.jdbc = jdbc;
        this.tokens = tokens;
    }

    long insert(String messageKey, Long contactId, String recipient, Set<String> links, Instant now) {
        jdbc.sql("insert into tracked_mails (message_key, contact_id, recipient, links, created_at)"
                        + " values (:k, :c, :r, :l, :at)")
                .param("k", messageKey)
                .param("c", contactId)
                .param("r", recipient)
                .param("l", links.isEmpty() ? null : String.join("\n", links))
                .param("at", Timestamp.from(now))
                .update();
        return jdbc.sql("select id from tracked_mails where message_key = :k")
                .param("k", messageKey)
                .query(Long.class)
                .single();
    }

    void markSent(long id, Instant at) {
        jdbc.sql("update tracked_mails set sent_at = :at where id = :id")
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    /** The mail of a token whose signature holds; empty for a forged, changed or unknown token. */
    Optional<Row> byToken(String token) {
        return tokens.verify(token).flatMap(key -> jdbc.sql(SELECT + " where message_key = :k")
                .param("k", key)
                .query(TrackedMails::row)
                .optional());
    }

    /** The mail of a sender's own record (a reply or a bounce report names our Message-ID, not a token). */
    Optional<Row> byId(long id) {
        return jdbc.sql(SELECT + " where id = :id")
                .param("id", id)
                .query(TrackedMails::row)
                .optional();
    }

    private static final String SELECT =
            "select id, contact_id, recipient, links, sent_at, coalesce(sent_at, created_at) as sent from tracked_mails";

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(
                rs.getLong("id"),
                (Long) rs.getObject("contact_id", Long.class),
                rs.getString("recipient"),
                links(rs.getString("links")),
                rs.getTimestamp("sent").toInstant(),
                rs.getTimestamp("sent_at") != null);
    }

    private static Set<String> links(String stored) {
        return stored == null ? Set.of() : new LinkedHashSet<>(Arrays.asList(stored.split("\n")));
    }
}
