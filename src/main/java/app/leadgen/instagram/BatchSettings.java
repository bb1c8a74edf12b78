package app.leadgen.instagram;

import app.leadgen.settings.SettingsStore;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * How enrichment is paced (seed 001): profiles go in batches of at most 50 usernames with a pause
 * between batches. Stored in the settings table, so the settings panel can change it at run time.
 */
@Service
public class BatchSettings {

    public static final int MAX_BATCH_SIZE = 50;
    public static final int MAX_PAUSE_SECONDS = 3600;
    static final String SIZE = "runs.batch.size";
    static final String PAUSE = "runs.batch.pause-seconds";

    private final SettingsStore settings;
    private final int defaultSize;
    private final Duration defaultPause;

    BatchSettings(
            SettingsStore settings,
            @Value("${leadgen.runs.batch-size:50}") int defaultSize,
            @Value("${leadgen.runs.batch-pause:5s}") Duration defaultPause) {
        this.settings = settings;
        this.defaultSize = Math.min(MAX_BATCH_SIZE, Math.max(1, defaultSize));
        this.defaultPause = defaultPause;
    }

    public record Batches(int batchSize, int batchPauseSeconds) {}

    public Batches current() {
        int size = parse(settings.get(SIZE, null), defaultSize);
        int pause = parse(settings.get(PAUSE, null), (int) defaultPause.toSeconds());
        return new Batches(Math.min(MAX_BATCH_SIZE, Math.max(1, size)), Math.max(0, pause));
    }

    public void save(Batches batches) {
        settings.put(SIZE, String.valueOf(batches.batchSize()));
        settings.put(PAUSE, String.valueOf(batches.batchPauseSeconds()));
    }

    private static int parse(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
