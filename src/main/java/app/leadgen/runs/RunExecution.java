package app.leadgen.runs;

import app.leadgen.support.Cancellation;
import app.leadgen.support.ExternalServiceException;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs a pipeline's work inside the lifecycle: moves the run to RUNNING, puts the watcher beside the
 * work (emergency stop, heartbeats), and ends the run from how the work ended. A job interrupted
 * without a stop (shutdown, JobRunr gave the worker up) never ends the run: it throws, so JobRunr runs
 * the job again and the pipeline continues with what is left.
 */
@Component
class RunExecution {

    private static final Logger log = LoggerFactory.getLogger(RunExecution.class);

    private final RunStates states;
    private final RunCounters counters;
    private final RunLedger ledger;
    private final Pipelines pipelines;
    private final RunWatch watch;
    private final Instance instance;
    private final FailureTexts failures;
    private final RunQueue queue;

    RunExecution(
            RunStates states,
            RunCounters counters,
            RunLedger ledger,
            Pipelines pipelines,
            RunWatch watch,
            Instance instance,
            FailureTexts failures,
            RunQueue queue) {
        this.states = states;
        this.counters = counters;
        this.ledger = ledger;
        this.pipelines = pipelines;
        this.watch = watch;
        this.instance = instance;
        this.failures = failures;
        this.queue = queue;
    }

    /** The run's own job. */
    void execute(long runId) {
        RunRecord run = states.find(runId).orElse(null);
        if (run == null) {
            return;
        }
        Pipeline pipeline = pipelines.find(run.source()).orElse(null);
        if (pipeline == null) {
            log.error("run {}: no pipeline for source {}", runId, run.source());
            states.start(runId);
            states.fail(runId, Text.of("run.error.internal", "source " + run.source()));
            return;
        }
        if (!states.start(runId)) {
            return;
        }
        watched(run, pipeline, true, context -> ownJob(pipeline, context));
    }

    /** A helper job: another stream of work on a running run (the pipeline decides whether it joins). */
    void help(long runId, int bounce) {
        RunRecord run = states.find(runId).orElse(null);
        if (run == null || run.status() != RunStatus.RUNNING) {
            return;
        }
        pipelines
                .find(run.source())
                .ifPresent(pipeline -> watched(run, pipeline, false, context -> {
                    try {
                        pipeline.help(context, bounce);
                        // the run's own job may be gone with its instance: a stop must still end the run
                        context.stopIfRequested();
                    } catch (RunFailure | ExternalServiceException e) {
                        if (!context.cancellation().cancelled()) {
                            states.fail(runId, text(e));
                        }
                    }
                }));
    }

    private void watched(RunRecord run, Pipeline pipeline, boolean ownJob, Consumer<RunContext> work) {
        String owner = instance.id() + "/" + run.id() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
        Cancellation cancellation = new Cancellation();
        RunContext context = new RunContext(run, cancellation, owner, states, counters, ledger, queue);
        watch.run(
                run.id(),
                cancellation,
                () -> {
                    pipeline.heartbeat(context);
                    if (ownJob) {
                        states.beat(run.id());
                    }
                },
                () -> work.accept(context));
    }

    private void ownJob(Pipeline pipeline, RunContext context) {
        long runId = context.id();
        try {
            Pipeline.Outcome outcome = pipeline.run(context);
            interruptedWithoutStop(context);
            if (context.stopIfRequested()) {
                return;
            }
            if (outcome == Pipeline.Outcome.WAITING) {
                states.awaitInput(runId);
            } else {
                states.complete(runId);
            }
        } catch (RunFailure | ExternalServiceException e) {
            if (context.stopIfRequested()) {
                return; // the failure was the cancellation of an emergency stop
            }
            interruptedWithoutStop(context);
            states.fail(runId, text(e));
        } catch (Interrupted e) {
            throw e;
        } catch (RuntimeException e) {
            log.error("run {} failed", runId, e);
            interruptedWithoutStop(context);
            states.fail(runId, Text.of("run.error.internal", e.getClass().getSimpleName()));
        }
    }

    private Text text(RuntimeException e) {
        return e instanceof RunFailure f ? f.text() : failures.describe((ExternalServiceException) e);
    }

    /** The job was interrupted without a stop: JobRunr runs it again, and it continues with what is left. */
    static final class Interrupted extends RuntimeException {
        Interrupted(long runId) {
            super("run " + runId + " was interrupted; its job runs again and continues with what is left");
        }
    }

    private void interruptedWithoutStop(RunContext context) {
        if ((context.cancellation().cancelled() || Thread.currentThread().isInterrupted())
                && !states.emergencyRequested(context.id())
                && !states.stopRequested(context.id())) {
            throw new Interrupted(context.id());
        }
    }
}
