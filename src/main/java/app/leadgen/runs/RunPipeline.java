package app.leadgen.runs;

import app.leadgen.discovery.HashtagFlattener;
import app.leadgen.discovery.HashtagHit;
import app.leadgen.discovery.HashtagSearch;
import app.leadgen.enrichment.ContactSearch;
import app.leadgen.enrichment.ProfileScraper;
import app.leadgen.leads.ContactData;
import app.leadgen.leads.Finding;
import app.leadgen.leads.LeadStore;
import app.leadgen.leads.ProfileData;
import app.leadgen.runs.RunProgress.Counter;
import app.leadgen.support.Cancellation;
import app.leadgen.support.ExternalServiceException;
import app.leadgen.support.SecretBox;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * One Instagram run: hashtag crawl → flatten and dedupe → profile scraper (at most
 * {@code APIFY_MAX_CONCURRENT} calls in flight, several usernames per call) → web search for
 * whatever is still missing (at most {@code PERPLEXITY_MAX_CONCURRENT} in flight). Every result is
 * stored as soon as it arrives. One failing profile never fails the run; rejected credentials do.
 */
@Component
class RunPipeline {

    private static final Logger log = LoggerFactory.getLogger(RunPipeline.class);
    private static final Locale MESSAGES = Locale.GERMAN;

    private final RunRepository runs;
    private final RunProgress progress;
    private final HashtagSearch hashtagSearch;
    private final ProfileScraper profileScraper;
    private final ContactSearch contactSearch;
    private final LeadStore leadStore;
    private final SecretBox secrets;
    private final MessageSource messages;
    private final PipelineLimits limits;
    private final java.time.Clock clock;
    private final BatchSettings batchSettings;
    private final HashtagSelection selection;

    /** Contacts from the accounts' own websites, after the web search (field-injected: one place to merge). */
    @org.springframework.beans.factory.annotation.Autowired
    private WebsiteStage websiteStage;

    RunPipeline(
            RunRepository runs,
            RunProgress progress,
            HashtagSearch hashtagSearch,
            ProfileScraper profileScraper,
            ContactSearch contactSearch,
            LeadStore leadStore,
            SecretBox secrets,
            MessageSource messages,
            PipelineLimits limits,
            java.time.Clock clock,
            BatchSettings batchSettings,
            HashtagSelection selection) {
        this.selection = selection;
        this.clock = clock;
        this.batchSettings = batchSettings;
        this.runs = runs;
        this.progress = progress;
        this.hashtagSearch = hashtagSearch;
        this.profileScraper = profileScraper;
        this.contactSearch = contactSearch;
        this.leadStore = leadStore;
        this.secrets = secrets;
        this.messages = messages;
        this.limits = limits;
    }

    void execute(long runId) {
        Run run = runs.findById(runId).orElse(null);
        if (run == null || !progress.start(runId)) {
            return;
        }
        String sessionId = secrets.open(run.sessionSecret);
        Cancellation cancellation = new Cancellation();
        ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(threads("stop-watch-" + runId));
        // an emergency stop may arrive at any instance: the flag in the database reaches this one
        watcher.scheduleWithFixedDelay(
                () -> {
                    if (!cancellation.cancelled() && progress.emergencyRequested(runId)) {
                        log.warn("run {}: emergency stop, cancelling calls in flight", runId);
                        cancellation.cancel();
                    }
                },
                limits.stopPollMillis(),
                limits.stopPollMillis(),
                TimeUnit.MILLISECONDS);
        try {
            cancellation.runBound(() -> pipeline(runId, run, sessionId, cancellation));
        } finally {
            watcher.shutdownNow();
        }
    }

