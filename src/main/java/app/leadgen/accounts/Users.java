package app.leadgen.accounts;

import app.leadgen.support.ApiProblem;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The table {@code app_users}: names are lower-case, passwords hashed, roles checked. */
@Component
class Users {

    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,49}");
    private static final String COLUMNS =
            "id, username, password_hash, role, active, password_stamp, created_at, last_login_at";

    private final JdbcClient jdbc;
    private final Passwords passwords;
    private final Clock clock;

    Users(JdbcClient jdbc, Passwords passwords, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
    }

    static String normalize(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    boolean any() {
        return jdbc.sql("select count(*) from app_users").query(Long.class).single() > 0;
    }

    Optional<User> byName(String username) {
        return jdbc.sql("select " + COLUMNS + " from app_users where username = :u")
                .param("u", normalize(username))
                .query(User::of)
                .optional();
    }

    Optional<User> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from app_users where id = :id")
                .param("id", id)
                .query(User::of)
                .optional();
    }

    List<User> all() {
        return jdbc.sql("select " + COLUMNS + " from app_users order by username")
                .query(User::of)
                .list();
    }

    /** 400 for a bad name, role or password, 409 when the name is taken. */
    User create(String username, String password, String role) {
        String name = normalize(username);
        if (!NAME.matcher(name).matches()) {
            throw ApiProblem.badRequest("problem.accounts.username");
        }
        Role chosen = Role.parse(role).orElseThrow(() -> ApiProblem.badRequest("problem.accounts.role"));
        Passwords.check(password);
        try {
            jdbc.sql("insert into app_users (username, password_hash, role, active, password_stamp, created_at)"
                            + " values (:u, :h, :r, true, :s, :now)")
                    .param("u", name)
                    .param("h", passwords.hash(password))
                    .param("r", chosen.name())
                    .param("s", newStamp())
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException taken) {
            throw ApiProblem.conflict("problem.accounts.username-taken", name);
        }
        return byName(name).orElseThrow();
    }

    /**
     * Changes what is given (null: unchanged). A new password ends the user's other sessions. The
     * last active admin cannot be demoted or deactivated: nobody could manage users any more.
     */
    User update(long id, String role, Boolean active, String password) {
        User user = byId(id).orElseThrow(() -> ApiProblem.notFound("problem.accounts.user-not-found", id));
        Role newRole = role == null
                ? user.role()
                : Role.parse(role).orElseThrow(() -> ApiProblem.badRequest("problem.accounts.role"));
        boolean newActive = active == null ? user.active() : active;
        if (user.role() == Role.ADMIN
                && user.active()
                && (newRole != Role.ADMIN || !newActive)
                && activeAdmins() <= 1) {
            throw new ApiProblem(HttpStatus.CONFLICT, "problem.accounts.last-admin");
        }
        if (password != null) {
            Passwords.check(password);
            jdbc.sql("update app_users set password_hash = :h, password_stamp = :s where id = :id")
                    .param("h", passwords.hash(password))
                    .param("s", newStamp())
                    .param("id", id)
                    .update();
        }
        jdbc.sql("update app_users set role = :r, active = :a where id = :id")
                .param("r", newRole.name())
                .param("a", newActive)
                .param("id", id)
                .update();
        return byId(id).orElseThrow();
    }

    void loggedIn(long id) {
        jdbc.sql("update app_users set last_login_at = :now where id = :id")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
    }

    private long activeAdmins() {
        return jdbc.sql("select count(*) from app_users where role = 'ADMIN' and active = true")
                .query(Long.class)
                .single();
    }

    private static String newStamp() {
        return UUID.randomUUID().toString();
    }
}
