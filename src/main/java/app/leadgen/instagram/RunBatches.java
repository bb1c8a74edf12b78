package app.leadgen.instagram;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The batches of a run in the database, where every instance can claim them. A batch is PENDING,
 * CLAIMED (by one owner, who keeps its heartbeat fresh) or DONE. A CLAIMED batch whose heartbeat is
 * older than the lease belonged to a worker that died: it is claimed again, so a killed instance
 * loses at most the batch it had in flight.
 */
@Component
class RunBatches {

    enum Phase {
        PROFILES,
        WEBSEARCH
    }

    /** A batch this worker now holds; {@code previousOwner} is the dead worker it took it from, or null. */
    record Claim(long runId, Phase phase, int seq, List<String> usernames, String owner, String previousOwner) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate tx;

    RunBatches(JdbcClient jdbc, Clock clock, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.tx = tx;
    }

    boolean planned(long runId, Phase phase) {
        return count(runId, phase, null) > 0;
    }

    /**
     * Stores the batches of a phase in one transaction (a crash leaves all or none); false when
     * another worker planned them first.
     */
    boolean plan(long runId, Phase phase, List<List<String>> batches) {
        try {
            tx.executeWithoutResult(status -> insert(runId, phase, batches));
            return true;
        } catch (DataIntegrityViolationException raced) {
            return false;
        }
    }

    private void insert(long runId, Phase phase, List<List<String>> batches) {
        for (int seq = 0; seq < batches.size(); seq++) {
            jdbc.sql("insert into run_batches (run_id, phase, seq, usernames, state)"
                            + " values (:run, :phase, :seq, :usernames, 'PENDING')")
                    .param("run", runId)
                    .param("phase", phase.name())
                    .param("seq", seq)
                    .param("usernames", String.join(",", batches.get(seq)))
                    .update();
        }
    }

    /**
     * Claims the next batch that is pending, or whose owner stopped beating before {@code staleBefore};
     * empty when there is none. Racing claimers are told apart by a conditional UPDATE.
     */
    Optional<Claim> claimNext(long runId, Phase phase, String owner, Instant staleBefore) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<Object[]> next = jdbc.sql(
                            "select seq, owner from run_batches where run_id = :run and phase = :phase"
                                    + " and (state = 'PENDING' or (state = 'CLAIMED' and heartbeat_at < :stale))"
                                    + " order by seq fetch first 1 rows only")
                    .param("run", runId)
                    .param("phase", phase.name())
                    .param("stale", Timestamp.from(staleBefore))
                    .query((rs, n) -> new Object[] {rs.getInt(1), rs.getString(2)})
                    .optional();
            if (next.isEmpty()) {
                return Optional.empty();
            }
            int seq = (Integer) next.get()[0];
            String previous = (String) next.get()[1];
            int won = jdbc.sql("update run_batches set state = 'CLAIMED', owner = :owner, heartbeat_at = :now,"
                            + " attempts = attempts + 1 where run_id = :run and phase = :phase and seq = :seq"
                            + " and (state = 'PENDING' or (state = 'CLAIMED' and heartbeat_at < :stale))"
                            + " and coalesce(owner, '') = :previous")
                    .param("previous", previous == null ? "" : previous)
                    .param("owner", owner)
                    .param("now", Timestamp.from(clock.instant()))
                    .param("run", runId)
                    .param("phase", phase.name())
                    .param("seq", seq)
                    .param("stale", Timestamp.from(staleBefore))
                    .update();
            if (won == 1) {
                String names = jdbc.sql("select usernames from run_batches where run_id = :run and phase = :phase"
                                + " and seq = :seq")
                        .param("run", runId)
                        .param("phase", phase.name())
                        .param("seq", seq)
                        .query(String.class)
                        .single();
                List<String> usernames = names.isEmpty() ? List.of() : Arrays.asList(names.split(","));
                return Optional.of(new Claim(runId, phase, seq, usernames, owner, previous));
            }
        }
        return Optional.empty();
    }

    void heartbeat(String owner) {
        jdbc.sql("update run_batches set heartbeat_at = :now where owner = :owner and state = 'CLAIMED'")
                .param("now", Timestamp.from(clock.instant()))
                .param("owner", owner)
                .update();
    }

    void done(Claim claim) {
        jdbc.sql("update run_batches set state = 'DONE', finished_at = :now where run_id = :run and phase = :phase"
                        + " and seq = :seq and owner = :owner")
                .param("now", Timestamp.from(clock.instant()))
                .param("run", claim.runId())
                .param("phase", claim.phase().name())
                .param("seq", claim.seq())
                .param("owner", claim.owner())
                .update();
    }

    /** Gives a batch back untouched (the worker was stopped before it began). */
    void giveBack(Claim claim) {
        jdbc.sql("update run_batches set state = 'PENDING', owner = null where run_id = :run and phase = :phase"
                        + " and seq = :seq and owner = :owner and state = 'CLAIMED'")
                .param("run", claim.runId())
                .param("phase", claim.phase().name())
                .param("seq", claim.seq())
                .param("owner", claim.owner())
                .update();
    }

    /** Marks the pending batches of a phase done without work (the service refused us). */
    void skipRest(long runId, Phase phase) {
        jdbc.sql("update run_batches set state = 'DONE', finished_at = :now where run_id = :run and phase = :phase"
                        + " and state = 'PENDING'")
                .param("now", Timestamp.from(clock.instant()))
                .param("run", runId)
                .param("phase", phase.name())
                .update();
    }

    int total(long runId, Phase phase) {
        return count(runId, phase, null);
    }

    int pending(long runId, Phase phase) {
        return count(runId, phase, "PENDING");
    }

    int started(long runId, Phase phase) {
        return total(runId, phase) - pending(runId, phase);
    }

    boolean allDone(long runId, Phase phase) {
        return count(runId, phase, "DONE") == total(runId, phase);
    }

    /** How many distinct instances worked on a run's batches (for tests, benchmarks and the log). */
    List<String> owners(long runId) {
        return jdbc.sql("select distinct owner from run_batches where run_id = :run and owner is not null")
                .param("run", runId)
                .query(String.class)
                .list();
    }

    /** Forgets a run's batches: a resumed run plans what is left anew (fresh profiles are skipped). */
    void forget(long runId) {
        jdbc.sql("delete from run_batches where run_id = :run")
                .param("run", runId)
                .update();
        jdbc.sql("delete from run_workers where run_id = :run")
                .param("run", runId)
                .update();
    }

    /** Registers this instance as working on the run; false when it already does. */
    boolean join(long runId, String instance) {
        try {
            jdbc.sql("insert into run_workers (run_id, instance, joined_at) values (:run, :instance, :now)")
                    .param("run", runId)
                    .param("instance", instance)
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
            return true;
        } catch (DataIntegrityViolationException already) {
            return false;
        }
    }

    void leave(long runId, String instance) {
        jdbc.sql("delete from run_workers where run_id = :run and instance = :instance")
                .param("run", runId)
                .param("instance", instance)
                .update();
    }

    private int count(long runId, Phase phase, String state) {
        var sql = jdbc.sql("select count(*) from run_batches where run_id = :run and phase = :phase"
                        + " and (:state = '*' or state = :state)")
                .param("run", runId)
                .param("phase", phase.name())
                .param("state", state == null ? "*" : state);
        return sql.query(Integer.class).single();
    }
}
