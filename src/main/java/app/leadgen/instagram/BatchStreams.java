package app.leadgen.instagram;

import app.leadgen.runs.RunContext;
import app.leadgen.support.Cancellation;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jobrunr.storage.StorageProvider;
import org.springframework.stereotype.Component;

/**
 * How a worker goes through a run's batches: claims batch after batch until none is left, with the
 * anti-spam pause between profile batches, and invites other instances (helper jobs) to take part.
 */
@Component
class BatchStreams {

    private final RunBatches batches;
    private final BatchWork work;
    private final BatchSettings batchSettings;
    private final EnrichmentLimits limits;
    private final StorageProvider storage;
    private final Clock clock;

    BatchStreams(
            RunBatches batches,
            BatchWork work,
            BatchSettings batchSettings,
            EnrichmentLimits limits,
            StorageProvider storage,
            Clock clock) {
        this.batches = batches;
        this.work = work;
        this.batchSettings = batchSettings;
        this.limits = limits;
        this.storage = storage;
        this.clock = clock;
    }

    /** Asks other instances to take part: helper jobs, at most one per pending batch beyond the first. */
    void invite(RunContext run, RunBatches.Phase phase) {
        long runId = run.id();
        // helpers only make sense with other instances to take them: count the live JobRunr servers
        java.time.Instant alive = clock.instant().minusSeconds(60);
        int others = (int) storage.getBackgroundJobServers().stream()
                        .filter(s -> s.isRunning() && s.getLastHeartbeat().isAfter(alive))
                        .count()
                - 1;
        int helpers = Math.min(Math.min(limits.helpers(), others), batches.pending(runId, phase) - 1);
        for (int i = 0; i < helpers; i++) {
            run.inviteHelper(0);
        }
    }

    /**
     * One stream of work: claims batch after batch until none is left. The run's own stream also
     * waits for batches others hold, and takes over those whose worker stopped beating (crashed).
     * Profile batches keep the anti-spam pause between them.
     */
    void stream(RunContext run, RunBatches.Phase phase, boolean ownStream, String sessionId, WebsearchLane lane) {
        long runId = run.id();
        Cancellation cancellation = run.cancellation();
        String owner = run.owner();
        int pauseSeconds = batchSettings.current().batchPauseSeconds();
        while (!cancellation.cancelled() && !run.stopRequested() && run.running()) {
            Optional<RunBatches.Claim> claim =
                    batches.claimNext(runId, phase, owner, clock.instant().minus(limits.lease()));
            if (claim.isEmpty()) {
                if (!ownStream || batches.allDone(runId, phase)) {
                    return;
                }
                if (!sleep(250)) {
                    return;
                }
                continue;
            }
            if (phase == RunBatches.Phase.PROFILES) {
                run.set(Counter.BATCH_CURRENT.key, batches.started(runId, phase));
            }
            BatchWork.Outcome outcome = work.process(claim.get(), sessionId, run, lane);
            if (cancellation.cancelled() || Thread.currentThread().isInterrupted()) {
                batches.giveBack(claim.get()); // what it stored stays; the rest is claimable at once
                return;
            }
            batches.done(claim.get());
            if (outcome.websearchRejected() != 0) {
                // the profiles are complete without it: keep the run, say why the web search stopped
                batches.skipRest(runId, phase);
                run.warn("run.warning.websearch-rejected", outcome.websearchRejected());
                return;
            }
            if (phase == RunBatches.Phase.PROFILES
                    && pauseSeconds > 0
                    && batches.pending(runId, phase) > 0
                    && !pause(run, pauseSeconds)) {
                return;
            }
        }
    }

    /** Waits between batches, in short steps so a stop ends the wait at once; false when stopped. */
    private boolean pause(RunContext run, int seconds) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            if (run.stopRequested()) {
                return false;
            }
            if (!sleep(Math.min(200, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()) + 1))) {
                return false;
            }
        }
        return true;
    }

    /** False when interrupted (the flag stays set, so callers leave their loops). */
    static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
