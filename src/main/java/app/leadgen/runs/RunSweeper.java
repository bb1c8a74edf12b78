package app.leadgen.runs;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.scheduling.cron.Cron;
import org.jobrunr.storage.StorageProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ends runs that nobody works on any more. A RUNNING run whose heartbeat is older than the lease is
 * left alone while its JobRunr job may still come back (enqueued, scheduled for a retry, or processing
 * — JobRunr hands the job of a dead instance to another one); once its job has given up, succeeded
 * without ending the run, or is gone, the run ends FAILED with a reason. A run that has not beaten for
 * {@link #GIVE_UP} ends FAILED in any case (its instance lost the database for that long).
 */
@Component
public class RunSweeper {

    static final Duration GIVE_UP = Duration.ofMinutes(15);
    static final String JOB_ID = "leadgen-run-sweeper";
    private static final Logger log = LoggerFactory.getLogger(RunSweeper.class);

    private final JdbcClient jdbc;
    private final RunStates states;
    private final RunLimits limits;
    private final StorageProvider storage;
    private final JobScheduler jobs;
    private final Clock clock;
    private final boolean enabled;

    RunSweeper(
            JdbcClient jdbc,
            RunStates states,
            RunLimits limits,
            StorageProvider storage,
            JobScheduler jobs,
            Clock clock,
            @org.springframework.beans.factory.annotation.Value("${leadgen.runs.sweep:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.states = states;
        this.limits = limits;
        this.storage = storage;
        this.jobs = jobs;
        this.clock = clock;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        if (enabled) {
            jobs.<RunSweeper>scheduleRecurrently(JOB_ID, Cron.minutely(), s -> s.sweep());
        } else {
            jobs.deleteRecurringJob(JOB_ID);
        }
    }

    /** Looks at every RUNNING run whose heartbeat is older than the lease; returns how many it ended. */
    @org.jobrunr.jobs.annotations.Job(name = "LeadGen run sweeper", retries = 0)
    public int sweep() {
        Instant now = clock.instant();
        Instant stale = now.minus(limits.lease());
        record Candidate(long id, String jobId, Instant beat) {}
        List<Candidate> candidates = jdbc.sql(
                        "select id, job_id, coalesce(heartbeat_at, started_at, created_at) as beat"
                                + " from runs where status = 'RUNNING'"
                                + " and coalesce(heartbeat_at, started_at, created_at) < :stale")
                .param("stale", Timestamp.from(stale))
                .query((rs, n) -> new Candidate(
                        rs.getLong("id"),
                        rs.getString("job_id"),
                        rs.getTimestamp("beat").toInstant()))
                .list();
        int ended = 0;
        for (Candidate c : candidates) {
            boolean longGone = c.beat().isBefore(now.minus(GIVE_UP));
            if ((longGone || !jobMayComeBack(c.jobId()))
                    && states.failStale(c.id(), stale, Text.of("run.error.orphaned"))) {
                log.warn("run {}: no worker for it any more (last heartbeat {}), ended FAILED", c.id(), c.beat());
                ended++;
            }
        }
        return ended;
    }

    private boolean jobMayComeBack(String jobId) {
        if (jobId == null) {
            return false;
        }
        try {
            Job job = storage.getJobById(UUID.fromString(jobId));
            StateName state = job.getState();
            return state == StateName.ENQUEUED
                    || state == StateName.SCHEDULED
                    || state == StateName.PROCESSING
                    || state == StateName.AWAITING;
        } catch (RuntimeException gone) {
            return false; // deleted for good, or unreadable: nobody will come back for it
        }
    }
}
