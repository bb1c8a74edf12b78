package app.leadgen.runs;

import org.jobrunr.jobs.JobId;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.server.BackgroundJobServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Hands a run to JobRunr. JobRunr keeps its queue in the database, so any instance may take the job
 * (and another one takes it over when that instance dies). Waiting for the next poll of the queue
 * would delay every start by up to the poll interval: this instance's job server is told to look at
 * once, the same way it looks when one of its workers falls idle, so the run starts within a moment
 * here whenever this instance has a free worker, and elsewhere otherwise.
 */
@Component
class RunQueue {

    private static final Logger log = LoggerFactory.getLogger(RunQueue.class);

    private final JobScheduler jobs;
    private final ObjectProvider<BackgroundJobServer> server;
    private final RunStates states;

    RunQueue(JobScheduler jobs, ObjectProvider<BackgroundJobServer> server, RunStates states) {
        this.jobs = jobs;
        this.server = server;
        this.states = states;
    }

    /** Enqueues the run's own job (call after the run's row is committed) and starts looking for it. */
    void enqueue(long runId) {
        JobId job = jobs.<RunJob>enqueue(j -> j.execute(runId));
        states.job(runId, job.asUUID().toString());
        lookNow();
    }

    /** Enqueues a helper job for a running run. */
    void help(long runId, int bounce) {
        jobs.<RunJob>enqueue(j -> j.help(runId, bounce));
    }

    private void lookNow() {
        BackgroundJobServer local = server.getIfAvailable();
        if (local == null || !local.isRunning()) {
            return;
        }
        try {
            // the steward's own "a worker fell idle" path: it polls for enqueued work if a worker is free
            local.getJobSteward().notifyThreadOccupied();
            local.getJobSteward().notifyThreadIdle();
        } catch (RuntimeException e) {
            log.debug("could not wake the job server; the run starts at its next poll ({})", e.toString());
        }
    }
}
