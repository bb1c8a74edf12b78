package app.leadgen.runs;

import app.leadgen.support.Cancellation;
import app.leadgen.support.Parallel;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The watcher beside every worker of a run: it reads the emergency-stop flag every 300 ms (the flag
 * is in the database, so it reaches every instance) and then cancels the run's calls in flight, and
 * it calls the worker's heartbeat a few times per lease, so other instances see it is alive.
 */
@Component
class RunWatch {

    private static final Logger log = LoggerFactory.getLogger(RunWatch.class);

    private final RunStates states;
    private final RunLimits limits;

    RunWatch(RunStates states, RunLimits limits) {
        this.states = states;
        this.limits = limits;
    }

    /** Runs {@code work} bound to {@code cancellation}, with the watcher beside it until it returns. */
    void run(long runId, Cancellation cancellation, Runnable heartbeat, Runnable work) {
        ScheduledExecutorService watcher =
                Executors.newSingleThreadScheduledExecutor(Parallel.threads("watch-" + runId));
        AtomicInteger ticks = new AtomicInteger();
        long beatEvery = Math.max(1, limits.lease().toMillis() / 6 / limits.stopPollMillis());
        watcher.scheduleWithFixedDelay(
                () -> {
                    try {
                        if (!cancellation.cancelled() && states.emergencyRequested(runId)) {
                            log.warn("run {}: emergency stop, cancelling calls in flight", runId);
                            cancellation.cancel();
                        }
                        if (ticks.incrementAndGet() % beatEvery == 0) {
                            heartbeat.run();
                        }
                    } catch (RuntimeException e) {
                        // a periodic task that throws is never run again: log it and keep watching
                        log.warn("run {}: watcher could not reach the database ({})", runId, e.toString());
                    }
                },
                limits.stopPollMillis(),
                limits.stopPollMillis(),
                TimeUnit.MILLISECONDS);
        try {
            cancellation.runBound(work);
        } finally {
            watcher.shutdownNow();
        }
    }
}
