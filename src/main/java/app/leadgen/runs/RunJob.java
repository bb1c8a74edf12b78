package app.leadgen.runs;

import org.jobrunr.jobs.annotations.Job;
import org.springframework.stereotype.Component;

/**
 * The JobRunr entry point of a run. Public because JobRunr resolves it by class name from the
 * stored job; everything it does is in {@link RunPipeline}. If an instance dies mid-run, JobRunr
 * hands the orphaned job to another worker, and the pipeline picks up what was stored.
 */
@Component
public class RunJob {

    private final RunPipeline pipeline;

    RunJob(RunPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Job(name = "LeadGen run %0", retries = 2)
    public void execute(long runId) {
        pipeline.execute(runId);
    }

    /** Another stream of work on a running run's batches, for whichever instance takes it. */
    @Job(name = "LeadGen run %0 helper", retries = 0)
    public void help(long runId, int bounce) {
        pipeline.help(runId, bounce);
    }
}
