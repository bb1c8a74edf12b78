package app.leadgen.accounts;

import app.leadgen.support.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code X-API-Key}: {@code API_KEY} from the environment acts as an admin; a personal key acts with
 * its user's current role while the user is active. A personal key is shown once when created and
 * stored only as its SHA-256.
 */
@Component
class ApiKeys {

    static final String HEADER = "X-API-Key";
    private static final String PREFIX = "lg_";
    /** {@code last_used_at} is written at most this often per key, not on every request. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    record Key(long id, String name, Instant createdAt, Instant lastUsedAt) {}

    record NewKey(long id, String name, String key, Instant createdAt) {}

    private final JdbcClient jdbc;
    private final SecurityProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiKeys(JdbcClient jdbc, SecurityProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** The caller this key stands for, or null when it is unknown, deleted or its user deactivated. */
    Caller authenticate(String key) {
        if (key == null || key.isBlank() || key.length() > 200) {
            return null;
        }
        String hash = sha256(key.strip());
        if (properties.hasApiKey()
                && MessageDigest.isEqual(
                        hash.getBytes(StandardCharsets.US_ASCII),
                        sha256(properties.apiKey().strip()).getBytes(StandardCharsets.US_ASCII))) {
            return Caller.envKey();
        }
        record Found(long keyId, Timestamp lastUsed, Caller caller) {}
        Found found = jdbc.sql("select k.id, k.name, k.last_used_at, u.id as user_id, u.username, u.role,"
                        + " u.password_stamp from api_keys k join app_users u on u.id = k.user_id"
                        + " where k.key_hash = :h and u.active = true")
                .param("h", hash)
                .query((rs, i) -> new Found(
                        rs.getLong("id"),
                        rs.getTimestamp("last_used_at"),
                        new Caller(
                                rs.getLong("user_id"),
                                rs.getString("username"),
                                Role.valueOf(rs.getString("role")),
                                rs.getString("password_stamp"),
                                rs.getString("name"))))
                .optional()
                .orElse(null);
        if (found == null) {
            return null;
        }
        touch(found.keyId(), found.lastUsed());
        return found.caller();
    }

    List<Key> of(long userId) {
        return jdbc.sql("select id, name, created_at, last_used_at from api_keys where user_id = :u order by id")
                .param("u", userId)
                .query((rs, i) -> new Key(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("last_used_at") == null
                                ? null
                                : rs.getTimestamp("last_used_at").toInstant()))
                .list();
    }

    NewKey create(long userId, String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 100 || clean.chars().anyMatch(Character::isISOControl)) {
            throw ApiProblem.badRequest("problem.accounts.key-name");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        jdbc.sql("insert into api_keys (user_id, name, key_hash, created_at) values (:u, :n, :h, :now)")
                .param("u", userId)
                .param("n", clean)
                .param("h", sha256(key))
                .param("now", Timestamp.from(now))
                .update();
        long id = jdbc.sql("select id from api_keys where key_hash = :h")
                .param("h", sha256(key))
                .query(Long.class)
                .single();
        return new NewKey(id, clean, key, now);
    }

    /** The key's name, once deleted; 404 for a key that is not this user's. */
    String delete(long userId, long id) {
        String name = jdbc.sql("select name from api_keys where id = :id and user_id = :u")
                .param("id", id)
                .param("u", userId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> ApiProblem.notFound("problem.accounts.key-not-found", id));
        jdbc.sql("delete from api_keys where id = :id and user_id = :u")
                .param("id", id)
                .param("u", userId)
                .update();
        return name;
    }

    private void touch(long id, Timestamp lastUsed) {
        Instant now = clock.instant();
        if (lastUsed == null || lastUsed.toInstant().isBefore(now.minus(TOUCH_EVERY))) {
            jdbc.sql("update api_keys set last_used_at = :now where id = :id")
                    .param("now", Timestamp.from(now))
                    .param("id", id)
                    .update();
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
