package app.leadgen.runs;

import app.leadgen.discovery.HashtagFlattener;
import app.leadgen.discovery.HashtagHit;
import app.leadgen.discovery.HashtagSearch;
import app.leadgen.enrichment.ContactSearch;
import app.leadgen.leads.EnrichmentClaims;
import app.leadgen.leads.Finding;
import app.leadgen.leads.LeadStore;
import app.leadgen.runs.RunProgress.Counter;
import app.leadgen.support.Cancellation;
import app.leadgen.support.ExternalServiceException;
import app.leadgen.support.SecretBox;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.storage.StorageProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * One Instagram run: hashtag crawl → flatten and dedupe → profile batches → web search batches
 * for whatever is still missing. The batches live in the database ({@link RunBatches}): the run's
 * own job works through them, helper jobs on other instances take part, and a batch whose worker
 * died is taken over. Every result is stored as soon as it arrives. One failing profile never fails
 * the run; rejected credentials do.
 */
@Component
class RunPipeline {

    private static final Logger log = LoggerFactory.getLogger(RunPipeline.class);
    private static final Locale MESSAGES = Locale.GERMAN;

    private final RunRepository runs;
    private final RunProgress progress;
    private final HashtagSearch hashtagSearch;
    private final ContactSearch contactSearch;
    private final LeadStore leadStore;
    private final SecretBox secrets;
    private final MessageSource messages;
    private final PipelineLimits limits;
    private final Clock clock;
    private final BatchSettings batchSettings;
    private final HashtagSelection selection;
    private final RunBatches batches;
    private final BatchWork work;
    private final EnrichmentClaims claims;
    private final Instance instance;
    private final JobScheduler jobs;
    private final StorageProvider storage;
    private final RunWatch watch;

    /** Contacts from the accounts' own websites, after the web search (field-injected: one place to merge). */
    @org.springframework.beans.factory.annotation.Autowired
    private WebsiteStage websiteStage;

    @SuppressWarnings("java:S107") // the pipeline meets every port once; a parameter object would only hide that
    RunPipeline(
            RunRepository runs,
            RunProgress progress,
            HashtagSearch hashtagSearch,
            ContactSearch contactSearch,
            LeadStore leadStore,
            SecretBox secrets,
            MessageSource messages,
            PipelineLimits limits,
            Clock clock,
            BatchSettings batchSettings,
            HashtagSelection selection,
            RunBatches batches,
            BatchWork work,
            EnrichmentClaims claims,
            Instance instance,
            JobScheduler jobs,
            StorageProvider storage,
            RunWatch watch) {
        this.runs = runs;
        this.progress = progress;
        this.hashtagSearch = hashtagSearch;
        this.contactSearch = contactSearch;
        this.leadStore = leadStore;
        this.secrets = secrets;
        this.messages = messages;
        this.limits = limits;
        this.clock = clock;
        this.batchSettings = batchSettings;
        this.selection = selection;
        this.batches = batches;
        this.work = work;
        this.claims = claims;
        this.instance = instance;
        this.jobs = jobs;
        this.storage = storage;
        this.watch = watch;
    }

    /** The run's own job: crawl, plan the batches, work on them, and end the run. */
    void execute(long runId) {
        Run run = runs.findById(runId).orElse(null);
        if (run == null || !progress.start(runId)) {
            return;
        }
        String sessionId = secrets.open(run.sessionSecret);
        progress.beat(runId);
        watched(runId, true, (cancellation, owner) -> pipeline(runId, run, sessionId, cancellation, owner));
    }

