package app.leadgen.runs;

import app.leadgen.support.ApiProblem;
import app.leadgen.support.SecretBox;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * Starts, reads, stops and resumes runs of any pipeline. Starting a run stores it (the pipeline says
 * what), then hands it to JobRunr.
 */
@Service
public class RunService {

    private final RunStates states;
    private final RunCounters counters;
    private final Pipelines pipelines;
    private final RunQueue queue;
    private final RunViews views;
    private final SecretBox secrets;
    private final RunLimits limits;
    private final Clock clock;
    private final String defaultSource;

    RunService(
            RunStates states,
            RunCounters counters,
            Pipelines pipelines,
            RunQueue queue,
            RunViews views,
            SecretBox secrets,
            RunLimits limits,
            Clock clock,
            @Value("${leadgen.runs.default-source}") String defaultSource) {
        this.states = states;
        this.counters = counters;
        this.pipelines = pipelines;
        this.queue = queue;
        this.views = views;
        this.secrets = secrets;
        this.limits = limits;
        this.clock = clock;
        this.defaultSource = defaultSource;
    }

    /**
     * Starts a run of the request's source (default {@code leadgen.runs.default-source}).
     *
     * @throws ApiProblem 400 for an unknown source or bad input, 409 when a credential is missing
     */
    public RunView start(StartRequest request) {
        String source = request.source() == null || request.source().isBlank() ? defaultSource : request.source();
        Pipeline pipeline = pipelines.forStart(source);
        request = new StartRequest(source, request.body(), request.session());
        RunRequest run = pipeline.prepare(request);
        long id = states.create(source, run, secrets.seal(run.secret()));
        queue.enqueue(id);
        return get(id);
    }

    public RunView get(long id) {
        return get(id, LocaleContextHolder.getLocale());
    }

    public RunView get(long id, Locale locale) {
        return states.find(id)
                .map(run -> views.view(run, locale))
                .orElseThrow(() -> ApiProblem.notFound("problem.runs.not-found", String.valueOf(id)));
    }

    public List<RunView> recent() {
        Locale locale = LocaleContextHolder.getLocale();
        return states.recent(20).stream().map(run -> views.view(run, locale)).toList();
    }

    /** The run's source; 404 problem for an unknown run. */
    public String source(long id) {
        return record(id).source();
    }

    /** True when the run exists and waits for input ({@code AWAITING_SELECTION}). */
    public boolean waiting(long id) {
        return record(id).status() == RunStatus.AWAITING_SELECTION;
    }

    /** Asks a run to stop: calls in flight finish, nothing new starts, every result is kept. */
    public RunView requestStop(long id) {
        record(id);
        states.requestStop(id, false, orphanedBefore());
        return get(id);
    }

    /**
     * Emergency stop: like {@link #requestStop} but the running pipeline also aborts the calls in
     * flight (it watches this flag), so the run is STOPPED within about two seconds.
     */
    public RunView emergencyStop(long id) {
        record(id);
        states.requestStop(id, true, orphanedBefore());
        return get(id);
    }

    /** The emergency stop for every run that has not finished; returns how many were asked to stop. */
    public int emergencyStopAll() {
        List<Long> active = states.unfinished();
        active.forEach(id -> states.requestStop(id, true, orphanedBefore()));
        return active.size();
    }

    /**
     * A RUNNING run whose own job stopped beating (its instance was killed) has nobody to notice a
     * stop until JobRunr runs the job again elsewhere: the stop ends it here and now instead.
     */
    private java.time.Instant orphanedBefore() {
        return clock.instant().minus(limits.lease());
    }

    /** Continues a stopped or failed run: it keeps what it found and does only what is left. */
    public RunView resume(long id, java.util.function.Function<String, Object> session) {
        RunRecord run = record(id);
        Pipeline pipeline = pipelines.find(run.source()).orElseThrow();
        if (run.status() != RunStatus.STOPPED && run.status() != RunStatus.FAILED) {
            throw ApiProblem.conflict(
                    "problem.runs.not-resumable",
                    String.valueOf(id),
                    run.status().name());
        }
        pipeline.beforeResume(id);
        if (!states.resume(id, secrets.seal(pipeline.resumeSecret(session)))) {
            throw ApiProblem.conflict(
                    "problem.runs.not-resumable",
                    String.valueOf(id),
                    run.status().name());
        }
        queue.enqueue(id);
        return get(id);
    }

    /** Sets counters of a run that no worker runs now (e.g. while it waits for input). */
    public void setCounters(long id, java.util.Map<String, Integer> values) {
        values.forEach((name, value) -> counters.set(id, name, value));
    }

    /** A waiting run got its input: it continues (false when it was not waiting). */
    public boolean continueWaiting(long id) {
        if (!states.continueWaiting(id)) {
            return false;
        }
        queue.enqueue(id);
        return true;
    }

    private RunRecord record(long id) {
        return states.find(id).orElseThrow(() -> ApiProblem.notFound("problem.runs.not-found", String.valueOf(id)));
    }
}
