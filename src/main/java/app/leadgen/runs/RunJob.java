package app.leadgen.runs;

import org.jobrunr.jobs.annotations.Job;
import org.springframework.stereotype.Component;

/**
 * The JobRunr entry point of a run. Public because JobRunr resolves it by class name from the
 * stored job; it hands the run to {@link RunPipeline} (Instagram) or {@link PlacesPipeline} by the run's source. If an instance dies mid-run, JobRunr
 * hands the orphaned job to another worker, and the pipeline picks up what was stored.
 */
@Component
public class RunJob {

    private final RunPipeline pipeline;
    private final PlacesPipeline places;
    private final RunRepository runs;

    RunJob(RunPipeline pipeline, PlacesPipeline places, RunRepository runs) {
        this.pipeline = pipeline;
        this.places = places;
        this.runs = runs;
    }

    @Job(name = "LeadGen run %0", retries = 2)
    public void execute(long runId) {
        boolean placesRun = runs.findById(runId)
                .map(run -> Run.SOURCE_PLACES.equals(run.source))
                .orElse(false);
        if (placesRun) {
            places.execute(runId);
        } else {
            pipeline.execute(runId);
        }
    }

    /** Another stream of work on a running run's batches, for whichever instance takes it. */
    @Job(name = "LeadGen run %0 helper", retries = 0)
    public void help(long runId, int bounce) {
        pipeline.help(runId, bounce);
    }
}
