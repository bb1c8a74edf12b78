package app.leadgen.runs;

import java.util.List;
import java.util.Map;

/**
 * A kind of run (a lead source) that plugs into the run lifecycle.
 * The lifecycle ({@code runs}) starts, stops, resumes, watches and ends runs and keeps their counters
 * and ledger; a pipeline declares its stages and counters and does the work. Pipelines are Spring
 * beans found by {@link #source()}.
 */
public interface Pipeline {

    /** The source name in the API ({@code "source"} of {@code POST /api/runs} and of every run). */
    String source();

    /** Its stages in order, by name (the page shows the text {@code run.stage.<name>}). */
    List<String> stages();

    /** The counters it writes, by name as the API shows them in {@code counts}. */
    List<String> counters();

    /** The paid services it calls, by their ledger name (shown in {@code calls}, also with 0). */
    default List<String> services() {
        return List.of();
    }

    /**
     * Checks a start request and says what to store. Throws {@link app.leadgen.support.ApiProblem}
     * (400 for bad input, 409 when a credential is missing).
     */
    RunRequest prepare(StartRequest request);

    /**
     * The run's own job: does (what is left of) the work. Returns normally when done or when a stop
     * was requested; {@link Outcome#WAITING} when the run now waits for the user. Throws {@link
     * RunFailure} or {@link app.leadgen.support.ExternalServiceException} when the run cannot go on.
     */
    Outcome run(RunContext run);

    /** Another stream of work on a running run, on whichever instance takes a helper job. */
    default void help(RunContext run, int bounce) {}

    /** Called a few times per lease while a worker of this pipeline lives (renew its own leases). */
    default void heartbeat(RunContext run) {}

    /** Prepares a stopped or failed run to continue (forget claims, plans, …). */
    default void beforeResume(long runId) {}

    /** The secret a resumed run keeps for its job, from the caller's session (default: none). */
    default String resumeSecret(java.util.function.Function<String, Object> session) {
        return null;
    }

    /** How far the run has got, for people: one text per stage, the bar, the costs, a summary. */
    Description describe(String stage, Counts counts);

    /** Fields of this pipeline's runs beside the common ones (its own start parameters, choices, …). */
    default Map<String, Object> details(long runId, Map<String, String> params) {
        return Map.of();
    }

    enum Outcome {
        DONE,
        /** The run waits for the user (a choice only a person can make); a later call continues it. */
        WAITING
    }

    /**
     * @param stages one text per stage of {@link #stages()} (null where there is nothing to say yet,
     *     e.g. for a stage not reached)
     * @param progress 0–100 for the progress bar
     * @param costs one line about the paid calls
     * @param summary one line for the end of a completed run
     */
    record Description(List<Text> stages, int progress, Text costs, Text summary) {}
}