    /**
     * A helper job: another stream of work on a running run's batches. Each instance works on a run
     * with at most one stream, so a helper that lands on an instance already at work passes the job
     * on (a little later, so that other instances get the chance to take it).
     */
    void help(long runId, int bounce) {
        Run run = runs.findById(runId).orElse(null);
        if (run == null || run.status != RunStatus.RUNNING) {
            log.debug("run {}: helper job finds nothing to do (status {})", runId, run == null ? null : run.status);
            return;
        }
        RunBatches.Phase phase = run.stage == RunStage.WEBSEARCH
                ? RunBatches.Phase.WEBSEARCH
                : run.stage == RunStage.PROFILES ? RunBatches.Phase.PROFILES : null;
        if (phase == null || batches.pending(runId, phase) == 0) {
            return;
        }
        if (!batches.join(runId, instance.id())) {
            if (bounce < limits.helperBounces()) {
                // pass the job on, then keep this worker busy past JobRunr's poll interval: a worker
                // that falls idle takes the next enqueued job at once, so it would come straight back
                log.debug("run {}: instance {} works on it already, passing the helper job on", runId, instance.id());
                int next = bounce + 1; // JobRunr reads the lambda's bytecode: no arithmetic inside it
                jobs.<RunJob>enqueue(job -> job.help(runId, next));
                sleep(limits.helperBounceDelay().toMillis());
            }
            return;
        }
        log.info("run {}: instance {} joins the {} batches", runId, instance.id(), phase);
        String sessionId = secrets.open(run.sessionSecret);
        try {
            watched(runId, false, (cancellation, owner) -> {
                try {
                    stream(runId, phase, false, sessionId, cancellation, owner);
                    // the run's own job may be gone with its instance: a stop must still end the run
                    stopIfRequested(runId);
                } catch (ExternalServiceException e) {
                    if (!cancellation.cancelled()) {
                        progress.finish(runId, RunStatus.FAILED, describe(e));
                    }
                }
            });
        } finally {
            batches.leave(runId, instance.id());
        }
    }

    /**
     * Runs the work with the watcher beside it ({@link RunWatch}); its heartbeat keeps this worker's
     * batch and claims alive, and, for the run's own job, the run's.
     */
    private void watched(long runId, boolean ownJob, java.util.function.BiConsumer<Cancellation, String> work) {
        String owner = instance.id() + "/" + runId + "/"
                + java.util.UUID.randomUUID().toString().substring(0, 8);
        Cancellation cancellation = new Cancellation();
        watch.run(
                runId,
                cancellation,
                () -> {
                    batches.heartbeat(owner);
                    claims.renew(owner, limits.lease());
                    if (ownJob) {
                        progress.beat(runId);
                    }
                },
                () -> work.accept(cancellation, owner));
    }

    private void pipeline(long runId, Run run, String sessionId, Cancellation cancellation, String owner) {
        batches.join(runId, instance.id());
        try {
            // a resumed run keeps what its crawl found and does only what is left
            boolean resumed = run.findings > 0;
            List<String> usernames;
            if (resumed) {
                usernames = leadStore.usernamesOfRun(runId);
                if (!batches.planned(runId, RunBatches.Phase.PROFILES)) {
                    progress.resetEnrichmentCounters(runId);
                }
            } else {
                usernames = crawl(runId, run.keyword, sessionId, run.selectHashtags);
                if (usernames == null) {
                    return; // waiting for the user's choice of hashtags
                }
            }
            if (stopIfRequested(runId)) {
                return;
            }
            progress.stage(runId, RunStage.PROFILES);
            if (!batches.planned(runId, RunBatches.Phase.PROFILES)) {
                planProfiles(runId, usernames);
            }
            invite(runId, RunBatches.Phase.PROFILES);
            stream(runId, RunBatches.Phase.PROFILES, true, sessionId, cancellation, owner);
            interruptedWithoutStop(runId, cancellation);
            if (stopIfRequested(runId) || !progress.running(runId)) {
                return;
            }
            progress.stage(runId, RunStage.WEBSEARCH);
            if (batches.planned(runId, RunBatches.Phase.WEBSEARCH) || planWebsearch(runId, usernames)) {
                invite(runId, RunBatches.Phase.WEBSEARCH);
                stream(runId, RunBatches.Phase.WEBSEARCH, true, sessionId, cancellation, owner);
                interruptedWithoutStop(runId, cancellation);
            }
            if (stopIfRequested(runId) || !progress.running(runId)) {
                return;
            }
            websiteStage.fill(runId, usernames, cancellation);
            if (stopIfRequested(runId)) {
                return;
            }
            progress.finish(runId, RunStatus.COMPLETED, null);
        } catch (ExternalServiceException e) {
            if (stopIfRequested(runId)) {
                return; // the failure was the cancellation of an emergency stop
            }
            interruptedWithoutStop(runId, cancellation);
            progress.finish(runId, RunStatus.FAILED, describe(e));
        } catch (Interrupted e) {
            throw e;
        } catch (RuntimeException e) {
            log.error("run {} failed", runId, e);
            progress.finish(
                    runId,
                    RunStatus.FAILED,
                    text("run.error.internal", e.getClass().getSimpleName()));
        } finally {
            batches.leave(runId, instance.id());
        }
    }

