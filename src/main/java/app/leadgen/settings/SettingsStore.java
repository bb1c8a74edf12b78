package app.leadgen.settings;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Key-value settings in the table {@code app_settings}; absent keys fall back to the caller's default. */
@Service
public class SettingsStore {

    public static final int MAX_VALUE_LENGTH = 20_000;

    private final JdbcClient jdbc;
    private final Clock clock;

    SettingsStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<String> get(String key) {
        return jdbc.sql("select setting_value from app_settings where setting_key = :k")
                .param("k", key)
                .query(String.class)
                .optional();
    }

    public String get(String key, String fallback) {
        return get(key).filter(v -> !v.isBlank()).orElse(fallback);
    }

    /** Stores the value unless the key has one already (another instance may have been first). */
    public void putIfAbsent(String key, String value) {
        try {
            jdbc.sql("insert into app_settings (setting_key, setting_value, updated_at) values (:k, :v, :now)")
                    .param("k", key)
                    .param("v", value)
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException taken) {
            // the first value stays
        }
    }

    @Transactional
    public void put(String key, String value) {
        if (value != null && value.length() > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("setting " + key + " is longer than " + MAX_VALUE_LENGTH);
        }
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("update app_settings set setting_value = :v, updated_at = :now where setting_key = :k")
                .param("v", value)
                .param("now", now)
                .param("k", key)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into app_settings (setting_key, setting_value, updated_at) values (:k, :v, :now)")
                    .param("k", key)
                    .param("v", value)
                    .param("now", now)
                    .update();
        }
    }
}
