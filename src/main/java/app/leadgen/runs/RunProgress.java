package app.leadgen.runs;

import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Progress writes of a running pipeline. Counters are incremented in the database (not read,
 * changed and saved), so parallel workers, and later several instances, never lose an update.
 */
@Component
class RunProgress {

    enum Counter {
        HASHTAGS("hashtags"),
        FINDINGS("findings"),
        USERNAMES("usernames"),
        PROFILES_ENRICHED("profiles_enriched"),
        PROFILES_NOT_FOUND("profiles_not_found"),
        PROFILES_FAILED("profiles_failed"),
        WEBSEARCH_TOTAL("websearch_total"),
        WEBSEARCH_DONE("websearch_done"),
        WEBSEARCH_FAILED("websearch_failed"),
        CACHE_HITS("cache_hits"),
        PROFILES_CACHED("profiles_cached"),
        BATCH_CURRENT("batch_current"),
        BATCH_TOTAL("batch_total"),
        PLACES_SEARCHES("places_searches"),
        PLACES_SEARCHES_TOTAL("places_searches_total"),
        PLACES_FOUND("places_found"),
        PLACES_NEW("places_new"),
        PLACES_KNOWN("places_known"),
        QUALIFIED("qualified"),
        DISQUALIFIED("disqualified"),
        SITES_CHECKED("sites_checked"),
        EMAILS_FOUND("emails_found");

        final String column;

        Counter(String column) {
            this.column = column;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    RunProgress(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Moves a queued (or interrupted) run to RUNNING; false when it has finished already. */
    boolean start(long runId) {
        return jdbc.sql("update runs set status = 'RUNNING', started_at = coalesce(started_at, :now)"
                                + " where id = :id and status in ('QUEUED', 'RUNNING')")
                        .param("now", java.sql.Timestamp.from(clock.instant()))
                        .param("id", runId)
                        .update()
                == 1;
    }

    void awaitSelection(long runId) {
        jdbc.sql("update runs set status = 'AWAITING_SELECTION' where id = :id and status = 'RUNNING'")
                .param("id", runId)
                .update();
    }

    void stage(long runId, RunStage stage) {
        jdbc.sql("update runs set stage = :stage where id = :id")
                .param("stage", stage.name())
                .param("id", runId)
                .update();
    }

    void add(long runId, Counter counter, int n) {
        if (n == 0) {
            return;
        }
        jdbc.sql("update runs set " + counter.column + " = " + counter.column + " + :n where id = :id")
                .param("n", n)
                .param("id", runId)
                .update();
    }

    void set(long runId, Counter counter, int value) {
        jdbc.sql("update runs set " + counter.column + " = :v where id = :id")
                .param("v", value)
                .param("id", runId)
                .update();
    }

    void warn(long runId, String warning) {
        jdbc.sql("update runs set warning = :w where id = :id")
                .param("w", clip(warning))
                .param("id", runId)
                .update();
    }

    /** One line in the ledger of external calls (service, what, how many units, how it ended). */
    void ledger(long runId, String service, String operation, int units, String outcome) {
        jdbc.sql("insert into external_calls (run_id, service, operation, units, outcome, created_at)"
                        + " values (:run, :service, :op, :units, :outcome, :now)")
                .param("run", runId)
                .param("service", service)
                .param("op", operation)
                .param("units", units)
                .param("outcome", outcome)
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .update();
    }

    /** Calls per service for a run, from the ledger. */
    java.util.Map<String, Integer> calls(long runId) {
        java.util.Map<String, Integer> calls = new java.util.TreeMap<>();
        calls.put("apify", 0);
        calls.put("perplexity", 0);
        calls.put("places", 0);
        jdbc.sql("select service, count(*) from external_calls where run_id = :run group by service")
                .param("run", runId)
                .query((rs, n) -> calls.put(rs.getString(1), rs.getInt(2)))
                .list();
        return calls;
    }

    boolean emergencyRequested(long runId) {
        return jdbc.sql("select emergency_stop from runs where id = :id")
                .param("id", runId)
                .query(Boolean.class)
                .optional()
                .orElse(true);
    }

    /** Zeroes the counters of the stages a resumed run does again. */
    void resetEnrichmentCounters(long runId) {
        jdbc.sql("update runs set profiles_enriched = 0, profiles_not_found = 0, profiles_failed = 0,"
                        + " cache_hits = 0, profiles_cached = 0, websearch_total = 0, websearch_done = 0, websearch_failed = 0"
                        + " where id = :id")
                .param("id", runId)
                .update();
    }

    boolean stopRequested(long runId) {
        return jdbc.sql("select stop_requested from runs where id = :id")
                .param("id", runId)
                .query(Boolean.class)
                .optional()
                .orElse(true);
    }

    /** The run's own job is alive (see RunService's stop for a run whose instance is gone). */
    void beat(long runId) {
        jdbc.sql("update runs set heartbeat_at = :now where id = :id")
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .param("id", runId)
                .update();
    }

    /** True while the run is RUNNING (not queued, waiting, stopped, failed or done). */
    boolean running(long runId) {
        return jdbc.sql("select status from runs where id = :id")
                .param("id", runId)
                .query(String.class)
                .optional()
                .map("RUNNING"::equals)
                .orElse(false);
    }

    /**
     * Ends a RUNNING run; false when it had ended already (several workers may try, one wins, and a
     * late worker never overwrites the outcome another one recorded).
     */
    boolean finish(long runId, RunStatus status, String error) {
        // the stage stays where a stopped or failed run ended, so the UI can say where that was
        String stage = status == RunStatus.COMPLETED ? " stage = 'DONE'," : "";
        return jdbc.sql("update runs set status = :status," + stage + " error_message = :error, finished_at = :now,"
                                + " session_secret = null where id = :id and status = 'RUNNING'")
                        .param("status", status.name())
                        .param("error", clip(error))
                        .param("now", java.sql.Timestamp.from(clock.instant()))
                        .param("id", runId)
                        .update()
                == 1;
    }

    private static String clip(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
    }
}
