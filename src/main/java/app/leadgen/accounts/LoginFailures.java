package app.leadgen.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Failed logins per name, in the database so every instance counts the same: after {@value
 * #MAX_FAILURES} failures in a row a name is locked for 15 minutes, whether or not a user has it
 * (the answer must not tell). Every failure is logged with name and address, never the password.
 */
@Component
class LoginFailures {

    private static final Logger log = LoggerFactory.getLogger(LoginFailures.class);
    static final int MAX_FAILURES = 5;
    static final Duration LOCK = Duration.ofMinutes(15);
    /** Rows of names nobody tried for this long are dropped, so guessed names do not pile up. */
    private static final Duration FORGET = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final Clock clock;

    LoginFailures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** When the name is locked, until when. */
    Optional<Instant> lockedUntil(String name) {
        return jdbc.sql("select locked_until from login_failures where username = :u")
                .param("u", key(name))
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant)
                .filter(until -> until.isAfter(clock.instant()));
    }

    void failed(String name, String address) {
        String key = key(name);
        Instant now = clock.instant();
        jdbc.sql("delete from login_failures where last_failure < :old")
                .param("old", Timestamp.from(now.minus(FORGET)))
                .update();
        int updated = jdbc.sql("update login_failures set failures = failures + 1, last_failure = :now"
                        + " where username = :u")
                .param("now", Timestamp.from(now))
                .param("u", key)
                .update();
        if (updated == 0) {
            try {
                jdbc.sql("insert into login_failures (username, failures, last_failure) values (:u, 1, :now)")
                        .param("u", key)
                        .param("now", Timestamp.from(now))
                        .update();
            } catch (DuplicateKeyException raced) {
                failed(name, address);
                return;
            }
        }
        int failures = jdbc.sql("select failures from login_failures where username = :u")
                .param("u", key)
                .query(Integer.class)
                .single();
        if (failures >= MAX_FAILURES) {
            jdbc.sql("update login_failures set failures = 0, locked_until = :until where username = :u")
                    .param("until", Timestamp.from(now.plus(LOCK)))
                    .param("u", key)
                    .update();
            log.warn(
                    "login failed for name '{}' from {}: {} failures, the name is locked for {} minutes",
                    key,
                    address,
                    failures,
                    LOCK.toMinutes());
        } else {
            log.warn("login failed for name '{}' from {} ({} of {})", key, address, failures, MAX_FAILURES);
        }
    }

    void refusedWhileLocked(String name, String address) {
        log.warn("login refused for locked name '{}' from {}", key(name), address);
    }

    void succeeded(String name) {
        jdbc.sql("delete from login_failures where username = :u")
                .param("u", key(name))
                .update();
    }

    /** The name as typed, lower-case, cut and without control characters (it goes into the log). */
    static String key(String name) {
        String n = Users.normalize(name).replaceAll("\\p{Cntrl}", "?");
        return n.length() > 100 ? n.substring(0, 100) : n;
    }
}