    /** Returns the usernames to enrich, or null when the run now waits for the hashtag selection. */
    private List<String> crawl(long runId, String keyword, String sessionId, boolean selectHashtags) {
        progress.stage(runId, RunStage.CRAWL);
        List<HashtagHit> hits;
        try {
            hits = hashtagSearch.search(keyword, sessionId);
            progress.ledger(runId, "apify", "hashtag-search", 1, "ok");
        } catch (ExternalServiceException e) {
            progress.ledger(runId, "apify", "hashtag-search", 1, e.errorType());
            throw e;
        }
        List<Finding> findings = HashtagFlattener.flatten(hits);
        if (selectHashtags) {
            selection.hold(runId, hits, findings);
            progress.set(runId, Counter.HASHTAGS, hits.size());
            progress.awaitSelection(runId);
            return null;
        }
        leadStore.saveFindings(runId, keyword, findings);
        List<String> usernames = HashtagFlattener.usernames(findings);
        progress.set(runId, Counter.HASHTAGS, hits.size());
        progress.set(runId, Counter.FINDINGS, findings.size());
        progress.set(runId, Counter.USERNAMES, usernames.size());
        return usernames;
    }

    /** The job was interrupted (shutdown, JobRunr gave it up) without a stop: JobRunr runs it again. */
    static final class Interrupted extends RuntimeException {
        Interrupted(long runId) {
            super("run " + runId + " was interrupted; its job runs again and continues with the batches left");
        }
    }

    private void interruptedWithoutStop(long runId, Cancellation cancellation) {
        if ((cancellation.cancelled() || Thread.currentThread().isInterrupted())
                && !progress.emergencyRequested(runId)
                && !progress.stopRequested(runId)) {
            throw new Interrupted(runId);
        }
    }

    /** Splits what is not fresh into batches (seed 001: at most 50 profiles each). */
    private void planProfiles(long runId, List<String> all) {
        // no double spend: profiles scraped within the freshness window are reused, not bought again
        Set<String> fresh = leadStore.scrapedSince(all, clock.instant().minus(limits.freshness()));
        List<String> usernames = all.stream().filter(u -> !fresh.contains(u)).toList();
        List<List<String>> planned =
                BatchWork.chunks(usernames, batchSettings.current().batchSize());
        // counted by the one worker whose plan was stored, once, even if the job runs again
        if (batches.plan(runId, RunBatches.Phase.PROFILES, planned)) {
            progress.add(runId, Counter.PROFILES_CACHED, fresh.size());
            progress.add(runId, Counter.CACHE_HITS, fresh.size());
            progress.set(runId, Counter.BATCH_TOTAL, planned.size());
        }
    }

    /** Plans the web search for what still lacks a contact; false when there is nothing to search. */
    private boolean planWebsearch(long runId, List<String> usernames) {
        List<String> incomplete = leadStore.usernamesMissingContact(usernames);
        Set<String> searched =
                leadStore.searchedSince(incomplete, clock.instant().minus(limits.freshness()));
        List<String> missing =
                incomplete.stream().filter(u -> !searched.contains(u)).toList();
        progress.add(runId, Counter.CACHE_HITS, searched.size());
        if (missing.isEmpty()) {
            return false;
        }
        if (!contactSearch.configured()) {
            progress.warn(runId, text("run.warning.websearch-missing"));
            return false;
        }
        progress.set(runId, Counter.WEBSEARCH_TOTAL, missing.size());
        return batches.plan(
                        runId,
                        RunBatches.Phase.WEBSEARCH,
                        BatchWork.chunks(missing, batchSettings.current().batchSize()))
                || batches.planned(runId, RunBatches.Phase.WEBSEARCH);
    }

