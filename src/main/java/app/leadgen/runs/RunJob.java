package app.leadgen.runs;

import org.jobrunr.jobs.annotations.Job;
import org.springframework.stereotype.Component;

/**
 * The JobRunr entry points of a run. Public because JobRunr resolves them by class name from the
 * stored job. If an instance dies mid-run, JobRunr hands the orphaned job to another worker, and the
 * pipeline picks up what was stored.
 */
@Component
public class RunJob {

    private final RunExecution execution;

    RunJob(RunExecution execution) {
        this.execution = execution;
    }

    @Job(name = "LeadGen run %0", retries = 2)
    public void execute(long runId) {
        execution.execute(runId);
    }

    /** Another stream of work on a running run, for whichever instance takes it. */
    @Job(name = "LeadGen run %0 helper", retries = 0)
    public void help(long runId, int bounce) {
        execution.help(runId, bounce);
    }
}
