package app.leadgen.instagram;

import app.leadgen.discovery.HashtagFlattener;
import app.leadgen.discovery.HashtagHit;
import app.leadgen.discovery.HashtagSearch;
import app.leadgen.enrichment.ContactSearch;
import app.leadgen.leads.Finding;
import app.leadgen.leads.LeadStore;
import app.leadgen.runs.Instance;
import app.leadgen.runs.Pipeline;
import app.leadgen.runs.RunContext;
import app.leadgen.runs.RunFailure;
import app.leadgen.support.ExternalServiceException;
import app.leadgen.support.SecretBox;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The work of one Instagram run: hashtag crawl → flatten and dedupe → profile batches → web search
 * batches for whatever is still missing → the accounts' own websites. The batches live in the
 * database ({@link RunBatches}): the run's own job works through them, helper jobs on other instances
 * take part, and a batch whose worker died is taken over. Every result is stored as soon as it
 * arrives. One failing profile never fails the run; rejected credentials do.
 */
@Component
class InstagramRun {

    private static final Logger log = LoggerFactory.getLogger(InstagramRun.class);

    private final HashtagSearch hashtagSearch;
    private final ContactSearch contactSearch;
    private final LeadStore leadStore;
    private final SecretBox secrets;
    private final EnrichmentLimits limits;
    private final Clock clock;
    private final BatchSettings batchSettings;
    private final HashtagSelection selection;
    private final RunBatches batches;
    private final EnrichmentClaims claims;
    private final Instance instance;
    private final BatchStreams streams;
    private final WebsiteStage websiteStage;

    @SuppressWarnings("java:S107") // the run meets every port once; a parameter object would only hide that
    InstagramRun(
            HashtagSearch hashtagSearch,
            ContactSearch contactSearch,
            LeadStore leadStore,
            SecretBox secrets,
            EnrichmentLimits limits,
            Clock clock,
            BatchSettings batchSettings,
            HashtagSelection selection,
            RunBatches batches,
            EnrichmentClaims claims,
            Instance instance,
            BatchStreams streams,
            WebsiteStage websiteStage) {
        this.hashtagSearch = hashtagSearch;
        this.contactSearch = contactSearch;
        this.leadStore = leadStore;
        this.secrets = secrets;
        this.limits = limits;
        this.clock = clock;
        this.batchSettings = batchSettings;
        this.selection = selection;
        this.batches = batches;
        this.claims = claims;
        this.instance = instance;
        this.streams = streams;
        this.websiteStage = websiteStage;
    }

    void heartbeat(RunContext run) {
        batches.heartbeat(run.owner());
        claims.renew(run.owner(), limits.lease());
        claims.renew(WebsearchLane.owner(run), limits.lease());
    }

    private WebsearchLane lane(RunContext run) {
        return new WebsearchLane(run, contactSearch, leadStore, claims, limits, clock);
    }

    /** The run's own job: crawl, plan the batches, work on them. */
    Pipeline.Outcome execute(RunContext run) {
        long runId = run.id();
        String sessionId = session(run);
        batches.join(runId, instance.id());
        try {
            // a resumed run keeps what its crawl found and does only what is left
            List<String> usernames;
            if (run.count(Counter.FINDINGS.key) > 0) {
                usernames = leadStore.usernamesOfRun(runId);
                if (!batches.planned(runId, RunBatches.Phase.PROFILES)) {
                    resetEnrichmentCounters(run);
                }
            } else {
                usernames = crawl(run, sessionId, run.param(InstagramPipeline.SELECT_HASHTAGS) != null);
                if (usernames == null) {
                    return Pipeline.Outcome.WAITING; // the user picks the hashtags
                }
            }
            if (run.stopRequested()) {
                return Pipeline.Outcome.DONE;
            }
            run.stage(InstagramPipeline.PROFILES);
            if (!batches.planned(runId, RunBatches.Phase.PROFILES)) {
                planProfiles(run, usernames);
            }
            streams.invite(run, RunBatches.Phase.PROFILES);
            Set<String> searched;
            try (WebsearchLane lane = lane(run)) {
                streams.stream(run, RunBatches.Phase.PROFILES, true, sessionId, lane);
                if (run.stopRequested() || !run.running()) {
                    return Pipeline.Outcome.DONE;
                }
                run.stage(InstagramPipeline.WEBSEARCH);
                lane.drain();
                if (lane.rejected() != 0) {
                    // the profiles are complete without it: keep the run, say why the web search stopped
                    run.warn("run.warning.websearch-rejected", lane.rejected());
                    return Pipeline.Outcome.DONE;
                }
                searched = Set.copyOf(lane.attempted());
            }
            if (run.stopRequested() || !run.running()) {
                return Pipeline.Outcome.DONE;
            }
            if (batches.planned(runId, RunBatches.Phase.WEBSEARCH) || planWebsearch(run, usernames, searched)) {
                streams.invite(run, RunBatches.Phase.WEBSEARCH);
                streams.stream(run, RunBatches.Phase.WEBSEARCH, true, sessionId, null);
            }
            if (run.stopRequested() || !run.running()) {
                return Pipeline.Outcome.DONE;
            }
            websiteStage.fill(run, usernames);
            return Pipeline.Outcome.DONE;
        } finally {
            batches.leave(runId, instance.id());
        }
    }