    private void pipeline(long runId, Run run, String sessionId, Cancellation cancellation) {
        try {
            // a resumed run keeps what its crawl found and does only what is left
            boolean resumed = run.findings > 0;
            List<String> usernames;
            if (resumed) {
                usernames = leadStore.usernamesOfRun(runId);
                progress.resetEnrichmentCounters(runId);
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
            enrichProfiles(runId, usernames, sessionId, cancellation);
            if (stopIfRequested(runId)) {
                return;
            }
            progress.stage(runId, RunStage.WEBSEARCH);
            searchMissingContacts(runId, usernames, cancellation);
            websiteStage.fill(runId, usernames, cancellation);
            if (stopIfRequested(runId)) {
                return;
            }
            progress.finish(runId, RunStatus.COMPLETED, null);
        } catch (ExternalServiceException e) {
            if (stopIfRequested(runId)) {
                return; // the failure was the cancellation of an emergency stop
            }
            progress.finish(runId, RunStatus.FAILED, describe(e));
        } catch (RuntimeException e) {
            log.error("run {} failed", runId, e);
            progress.finish(
                    runId,
                    RunStatus.FAILED,
                    text("run.error.internal", e.getClass().getSimpleName()));
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

    private void enrichProfiles(long runId, List<String> all, String sessionId, Cancellation cancellation) {
        // no double spend: profiles scraped within the freshness window are reused, not bought again
        java.util.Set<String> fresh =
                leadStore.scrapedSince(all, clock.instant().minus(limits.freshness()));
        List<String> usernames = all.stream().filter(u -> !fresh.contains(u)).toList();
        progress.add(runId, Counter.PROFILES_CACHED, fresh.size());
        progress.add(runId, Counter.CACHE_HITS, fresh.size());
        AtomicReference<ExternalServiceException> fatal = new AtomicReference<>();
        // seed 001: batches of at most 50 profiles with an anti-spam pause between them
        BatchSettings.Batches pacing = batchSettings.current();
        List<List<String>> rounds = batches(usernames, pacing.batchSize());
        progress.set(runId, Counter.BATCH_TOTAL, rounds.size());
        for (int round = 0; round < rounds.size(); round++) {
            if (fatal.get() != null || cancellation.cancelled() || progress.stopRequested(runId)) {
                break;
            }
            if (round > 0 && !pause(runId, pacing.batchPauseSeconds(), cancellation)) {
                break;
            }
            progress.set(runId, Counter.BATCH_CURRENT, round + 1);
            scrapeRound(runId, rounds.get(round), sessionId, cancellation, fatal);
        }
        if (fatal.get() != null) {
            throw fatal.get();
        }
    }

    /** Waits between batches, in short steps so a stop ends the wait at once; false when stopped. */
    private boolean pause(long runId, int seconds, Cancellation cancellation) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            if (cancellation.cancelled() || progress.stopRequested(runId)) {
                return false;
            }
            try {
                Thread.sleep(Math.min(200, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()) + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private void scrapeRound(
            long runId,
            List<String> usernames,
            String sessionId,
            Cancellation cancellation,
            AtomicReference<ExternalServiceException> fatal) {
        List<List<String>> batches = batches(usernames, profileScraper.batchSize());
        runConcurrently("profiles-" + runId, limits.profileCalls(), batches, cancellation, batch -> {
            if (fatal.get() != null || cancellation.cancelled() || progress.stopRequested(runId)) {
                return;
            }
            try {
                Map<String, ProfileData> found;
                try {
                    found = profileScraper.scrape(batch, sessionId);
                    progress.ledger(runId, "apify", "profile-scrape", batch.size(), "ok");
                } catch (ExternalServiceException e) {
                    progress.ledger(runId, "apify", "profile-scrape", batch.size(), e.errorType());
                    throw e;
                }
                found.values().forEach(leadStore::saveProfile);
                leadStore.markScrapedWithoutData(
                        batch.stream().filter(u -> !found.containsKey(u)).toList());
                int hit = (int) batch.stream().filter(found::containsKey).count();
                progress.add(runId, Counter.PROFILES_ENRICHED, hit);
                progress.add(runId, Counter.PROFILES_NOT_FOUND, batch.size() - hit);
            } catch (ExternalServiceException e) {
                if (cancellation.cancelled()) {
                    return; // aborted by the emergency stop: neither a failure nor a result
                }
                progress.add(runId, Counter.PROFILES_FAILED, batch.size());
                if (e.credentialsRejected()) {
                    fatal.compareAndSet(null, e);
                } else {
                    log.warn("run {}: a profile batch of {} failed ({})", runId, batch.size(), e.errorType());
                }
            } catch (RuntimeException e) {
                // one bad batch (say, an unstorable value) must not take the run down
                progress.add(runId, Counter.PROFILES_FAILED, batch.size());
                log.error("run {}: a profile batch of {} could not be processed", runId, batch.size(), e);
            }
        });
    }

    private void searchMissingContacts(long runId, List<String> usernames, Cancellation cancellation) {
        List<String> incomplete = leadStore.usernamesMissingContact(usernames);
        java.util.Set<String> searched =
                leadStore.searchedSince(incomplete, clock.instant().minus(limits.freshness()));
        List<String> missing =
                incomplete.stream().filter(u -> !searched.contains(u)).toList();
        progress.add(runId, Counter.CACHE_HITS, searched.size());
        if (missing.isEmpty()) {
            return;
        }
        if (!contactSearch.configured()) {
            progress.warn(runId, text("run.warning.websearch-missing"));
            return;
        }
        progress.set(runId, Counter.WEBSEARCH_TOTAL, missing.size());
        AtomicReference<ExternalServiceException> rejected = new AtomicReference<>();
        runConcurrently("websearch-" + runId, limits.websearchCalls(), missing, cancellation, username -> {
            if (rejected.get() != null || cancellation.cancelled() || progress.stopRequested(runId)) {
                return;
            }
            try {
                ContactData contact = contactSearch.find(username);
                progress.ledger(runId, "perplexity", "contact-search", 1, "ok");
                leadStore.fillMissingContact(username, contact, contactSearch.source());
                progress.add(runId, Counter.WEBSEARCH_DONE, 1);
            } catch (ExternalServiceException e) {
                progress.ledger(runId, "perplexity", "contact-search", 1, e.errorType());
                progress.add(runId, Counter.WEBSEARCH_FAILED, 1);
                if (e.credentialsRejected()) {
                    rejected.compareAndSet(null, e);
                }
            } catch (RuntimeException e) {
                progress.add(runId, Counter.WEBSEARCH_FAILED, 1);
                log.error("run {}: the web search result of one profile could not be processed", runId, e);
            }
        });
        if (rejected.get() != null) {
            // the profiles are complete without it: keep the run, say why the web search stopped
            progress.warn(
                    runId, text("run.warning.websearch-rejected", rejected.get().status()));
        }
    }

    /**
     * Runs the tasks with at most {@code parallelism} at once and waits for all of them, unless the
     * run is cancelled: then it stops waiting at once (calls that cannot be aborted finish on their
     * own and are ignored).
     */
    private static <T> void runConcurrently(
            String name, int parallelism, List<T> items, Cancellation cancellation, Consumer<T> task) {
        if (items.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, items.size()), threads(name));
        try {
            List<CompletableFuture<Void>> futures = new ArrayList<>(items.size());
            for (T item : items) {
                futures.add(CompletableFuture.runAsync(() -> cancellation.runBound(() -> task.accept(item)), pool));
            }
            CompletableFuture<Void> all = CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
            while (!cancellation.cancelled()) {
                try {
                    all.get(100, TimeUnit.MILLISECONDS);
                    return;
                } catch (TimeoutException stillWorking) {
                    // check the cancellation again
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancellation.cancel();
                }
            }
        } finally {
            pool.shutdownNow();
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

    private static <T> List<List<T>> batches(List<T> list, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i += size) {
            out.add(List.copyOf(list.subList(i, Math.min(list.size(), i + size))));
        }
        return out;
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
