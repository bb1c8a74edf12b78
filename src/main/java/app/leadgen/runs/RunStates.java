package app.leadgen.runs;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every change of a run's state, each one compare-and-set UPDATE on the {@code runs} table, so any
 * number of workers and instances may try at once and exactly one wins. Nothing else writes to that
 * table. A run ends only here ({@link #end}), which publishes {@link RunFinished} once.
 */
@Component
class RunStates {

    private static final String NOT_FINISHED = "('QUEUED', 'RUNNING', 'AWAITING_SELECTION')";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final RunCounters counters;

    RunStates(
            JdbcClient jdbc,
            Clock clock,
            TransactionTemplate tx,
            ApplicationEventPublisher events,
            RunCounters counters) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.tx = tx;
        this.events = events;
        this.counters = counters;
    }

    long create(String source, RunRequest request, String sealedSecret) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into runs (source, keyword, status, stage, session_secret, params, created_at)"
                        + " values (:source, :keyword, 'QUEUED', 'QUEUED', :secret, :params, :now)")
                .param("source", source)
                .param("keyword", request.keyword())
                .param("secret", sealedSecret)
                .param("params", RunJson.params(request.params()))
                .param("now", now())
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    Optional<RunRecord> find(long id) {
        return jdbc.sql("select " + RunRecord.COLUMNS + " from runs where id = :id")
                .param("id", id)
                .query(RunRecord::map)
                .optional();
    }

    List<RunRecord> recent(int n) {
        return jdbc.sql("select " + RunRecord.COLUMNS + " from runs order by id desc fetch first " + n + " rows only")
                .query(RunRecord::map)
                .list();
    }

    List<Long> unfinished() {
        return jdbc.sql("select id from runs where status in " + NOT_FINISHED)
                .query(Long.class)
                .list();
    }

    void job(long id, String jobId) {
        jdbc.sql("update runs set job_id = :job where id = :id")
                .param("job", jobId)
                .param("id", id)
                .update();
    }

    /** Moves a queued (or interrupted) run to RUNNING; false when it has finished or waits. */
    boolean start(long id) {
        return jdbc.sql(
                                "update runs set status = 'RUNNING', started_at = coalesce(started_at, :now), heartbeat_at = :now"
                                        + " where id = :id and status in ('QUEUED', 'RUNNING')")
                        .param("now", now())
                        .param("id", id)
                        .update()
                == 1;
    }

    void stage(long id, String stage) {
        jdbc.sql("update runs set stage = :stage where id = :id and status = 'RUNNING'")
                .param("stage", stage)
                .param("id", id)
                .update();
    }

    void warn(long id, Text warning) {
        jdbc.sql("update runs set warning_key = :key, warning_args = :args where id = :id")
                .param("key", warning.key())
                .param("args", RunJson.args(warning.args()))
                .param("id", id)
                .update();
    }

    /** The run's own job is alive (see the sweeper and the stop of a run whose instance is gone). */
    void beat(long id) {
        jdbc.sql("update runs set heartbeat_at = :now where id = :id and status = 'RUNNING'")
                .param("now", now())
                .param("id", id)
                .update();
    }

    boolean awaitInput(long id) {
        return jdbc.sql("update runs set status = 'AWAITING_SELECTION' where id = :id and status = 'RUNNING'")
                        .param("id", id)
                        .update()
                == 1;
    }

    /** A waiting run has its input: queue it again (false when it was not waiting). */
    boolean continueWaiting(long id) {
        return jdbc.sql("update runs set status = 'QUEUED' where id = :id and status = 'AWAITING_SELECTION'")
                        .param("id", id)
                        .update()
                == 1;
    }

    boolean stopRequested(long id) {
        return flag(id, "stop_requested");
    }

    boolean emergencyRequested(long id) {
        return flag(id, "emergency_stop");
    }

    private boolean flag(long id, String column) {
        return jdbc.sql("select " + column + " from runs where id = :id")
                .param("id", id)
                .query(Boolean.class)
                .optional()
                .orElse(true);
    }

    boolean running(long id) {
        return jdbc.sql("select status from runs where id = :id")
                .param("id", id)
                .query(String.class)
                .optional()
                .map("RUNNING"::equals)
                .orElse(false);
    }

    /**
     * Asks a run to stop (and, for an emergency, to abort its calls in flight). A run nobody works
     * on (queued, waiting, or running with a heartbeat older than {@code orphanedBefore}) ends at once.
     */
    void requestStop(long id, boolean emergency, Instant orphanedBefore) {
        jdbc.sql("update runs set stop_requested = true" + (emergency ? ", emergency_stop = true" : "")
                        + " where id = :id and status in " + NOT_FINISHED)
                .param("id", id)
                .update();
        if (!end(id, RunStatus.STOPPED, null, List.of(RunStatus.QUEUED, RunStatus.AWAITING_SELECTION))) {
            tx.executeWithoutResult(s -> {
                int ended = jdbc.sql("update runs set status = 'STOPPED', finished_at = :now, session_secret = null"
                                + " where id = :id and status = 'RUNNING' and heartbeat_at < :before")
                        .param("now", now())
                        .param("before", Timestamp.from(orphanedBefore))
                        .param("id", id)
                        .update();
                if (ended == 1) {
                    published(id, RunStatus.STOPPED);
                }
            });
        }
    }

    /** Continues a stopped or failed run; false when it is in another state. */
    boolean resume(long id, String sealedSecret) {
        return jdbc.sql("update runs set status = 'QUEUED', stop_requested = false, emergency_stop = false,"
                                + " error_message = null, error_key = null, error_args = null, warning = null,"
                                + " warning_key = null, warning_args = null, finished_at = null,"
                                + " session_secret = :secret where id = :id and status in ('STOPPED', 'FAILED')")
                        .param("secret", sealedSecret)
                        .param("id", id)
                        .update()
                == 1;
    }

    /** Ends the run STOPPED when a stop was requested; true when a stop was requested. */
    boolean stopIfRequested(long id) {
        if (stopRequested(id)) {
            end(id, RunStatus.STOPPED, null, List.of(RunStatus.RUNNING));
            return true;
        }
        return false;
    }

    boolean complete(long id) {
        return end(id, RunStatus.COMPLETED, null, List.of(RunStatus.RUNNING));
    }

    boolean fail(long id, Text reason) {
        return end(id, RunStatus.FAILED, reason, List.of(RunStatus.RUNNING));
    }

    /** Ends a RUNNING run whose heartbeat is older than {@code before}; false when it was not. */
    boolean failStale(long id, Instant before, Text reason) {
        Boolean ended = tx.execute(s -> {
            int n = jdbc.sql(
                            "update runs set status = 'FAILED', error_key = :key, error_args = :args,"
                                    + " finished_at = :now, session_secret = null"
                                    + " where id = :id and status = 'RUNNING' and (heartbeat_at is null or heartbeat_at < :before)")
                    .param("key", reason.key())
                    .param("args", RunJson.args(reason.args()))
                    .param("now", now())
                    .param("before", Timestamp.from(before))
                    .param("id", id)
                    .update();
            if (n == 1) {
                published(id, RunStatus.FAILED);
            }
            return n == 1;
        });
        return Boolean.TRUE.equals(ended);
    }

    /**
     * The one place where a run ends: from one of the {@code from} states to {@code status}, once
     * (several workers may try, one wins, and a late worker never overwrites the outcome another one
     * recorded); publishes {@link RunFinished} in the same transaction.
     */
    boolean end(long id, RunStatus status, Text error, Collection<RunStatus> from) {
        // the stage stays where a stopped or failed run ended, so the page can say where that was
        String stage = status == RunStatus.COMPLETED ? " stage = 'DONE'," : "";
        Boolean ended = tx.execute(s -> {
            int n = jdbc.sql("update runs set status = :status," + stage + " error_key = :key, error_args = :args,"
                            + " finished_at = :now, session_secret = null where id = :id and status in (:from)")
                    .param("status", status.name())
                    .param("key", error == null ? null : error.key())
                    .param("args", error == null ? null : RunJson.args(error.args()))
                    .param("now", now())
                    .param("id", id)
                    .param("from", from.stream().map(Enum::name).toList())
                    .update();
            if (n == 1) {
                published(id, status);
            }
            return n == 1;
        });
        return Boolean.TRUE.equals(ended);
    }

    private void published(long id, RunStatus status) {
        String source = jdbc.sql("select source from runs where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        events.publishEvent(new RunFinished(id, source, status, counters.all(id)));
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
