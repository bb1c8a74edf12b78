package app.leadgen.runs;

import app.leadgen.apify.ApifyClient;
import app.leadgen.discovery.PlaceSearch;
import app.leadgen.locations.TargetLocation;
import app.leadgen.locations.TargetLocations;
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

    private final HashtagSelection selection;
    private final RunBatches batches;
    private final PipelineLimits limits;
    private final app.leadgen.leads.LeadStore leads;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final PlaceSearch placeSearch;
    private final TargetLocations locations;

    RunService(
            PipelineLimits limits,
            RunBatches batches,
            PlaceSearch placeSearch,
            TargetLocations locations,
            HashtagSelection selection,
            app.leadgen.leads.LeadStore leads,
            org.springframework.jdbc.core.simple.JdbcClient jdbc,
            RunProgress progress,
            RunRepository runs,
            JobScheduler jobs,
            SecretBox secrets,
            ApifyClient apify,
            TransactionTemplate tx,
            Clock clock) {
        this.limits = limits;
        this.batches = batches;
        this.placeSearch = placeSearch;
        this.locations = locations;
        this.progress = progress;
        this.selection = selection;
        this.leads = leads;
        this.jdbc = jdbc;
        this.runs = runs;
        this.jobs = jobs;
        this.secrets = secrets;
        this.apify = apify;
        this.tx = tx;
        this.clock = clock;
    }

    public RunView startInstagramRun(String rawKeyword, String sessionId) {
        return startInstagramRun(rawKeyword, sessionId, false);
    }

    /** @param selectHashtags stop after the crawl so the user picks the hashtags to enrich */
    public RunView startInstagramRun(String rawKeyword, String sessionId, boolean selectHashtags) {
        String keyword = validKeyword(rawKeyword);
        if (!apify.configured()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "problem.runs.apify-missing");
        }
        Run run = tx.execute(s -> {
            Run fresh = new Run("instagram", keyword, secrets.seal(sessionId), clock.instant());
            fresh.selectHashtags = selectHashtags;
            return runs.save(fresh);
        });
        long id = run.id;
        // enqueued after the commit above, so the worker always finds the run
        jobs.<RunJob>enqueue(job -> job.execute(id));
        return view(run);
    }

    /**
     * Starts a Places run over these target locations (every category of each), or over all active
     * locations when {@code locationIds} is null or empty. The daily schedule calls this too.
     *
     * @throws ApiProblem 409 without {@code GOOGLE_PLACES_API_KEY}; 400 for unknown ids, or when
     *     there is no location (with categories) to search
     */
    public RunView startPlacesRun(List<Long> locationIds) {
        if (!placeSearch.configured()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "problem.runs.places-missing");
        }
        List<Long> ids = locationIds == null
                ? List.of()
                : locationIds.stream()
                        .filter(java.util.Objects::nonNull)
                        .distinct()
                        .toList();
        List<TargetLocation> chosen;
        if (ids.isEmpty()) {
            chosen = locations.active();
        } else {
            if (ids.size() > 500) {
                throw ApiProblem.badRequest("problem.runs.locations-too-many", 500);
            }
            chosen = locations.byIds(ids);
            java.util.Set<Long> found = new java.util.HashSet<>();
            chosen.forEach(l -> found.add(l.id()));
            List<String> unknown = ids.stream()
                    .filter(id -> !found.contains(id))
                    .map(String::valueOf)
                    .toList();
            if (!unknown.isEmpty()) {
                throw ApiProblem.badRequest("problem.runs.locations-unknown", String.join(", ", unknown));
            }
        }
        List<TargetLocation> searchable =
                chosen.stream().filter(l -> !l.categories().isEmpty()).toList();
        if (searchable.isEmpty()) {
            throw ApiProblem.badRequest("problem.runs.locations-none");
        }
        String label = String.join(
                ", ", searchable.stream().map(TargetLocation::city).distinct().toList());
        String keyword =
                label.length() <= MAX_KEYWORD_LENGTH ? label : label.substring(0, MAX_KEYWORD_LENGTH - 1) + "…";
        String stored = String.join(
                ",", searchable.stream().map(l -> String.valueOf(l.id())).toList());
        Run run = tx.execute(s -> {
            Run fresh = new Run(Run.SOURCE_PLACES, keyword, null, clock.instant());
            fresh.locationIds = stored;
            return runs.save(fresh);
        });
        long id = run.id;
        jobs.<RunJob>enqueue(job -> job.execute(id));
        return view(run);
    }

    public RunView get(long id) {
        return runs.findById(id)
                .map(this::view)
                .orElseThrow(() -> ApiProblem.notFound("problem.runs.not-found", String.valueOf(id)));
    }

    public List<RunView> recent() {
        return runs.findTop20ByOrderByIdDesc().stream().map(this::view).toList();
    }

    /** Asks a run to stop: calls in flight finish, nothing new starts, every result is kept. */
    public RunView requestStop(long id) {
        tx.executeWithoutResult(s -> {
            Run run = runs.findById(id)
                    .orElseThrow(() -> ApiProblem.notFound("problem.runs.not-found", String.valueOf(id)));
            if (!run.status.finished()) {
                run.stopRequested = true;
                if (run.status == RunStatus.QUEUED || run.status == RunStatus.AWAITING_SELECTION || orphaned(run)) {
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
            List<Run> active =
                    runs.findByStatusIn(List.of(RunStatus.QUEUED, RunStatus.RUNNING, RunStatus.AWAITING_SELECTION));
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
        if (run.status == RunStatus.QUEUED || run.status == RunStatus.AWAITING_SELECTION || orphaned(run)) {
            run.status = RunStatus.STOPPED;
            run.finishedAt = clock.instant();
            run.sessionSecret = null;
        }
    }

    /**
     * A RUNNING run whose own job stopped beating (its instance was killed) has nobody to notice a
     * stop until JobRunr runs the job again elsewhere: the stop ends it here and now instead.
     */
    private boolean orphaned(Run run) {
        return run.status == RunStatus.RUNNING
                && run.heartbeatAt != null
                && run.heartbeatAt.isBefore(clock.instant().minus(limits.lease()));
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
            batches.forget(id);
        });
        jobs.<RunJob>enqueue(job -> job.execute(id));
        return get(id);
    }

    /** Continues a run that waits for its hashtags with the chosen ones only. */
    public RunView selectHashtags(long id, List<String> selected) {
        Run run =
                runs.findById(id).orElseThrow(() -> ApiProblem.notFound("problem.runs.not-found", String.valueOf(id)));
        if (run.status != RunStatus.AWAITING_SELECTION) {
            throw ApiProblem.conflict("problem.runs.not-awaiting-selection", String.valueOf(id), run.status.name());
        }
        java.util.Set<String> offered = new java.util.HashSet<>();
        selection.choices(id).forEach(c -> offered.add(c.name()));
        if (selected == null || selected.isEmpty()) {
            throw ApiProblem.badRequest("problem.runs.selection-empty");
        }
        List<String> unknown =
                selected.stream().filter(name -> !offered.contains(name)).toList();
        if (!unknown.isEmpty()) {
            throw ApiProblem.badRequest("problem.runs.selection-unknown", String.join(", ", unknown));
        }
        List<app.leadgen.leads.Finding> findings = selection.choose(id, selected);
        leads.saveFindings(id, run.keyword, findings);
        progress.set(id, RunProgress.Counter.FINDINGS, findings.size());
        progress.set(id, RunProgress.Counter.USERNAMES, (int) findings.stream()
                .map(app.leadgen.leads.Finding::username)
                .distinct()
                .count());
        int queued = jdbc.sql("update runs set status = 'QUEUED' where id = :id and status = 'AWAITING_SELECTION'")
                .param("id", id)
                .update();
        if (queued == 1) {
            jobs.<RunJob>enqueue(job -> job.execute(id));
        }
        return get(id);
    }

    private RunView view(Run run) {
        List<RunView.Hashtag> hashtags = selection.choices(run.id).stream()
                .map(c -> new RunView.Hashtag(c.name(), c.posts(), c.usernames(), c.newUsernames(), c.selected()))
                .toList();
        return RunView.of(run, progress.calls(run.id), hashtags);
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