    /**
     * The Instagram session id given at the start. A stored one that cannot be opened (SECRET_KEY
     * changed or missing since) fails the run: scraping without it would quietly find less.
     */
    private String session(RunContext run) {
        if (run.sealedSecret() == null) {
            return null;
        }
        String opened = secrets.open(run.sealedSecret());
        if (opened == null) {
            throw new RunFailure("run.error.session-unreadable");
        }
        return opened;
    }

    private void resetEnrichmentCounters(RunContext run) {
        for (Counter c : List.of(
                Counter.PROFILES_ENRICHED,
                Counter.PROFILES_NOT_FOUND,
                Counter.PROFILES_FAILED,
                Counter.CACHE_HITS,
                Counter.PROFILES_CACHED,
                Counter.WEBSEARCH_TOTAL,
                Counter.WEBSEARCH_DONE,
                Counter.WEBSEARCH_FAILED)) {
            run.set(c.key, 0);
        }
    }

    /**
     * A helper job: another stream of work on a running run's batches. Each instance works on a run
     * with at most one stream, so a helper that lands on an instance already at work passes the job
     * on (a little later, so that other instances get the chance to take it).
     */
    void help(RunContext run, int bounce) {
        long runId = run.id();
        String stage = run.stage();
        RunBatches.Phase phase = InstagramPipeline.WEBSEARCH.equals(stage)
                ? RunBatches.Phase.WEBSEARCH
                : InstagramPipeline.PROFILES.equals(stage) ? RunBatches.Phase.PROFILES : null;
        if (phase == null || batches.pending(runId, phase) == 0) {
            return;
        }
        if (!batches.join(runId, instance.id())) {
            if (bounce < limits.helperBounces()) {
                // pass the job on, then keep this worker busy past JobRunr's poll interval: a worker
                // that falls idle takes the next enqueued job at once, so it would come straight back
                log.debug("run {}: instance {} works on it already, passing the helper job on", runId, instance.id());
                run.inviteHelper(bounce + 1);
                BatchStreams.sleep(limits.helperBounceDelay().toMillis());
            }
            return;
        }
        log.info("run {}: instance {} joins the {} batches", runId, instance.id(), phase);
        try (WebsearchLane lane = phase == RunBatches.Phase.PROFILES ? lane(run) : null) {
            streams.stream(run, phase, false, session(run), lane);
            if (lane != null) {
                lane.drain();
            }
        } finally {
            batches.leave(runId, instance.id());
        }
    }

    /** Returns the usernames to enrich, or null when the run now waits for the hashtag selection. */
    private List<String> crawl(RunContext run, String sessionId, boolean selectHashtags) {
        long runId = run.id();
        String keyword = run.keyword();
        run.stage(InstagramPipeline.CRAWL);
        List<HashtagHit> hits;
        try {
            hits = hashtagSearch.search(keyword, sessionId);
            run.ledger("apify", "hashtag-search", 1, "ok");
        } catch (ExternalServiceException e) {
            run.ledger("apify", "hashtag-search", 1, e.errorType());
            throw e;
        }
        List<Finding> findings = HashtagFlattener.flatten(hits);
        if (selectHashtags) {
            selection.hold(runId, hits, findings);
            run.set(Counter.HASHTAGS.key, hits.size());
            return null;
        }
        leadStore.saveFindings(runId, keyword, findings);
        List<String> usernames = HashtagFlattener.usernames(findings);
        run.set(Counter.HASHTAGS.key, hits.size());
        run.set(Counter.FINDINGS.key, findings.size());
        run.set(Counter.USERNAMES.key, usernames.size());
        return usernames;
    }

    /** Splits what is not fresh into batches (seed 001: at most 50 profiles each). */
    private void planProfiles(RunContext run, List<String> all) {
        long runId = run.id();
        // no double spend: profiles scraped within the freshness window are reused, not bought again
        Set<String> fresh = leadStore.scrapedSince(all, clock.instant().minus(limits.freshness()));
        List<String> usernames = all.stream().filter(u -> !fresh.contains(u)).toList();
        List<List<String>> planned =
                BatchWork.chunks(usernames, batchSettings.current().batchSize());
        // counted by the one worker whose plan was stored, once, even if the job runs again
        if (batches.plan(runId, RunBatches.Phase.PROFILES, planned)) {
            run.add(Counter.PROFILES_CACHED.key, fresh.size());
            run.add(Counter.CACHE_HITS.key, fresh.size());
            run.set(Counter.BATCH_TOTAL.key, planned.size());
        }
    }

    /** Plans the web search for what still lacks a contact; false when there is nothing to search. */
    private boolean planWebsearch(RunContext run, List<String> usernames, Set<String> searchedHere) {
        long runId = run.id();
        List<String> incomplete = leadStore.usernamesMissingContact(usernames);
        Set<String> searched =
                leadStore.searchedSince(incomplete, clock.instant().minus(limits.freshness()));
        List<String> missing = incomplete.stream()
                .filter(u -> !searched.contains(u) && !searchedHere.contains(u))
                .toList();
        // searched a moment ago by this worker's lane is no cache hit
        run.add(Counter.CACHE_HITS.key, (int)
                searched.stream().filter(u -> !searchedHere.contains(u)).count());
        if (missing.isEmpty()) {
            return false;
        }
        if (!contactSearch.configured()) {
            run.warn("run.warning.websearch-missing");
            return false;
        }
        run.add(Counter.WEBSEARCH_TOTAL.key, missing.size());
        return batches.plan(
                        runId,
                        RunBatches.Phase.WEBSEARCH,
                        BatchWork.chunks(missing, batchSettings.current().batchSize()))
                || batches.planned(runId, RunBatches.Phase.WEBSEARCH);
    }
}