    /** Asks other instances to take part: helper jobs, at most one per pending batch beyond the first. */
    private void invite(long runId, RunBatches.Phase phase) {
        // helpers only make sense with other instances to take them: count the live JobRunr servers
        java.time.Instant alive = clock.instant().minusSeconds(60);
        int others = (int) storage.getBackgroundJobServers().stream()
                        .filter(s -> s.isRunning() && s.getLastHeartbeat().isAfter(alive))
                        .count()
                - 1;
        int helpers = Math.min(Math.min(limits.helpers(), others), batches.pending(runId, phase) - 1);
        for (int i = 0; i < helpers; i++) {
            jobs.<RunJob>enqueue(job -> job.help(runId, 0));
        }
    }

    /**
     * One stream of work: claims batch after batch until none is left. The run's own stream also
     * waits for batches others hold, and takes over those whose worker stopped beating (crashed).
     * Profile batches keep the anti-spam pause between them.
     */
    private void stream(
            long runId,
            RunBatches.Phase phase,
            boolean ownStream,
            String sessionId,
            Cancellation cancellation,
            String owner) {
        int pauseSeconds = batchSettings.current().batchPauseSeconds();
        while (!cancellation.cancelled() && !progress.stopRequested(runId) && progress.running(runId)) {
            Optional<RunBatches.Claim> claim =
                    batches.claimNext(runId, phase, owner, clock.instant().minus(limits.lease()));
            if (claim.isEmpty()) {
                if (!ownStream || batches.allDone(runId, phase)) {
                    return;
                }
                if (!sleep(250)) {
                    return;
                }
                continue;
            }
            if (phase == RunBatches.Phase.PROFILES) {
                progress.set(runId, Counter.BATCH_CURRENT, batches.started(runId, phase));
            }
            BatchWork.Outcome outcome = work.process(claim.get(), sessionId, cancellation);
            if (cancellation.cancelled() || Thread.currentThread().isInterrupted()) {
                batches.giveBack(claim.get()); // what it stored stays; the rest is claimable at once
                return;
            }
            batches.done(claim.get());
            if (outcome.websearchRejected() != 0) {
                // the profiles are complete without it: keep the run, say why the web search stopped
                batches.skipRest(runId, phase);
                progress.warn(runId, text("run.warning.websearch-rejected", outcome.websearchRejected()));
                return;
            }
            if (phase == RunBatches.Phase.PROFILES
                    && pauseSeconds > 0
                    && batches.pending(runId, phase) > 0
                    && !pause(runId, pauseSeconds, cancellation)) {
                return;
            }
        }
    }

    /** Waits between batches, in short steps so a stop ends the wait at once; false when stopped. */
    private boolean pause(long runId, int seconds, Cancellation cancellation) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            if (cancellation.cancelled() || progress.stopRequested(runId)) {
                return false;
            }
            if (!sleep(Math.min(200, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()) + 1))) {
                return false;
            }
        }
        return true;
    }

    /** False when interrupted (the flag stays set, so callers leave their loops). */
    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean stopIfRequested(long runId) {
        if (progress.stopRequested(runId)) {
            progress.finish(runId, RunStatus.STOPPED, null);
            return true;
        }
        return false;
    }

    private String describe(ExternalServiceException e) {
        String service = e.service().equals("apify") ? "Apify" : "Perplexity";
        if (e.status() == 401) {
            return text("run.error.unauthorized", service, e.getMessage());
        }
        if (e.status() == 402 || e.status() == 403) {
            return text("run.error.forbidden", service, e.status(), e.getMessage());
        }
        return text(
                "run.error.service", service, e.status() == 0 ? e.errorType() : "HTTP " + e.status(), e.getMessage());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, MESSAGES);
    }
}
