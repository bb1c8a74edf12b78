package app.leadgen.book;

import app.leadgen.settings.SettingsStore;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * People who asked to be forgotten (GDPR Art. 17), kept only as keyed hashes of their normalised
 * e-mail and Instagram username: enough to recognise them when a source finds them again, not
 * enough to learn who they were. The key is random, made once and kept in {@code app_settings}
 * (not {@code SECRET_KEY}, which may change or be random per start).
 */
@Component
public class Forgotten {

    static final String KEY_SETTING = "book.forget-key";

    private final JdbcClient jdbc;
    private final SettingsStore settings;
    private final Clock clock;
    private volatile byte[] key;

    Forgotten(JdbcClient jdbc, SettingsStore settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether this address or username belongs to someone who was forgotten. */
    public boolean isForgotten(String email, String instagram) {
        List<String> hashes = hashes(email, instagram);
        if (hashes.isEmpty()) {
            return false;
        }
        return jdbc.sql("select count(*) from forgotten_people where hash in (:hashes)")
                        .param("hashes", hashes)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void remember(String email, String instagram) {
        Keys.email(email).ifPresent(e -> insert(hash("email", e), "email"));
        Keys.instagram(instagram).ifPresent(u -> insert(hash("instagram", u), "instagram"));
    }

    private void insert(String hash, String kind) {
        try {
            jdbc.sql("insert into forgotten_people (hash, kind, created_at) values (:h, :k, :at)")
                    .param("h", hash)
                    .param("k", kind)
                    .param("at", Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException known) {
            // forgotten before: nothing to add
        }
    }

    /** Of the keyed hashes of these people ({e-mail, username} each), those that are forgotten. */
    java.util.Set<String> forgottenAmong(List<String[]> people) {
        java.util.Set<String> all = new java.util.HashSet<>();
        for (String[] p : people) {
            all.addAll(hashes(p[0], p[1]));
        }
        java.util.Set<String> found = new java.util.HashSet<>();
        List<String> list = new java.util.ArrayList<>(all);
        for (int i = 0; i < list.size(); i += 500) {
            found.addAll(jdbc.sql("select hash from forgotten_people where hash in (:h)")
                    .param("h", list.subList(i, Math.min(list.size(), i + 500)))
                    .query(String.class)
                    .list());
        }
        return found;
    }

    List<String> hashesOf(String email, String instagram) {
        return hashes(email, instagram);
    }

    private List<String> hashes(String email, String instagram) {
        List<String> hashes = new ArrayList<>(2);
        Keys.email(email).ifPresent(e -> hashes.add(hash("email", e)));
        Keys.instagram(instagram).ifPresent(u -> hashes.add(hash("instagram", u)));
        return hashes;
    }

    String hash(String kind, String normalised) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((kind + ":" + normalised).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = load().orElseGet(this::create);
                }
                k = key;
            }
        }
        return k;
    }

    private Optional<byte[]> load() {
        return settings.get(KEY_SETTING).filter(v -> !v.isBlank()).map(v -> Base64.getDecoder()
                .decode(v.strip()));
    }

    private byte[] create() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        settings.putIfAbsent(KEY_SETTING, Base64.getEncoder().encodeToString(fresh));
        // another instance may have been first: everyone uses the stored key
        return load().orElseThrow();
    }
}
