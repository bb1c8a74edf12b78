package app.leadgen.schedule;

import app.leadgen.runs.RunFinished;
import app.leadgen.settings.SettingsStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What became of the daily routine's last run, for the page „Orte & Zeitplan": the module doing the
 * routine says which run it started (or why it started none), and the end of that run arrives as
 * {@link RunFinished}. Kept in {@code app_settings}, so every instance shows the same.
 */
@Component
public class RoutineRuns {

    static final String RUN_ID = "schedule.routine.run-id";
    static final String LAST = "schedule.routine.last";
    private static final Logger log = LoggerFactory.getLogger(RoutineRuns.class);

    /**
     * @param status a run status (COMPLETED, STOPPED, FAILED), or NOT_STARTED with the message key and
     *     arguments of the reason
     */
    record LastRoutine(
            Long runId,
            String status,
            Instant at,
            Map<String, Integer> counters,
            String messageKey,
            List<String> messageArgs) {}

    private final SettingsStore settings;
    private final JsonMapper json;
    private final Clock clock;

    RoutineRuns(SettingsStore settings, JsonMapper json, Clock clock) {
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    /** The routine started this run; its end will be recorded. */
    public void started(long runId) {
        settings.put(RUN_ID, Long.toString(runId));
    }

    /** The routine started no run, for the reason the message key (with its arguments) gives. */
    public void notStarted(String messageKey, Object... args) {
        List<String> texts = Arrays.stream(args == null ? new Object[0] : args)
                .map(String::valueOf)
                .toList();
        store(new LastRoutine(null, "NOT_STARTED", clock.instant(), Map.of(), messageKey, texts));
    }

    @ApplicationModuleListener
    void finished(RunFinished run) {
        boolean routines = settings.get(RUN_ID)
                .map(String::strip)
                .filter(id -> id.equals(Long.toString(run.runId())))
                .isPresent();
        if (routines) {
            store(new LastRoutine(run.runId(), run.status().name(), clock.instant(), run.counters(), null, List.of()));
        }
    }

    Optional<LastRoutine> last() {
        return settings.get(LAST).flatMap(text -> {
            try {
                return Optional.of(json.readValue(text, LastRoutine.class));
            } catch (JacksonException e) {
                log.warn("The stored result of the last daily routine cannot be read; it is not shown");
                return Optional.empty();
            }
        });
    }

    private void store(LastRoutine last) {
        settings.put(LAST, json.writeValueAsString(last));
    }
}
