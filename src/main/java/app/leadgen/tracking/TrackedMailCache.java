package app.leadgen.tracking;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The tracked mails the public links asked for lately, by token, so that a pixel or a redirect needs
 * no database read. Only a settled mail is kept: sent, and longer ago than the scanner window (before
 * that a click's classification depends on the sending time, which may still change). Entries live
 * {@value #TTL_SECONDS} seconds: a mail erased on another instance (its person was forgotten) stops
 * answering there within that time; its events are dropped by the insert ({@link EventBatch}), and
 * this instance forgets at once ({@link #clear()}). Bounded to {@value #MAX} mails.
 */
@Component
class TrackedMailCache {

    static final long TTL_SECONDS = 30;
    static final long MAX = 20_000;

    private final TrackedMails mails;
    private final Duration scannerWindow;
    private final Clock clock;
    private final Cache<String, TrackedMails.Row> rows = Caffeine.newBuilder()
            .maximumSize(MAX)
            .expireAfterWrite(Duration.ofSeconds(TTL_SECONDS))
            .build();

    TrackedMailCache(TrackedMails mails, TrackingProperties properties, Clock clock) {
        this.mails = mails;
        this.scannerWindow = properties.scannerWindow();
        this.clock = clock;
    }

    Optional<TrackedMails.Row> byToken(String token) {
        TrackedMails.Row cached = rows.getIfPresent(token);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<TrackedMails.Row> row = mails.byToken(token);
        row.filter(this::settled).ifPresent(r -> rows.put(token, r));
        return row;
    }

    /** Whether {@link #byToken} would answer without reading the database. */
    boolean cached(String token) {
        return rows.getIfPresent(token) != null;
    }

    void clear() {
        rows.invalidateAll();
    }

    private boolean settled(TrackedMails.Row row) {
        return row.sent() && Duration.between(row.sentAt(), clock.instant()).compareTo(scannerWindow) > 0;
    }
}
