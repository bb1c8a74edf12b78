package app.leadgen.suppressions;

import app.leadgen.book.LeadBook;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Who gets no mail: the module's API. {@link #isSuppressed} is asked before every send; {@link
 * #suppress} is how an unsubscribe, a hard bounce or a complaint lands on the list (idempotent: an
 * address already on it keeps its first entry).
 */
@Service
public class Suppressions {

    static final String SYSTEM = "system";

    private final JdbcClient jdbc;
    private final LeadBook book;
    private final Clock clock;

    Suppressions(JdbcClient jdbc, LeadBook book, Clock clock) {
        this.jdbc = jdbc;
        this.book = book;
        this.clock = clock;
    }

    /**
     * Whether this address gets no mail: the normalised address is on the list, or its domain or a
     * parent domain of it ({@code mail.example.de} is covered by {@code example.de}), or the person
     * was forgotten (the lead book's keyed hashes). A string that is no address is not suppressed
     * (a sender refuses it for what it is).
     */
    public boolean isSuppressed(String email) {
        return reasonFor(email).isPresent();
    }

    /** Why this address gets no mail ({@code unsubscribed}, {@code bounced}, …), or empty when it may get mail. */
    public Optional<String> reasonFor(String email) {
        Optional<String> normalised = Addresses.email(email);
        if (normalised.isEmpty()) {
            return Optional.empty();
        }
        String e = normalised.get();
        Optional<String> listed = jdbc.sql("select reason from suppressions where email = :e or domain in (:d)"
                        + " order by id fetch first 1 rows only")
                .param("e", e)
                .param("d", Addresses.domainsOf(e))
                .query(String.class)
                .optional();
        if (listed.isPresent()) {
            return listed;
        }
        return book.isForgotten(e, null) ? Optional.of(Reason.FORGOTTEN.value()) : Optional.empty();
    }

    /**
     * Puts an address on the list at once (an unsubscribe, a hard bounce, a complaint); nothing
     * changes when it is there already. Returns false for a string that is no address.
     */
    public boolean suppress(String email, Reason reason) {
        Optional<String> normalised = Addresses.email(email);
        normalised.ifPresent(e -> insert(e, null, reason));
        return normalised.isPresent();
    }

    /** Inserts an entry unless its address or domain is there; the entry that is stored either way. */
    Added insert(String email, String domain, Reason reason) {
        try {
            jdbc.sql("insert into suppressions (email, domain, reason, created_by, created_at)"
                            + " values (:e, :d, :r, :by, :at)")
                    .param("e", email)
                    .param("d", domain)
                    .param("r", reason.value())
                    .param("by", caller())
                    .param("at", Timestamp.from(clock.instant()))
                    .update();
            return new Added(find(email, domain).orElseThrow(), true);
        } catch (DuplicateKeyException known) {
            return new Added(find(email, domain).orElseThrow(), false);
        }
    }

    record Added(Suppression entry, boolean created) {}

    Optional<Suppression> find(String email, String domain) {
        String where = email != null ? "email = :v" : "domain = :v";
        return jdbc.sql(SELECT + " where " + where)
                .param("v", email != null ? email : domain)
                .query(Suppressions::row)
                .optional();
    }

    Optional<Suppression> byId(long id) {
        return jdbc.sql(SELECT + " where id = :id")
                .param("id", id)
                .query(Suppressions::row)
                .optional();
    }

    boolean delete(long id) {
        return jdbc.sql("delete from suppressions where id = :id")
                        .param("id", id)
                        .update()
                > 0;
    }

    /** Newest first; {@code q} (or null) is a part of an address or domain. */
    List<Suppression> page(String q, int page, int size) {
        var sql = jdbc.sql(SELECT + where(q) + " order by created_at desc, id desc limit :size offset :offset")
                .param("size", size)
                .param("offset", (long) page * size);
        return (q == null ? sql : sql.param("q", like(q)))
                .query(Suppressions::row)
                .list();
    }

    long count(String q) {
        var sql = jdbc.sql("select count(*) from suppressions" + where(q));
        return (q == null ? sql : sql.param("q", like(q))).query(Long.class).single();
    }

    private static String where(String q) {
        return q == null ? "" : " where (email like :q or domain like :q)";
    }

    private static String like(String q) {
        String escaped = q.strip()
                .toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }

    private static final String SELECT = "select id, email, domain, reason, created_by, created_at from suppressions";

    private static Suppression row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Suppression(
                rs.getLong("id"),
                rs.getString("email"),
                rs.getString("domain"),
                rs.getString("reason"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }

    /** The person (or key) behind the request, {@code system} outside one (an unsubscribe link, a bounce). */
    private static String caller() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName())) {
            return SYSTEM;
        }
        String name = auth.getName();
        return name.length() > 100 ? name.substring(0, 100) : name;
    }
}
