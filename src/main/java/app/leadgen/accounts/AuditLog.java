package app.leadgen.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who did what, when and from where: the table {@code audit_log}. Modules call {@link #record} after
 * an action succeeded; the caller (user, personal key or {@code API_KEY}) and the remote address are
 * taken from the request being served ({@code system} outside a request, e.g. in a job). Never pass
 * a secret as detail: admins read it on a page.
 */
@Service
public class AuditLog {

    /** Names of actions; a module may add its own (a lower-case word, a dot, a verb). */
    public static final String RUN_START = "run.start";

    public static final String RUN_STOP = "run.stop";
    public static final String RUN_EMERGENCY_STOP = "run.emergency-stop";
    public static final String RUN_RESUME = "run.resume";
    public static final String MAIL_SEND = "mail.send";
    public static final String EXPORT = "export";
    public static final String IMPORT = "import";
    public static final String CONTACT_FORGET = "contact.forget";
    public static final String SETTINGS_CHANGE = "settings.change";
    public static final String PROMPTS_CHANGE = "prompts.change";
    public static final String LOCATION_CHANGE = "location.change";
    public static final String USER_CREATE = "user.create";
    public static final String USER_CHANGE = "user.change";
    public static final String PASSWORD_CHANGE = "password.change";
    public static final String KEY_CREATE = "key.create";
    public static final String KEY_REVOKE = "key.revoke";

    static final String SYSTEM = "system";
    private static final int MAX_DETAIL = 1000;

    /** One line of the log. */
    public record Entry(long id, Instant at, String actor, String action, String detail, String remoteAddress) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records an action of the current caller; detail names what it was done to (ids, names, addresses). */
    public void record(String action, String detail) {
        jdbc.sql("insert into audit_log (at, actor, action, detail, remote_address)"
                        + " values (:at, :actor, :action, :detail, :address)")
                .param("at", Timestamp.from(clock.instant()))
                .param("actor", cut(actor(), 100))
                .param("action", cut(action, 50))
                .param("detail", detail == null ? null : cut(detail, MAX_DETAIL))
                .param("address", remoteAddress())
                .update();
    }

    /** Newest first. */
    List<Entry> page(int page, int size) {
        return jdbc.sql("select id, at, actor, action, detail, remote_address from audit_log"
                        + " order by at desc, id desc limit :size offset :offset")
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, i) -> new Entry(
                        rs.getLong("id"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("detail"),
                        rs.getString("remote_address")))
                .list();
    }

    long count() {
        return jdbc.sql("select count(*) from audit_log").query(Long.class).single();
    }

    private static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Caller caller) {
            return caller.actor();
        }
        return SYSTEM;
    }

    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return cut(attributes.getRequest().getRemoteAddr(), 64);
        }
        return null;
    }

    private static String cut(String text, int max) {
        String clean = text.replaceAll("\\p{Cntrl}", " ");
        return clean.length() > max ? clean.substring(0, max) : clean;
    }
}
