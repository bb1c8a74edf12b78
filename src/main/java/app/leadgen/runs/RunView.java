package app.leadgen.runs;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A run as the API shows it. {@code counts} has every counter of every pipeline (0 where a run has
 * none), so scripts see one stable shape; {@code stages} is the run's pipeline's ordered stage list
 * with a text for each in the reader's language; pipeline-specific fields ({@link
 * Pipeline#details}) come beside the common ones.
 */
public record RunView(
        long id,
        String source,
        String keyword,
        RunStatus status,
        String stage,
        List<StageView> stages,
        int progress,
        String costs,
        String summary,
        Map<String, Integer> counts,
        String error,
        String warning,
        boolean stopRequested,
        int cacheHits,
        Map<String, Integer> calls,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        @JsonAnyGetter Map<String, Object> details) {

    /**
     * One stage of the run's pipeline.
     *
     * @param state {@code done}, {@code active} or {@code pending}
     */
    public record StageView(String name, String label, String detail, String state) {}
}
