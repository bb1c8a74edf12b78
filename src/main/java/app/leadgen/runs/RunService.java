package app.leadgen.runs;

import app.leadgen.apify.ApifyClient;
import app.leadgen.support.ApiProblem;
import app.leadgen.support.SecretBox;
import java.time.Clock;
import java.util.List;
import org.jobrunr.scheduling.JobScheduler;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Starts, reads and stops runs. Starting a run stores it, then hands it to JobRunr. */
@Service
public class RunService {

    public static final int MAX_KEYWORD_LENGTH = 100;

    private final RunRepository runs;
    private final JobScheduler jobs;
    private final SecretBox secrets;
    private final ApifyClient apify;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final RunProgress progress;

    RunService(
            RunProgress progress,
            RunRepository runs,
            JobScheduler jobs,
            SecretBox secrets,
            ApifyClient apify,
            TransactionTemplate tx,
            Clock clock) {
        this.progress = progress;
        this.runs = runs;
        this.jobs = jobs;
        this.secrets = secrets;
        this.apify = apify;
        this.tx = tx;
        this.clock = clock;
    }

    public RunView startInstagramRun(String rawKeyword, String sessionId) {
        String keyword = validKeyword(rawKeyword);
        if (!apify.configured()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "problem.runs.apify-missing");
        }
        Run run = tx.execute(s -> runs.save(new Run("instagram", keyword, secrets.seal(sessionId), clock.instant())));
        long id = run.id;
        // enqueued after the commit above, so the worker always finds the run
        jobs.<RunJob>enqueue(job -> job.execute(id));
        return RunView.of(run, progress.calls(run.id));
    }

    public RunView get(long id) {
        return runs.findById(id)
                .map(r -> RunView.of(r, progress.calls(r.id)))
                .orElseThrow(() -> ApiProblem.notFound("problem.runs.not-found", String.valueOf(id)));
    }

    public List<RunView> recent() {
        return runs.findTop20ByOrderByIdDesc().stream()
                .map(r -> RunView.of(r, progress.calls(r.id)))
                .toList();
    }

    /** Asks a run to stop: calls in flight finish, nothing new starts, every result is kept. */
    public RunView requestStop(long id) {
        tx.executeWithoutResult(s -> {
            Run run = runs.findById(id)
                    .orElseThrow(() -> ApiProblem.notFound("problem.runs.not-found", String.valueOf(id)));
            if (!run.status.finished()) {
                run.stopRequested = true;
                if (run.status == RunStatus.QUEUED) {
                    run.status = RunStatus.STOPPED;
                    run.finishedAt = clock.instant();
                    run.sessionSecret = null;
                }
            }
        });
        return get(id);
    }

    /**
     * Emergency stop: like {@link #requestStop} but the running pipeline also aborts the calls in
     * flight (it watches this flag), so the run is STOPPED within about two seconds.
     */
    public RunView emergencyStop(long id) {
        tx.executeWithoutResult(s -> {
            Run run = runs.findById(id)
                    .orElseThrow(() -> ApiProblem.notFound("problem.runs.not-found", String.valueOf(id)));
            emergencyStop(run);
        });
        return get(id);
    }

    /** The emergency stop for every run that has not finished; returns how many were stopped. */
    public int emergencyStopAll() {
        Integer stopped = tx.execute(s -> {
            List<Run> active = runs.findByStatusIn(List.of(RunStatus.QUEUED, RunStatus.RUNNING));
            active.forEach(this::emergencyStop);
            return active.size();
        });
        return stopped == null ? 0 : stopped;
    }

    private void emergencyStop(Run run) {
        if (run.status.finished()) {
            return;
        }
        run.stopRequested = true;
        run.emergencyStop = true;
        if (run.status == RunStatus.QUEUED) {
            run.status = RunStatus.STOPPED;
            run.finishedAt = clock.instant();
            run.sessionSecret = null;
        }
    }

    /** Continues a stopped or failed run: it keeps what it found and does only what is left. */
    public RunView resume(long id, String sessionId) {
        tx.executeWithoutResult(s -> {
            Run run = runs.findById(id)
                    .orElseThrow(() -> ApiProblem.notFound("problem.runs.not-found", String.valueOf(id)));
            if (run.status != RunStatus.STOPPED && run.status != RunStatus.FAILED) {
                throw ApiProblem.conflict("problem.runs.not-resumable", String.valueOf(id), run.status.name());
            }
            run.status = RunStatus.QUEUED;
            run.stopRequested = false;
            run.emergencyStop = false;
            run.errorMessage = null;
            run.warning = null;
            run.finishedAt = null;
            run.sessionSecret = secrets.seal(sessionId);
        });
        jobs.<RunJob>enqueue(job -> job.execute(id));
        return get(id);
    }

    static String validKeyword(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ApiProblem.badRequest("problem.runs.keyword-blank");
        }
        String keyword = raw.strip();
        while (keyword.startsWith("#")) {
            keyword = keyword.substring(1).strip();
        }
        if (keyword.length() > MAX_KEYWORD_LENGTH) {
            throw ApiProblem.badRequest("problem.runs.keyword-long", MAX_KEYWORD_LENGTH);
        }
        if (keyword.isEmpty()
                || keyword.codePoints().anyMatch(c -> Character.isISOControl(c) || c == '<' || c == '>')) {
            throw ApiProblem.badRequest("problem.runs.keyword-malformed");
        }
        return keyword;
    }
}
