package app.leadgen.instagram;

import app.leadgen.enrichment.ContactSearch;
import app.leadgen.enrichment.ProfileScraper;
import app.leadgen.instagram.RunBatches.Claim;
import app.leadgen.leads.ContactData;
import app.leadgen.leads.LeadStore;
import app.leadgen.leads.ProfileData;
import app.leadgen.runs.RunContext;
import app.leadgen.support.Cancellation;
import app.leadgen.support.ExternalServiceException;
import app.leadgen.support.FailureKind;
import app.leadgen.support.Parallel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The work of one claimed batch, on whichever instance claimed it: the profile scraper for the
 * usernames this worker could claim (at most {@code APIFY_MAX_CONCURRENT} calls in flight, several
 * usernames per call), or the web search for them (at most {@code PERPLEXITY_MAX_CONCURRENT}).
 * Every result is stored as soon as it arrives; one failing call never fails the run.
 */
@Component
class BatchWork {

    private static final Logger log = LoggerFactory.getLogger(BatchWork.class);

    /**
     * How a batch ended, for the stream that runs it.
     *
     * @param websearchRejected the HTTP status with which Perplexity refused our key (the rest of the
     *     web search is pointless), 0 when it did not
     */
    record Outcome(int websearchRejected) {
        static final Outcome DONE = new Outcome(0);
    }

    private final ProfileScraper profileScraper;
    private final ContactSearch contactSearch;
    private final LeadStore leadStore;
    private final EnrichmentClaims claims;
    private final EnrichmentLimits limits;
    private final Clock clock;

    BatchWork(
            ProfileScraper profileScraper,
            ContactSearch contactSearch,
            LeadStore leadStore,
            EnrichmentClaims claims,
            EnrichmentLimits limits,
            Clock clock) {
        this.profileScraper = profileScraper;
        this.contactSearch = contactSearch;
        this.leadStore = leadStore;
        this.claims = claims;
        this.limits = limits;
        this.clock = clock;
    }

    /** Throws when Apify rejects our credentials (the run cannot go on); everything else is counted. */
    Outcome process(Claim batch, String sessionId, RunContext run, WebsearchLane lane) {
        Cancellation cancellation = run.cancellation();
        EnrichmentClaims.Purpose purpose = batch.phase() == RunBatches.Phase.PROFILES
                ? EnrichmentClaims.Purpose.PROFILE
                : EnrichmentClaims.Purpose.WEBSEARCH;
        if (batch.previousOwner() != null) {
            claims.transfer(batch.previousOwner(), batch.owner(), limits.lease());
        }
        java.time.Instant since = clock.instant().minus(limits.freshness());
        long runId = batch.runId();
        List<String> left = new ArrayList<>(batch.usernames());
        try {
            while (!left.isEmpty() && !cancellation.cancelled() && !run.stopRequested()) {
                // no double spend: what is fresh, or claimed by another run or instance, is not bought here
                Set<String> mine = claims.claim(left, purpose, since, batch.owner(), limits.lease());
                List<String> now = left.stream().filter(mine::contains).toList();
                if (!now.isEmpty()) {
                    if (batch.phase() == RunBatches.Phase.PROFILES) {
                        scrape(run, now, sessionId, cancellation, lane);
                    } else {
                        Outcome outcome = search(run, now, cancellation);
                        if (outcome.websearchRejected() != 0) {
                            return outcome;
                        }
                    }
                }
                left.removeAll(now);
                // give up what was tried (done or failed) before waiting: a waiting batch holds nothing,
                // so two batches can never wait for each other
                claims.release(batch.owner());
                Set<String> fresh = claims.fresh(left, purpose, since);
                left.removeAll(fresh);
                run.add(Counter.CACHE_HITS.key, fresh.size());
                if (batch.phase() == RunBatches.Phase.PROFILES) {
                    run.add(Counter.PROFILES_CACHED.key, fresh.size());
                    if (lane != null) {
                        lane.offer(fresh); // known profiles may still lack a contact
                    }
                }
                if (!left.isEmpty() && !pause(500)) {
                    break;
                }
                // what is left is being bought by someone else right now: wait for it to be fresh, or
                // for its claim to be given up (that call failed) or to run out (that worker died)
            }
            return Outcome.DONE;
        } finally {
            claims.release(batch.owner());
        }
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void scrape(
            RunContext run, List<String> usernames, String sessionId, Cancellation cancellation, WebsearchLane lane) {
        long runId = run.id();
        AtomicReference<ExternalServiceException> fatal = new AtomicReference<>();
        List<List<String>> calls = chunks(usernames, profileScraper.batchSize());
        Parallel.forEach("profiles-" + runId, limits.profileCalls(), calls, cancellation, call -> {
            if (fatal.get() != null || cancellation.cancelled() || run.stopRequested()) {
                return;
            }
            try {
                Map<String, ProfileData> found;
                try {
                    found = profileScraper.scrape(call, sessionId);
                    run.ledger("apify", "profile-scrape", call.size(), "ok");
                } catch (ExternalServiceException e) {
                    run.ledger("apify", "profile-scrape", call.size(), e.errorType());
                    throw e;
                }
                found.values().forEach(leadStore::saveProfile);
                leadStore.markScrapedWithoutData(
                        call.stream().filter(u -> !found.containsKey(u)).toList());
                int hit = (int) call.stream().filter(found::containsKey).count();
                run.add(Counter.PROFILES_ENRICHED.key, hit);
                run.add(Counter.PROFILES_NOT_FOUND.key, call.size() - hit);
                offer(lane, call);
            } catch (ExternalServiceException e) {
                if (cancellation.cancelled()) {
                    return; // aborted by the emergency stop: neither a failure nor a result
                }
                run.add(Counter.PROFILES_FAILED.key, call.size());
                if (e.kind() == FailureKind.CREDENTIALS || e.kind() == FailureKind.QUOTA) {
                    fatal.compareAndSet(null, e);
                } else {
                    log.warn("run {}: a profile call of {} failed ({})", runId, call.size(), e.errorType());
                    offer(lane, call); // without a profile, the web search is all there is
                }
            } catch (RuntimeException e) {
                // one bad answer (say, an unstorable value) must not take the run down
                run.add(Counter.PROFILES_FAILED.key, call.size());
                log.error("run {}: a profile call of {} could not be processed", runId, call.size(), e);
                offer(lane, call);
            }
        });
        if (fatal.get() != null) {
            throw fatal.get();
        }
    }

    /** Stages overlap: what came back incomplete is searched on the web while the next profiles load. */
    private static void offer(WebsearchLane lane, List<String> usernames) {
        if (lane != null) {
            lane.offer(usernames);
        }
    }

    private Outcome search(RunContext run, List<String> usernames, Cancellation cancellation) {
        long runId = run.id();
        AtomicReference<ExternalServiceException> rejected = new AtomicReference<>();
        Parallel.forEach("websearch-" + runId, limits.websearchCalls(), usernames, cancellation, username -> {
            if (rejected.get() != null || cancellation.cancelled() || run.stopRequested()) {
                return;
            }
            try {
                ContactData contact = contactSearch.find(username);
                run.ledger("perplexity", "contact-search", 1, "ok");
                leadStore.fillMissingContact(username, contact, contactSearch.source());
                run.add(Counter.WEBSEARCH_DONE.key, 1);
            } catch (ExternalServiceException e) {
                run.ledger("perplexity", "contact-search", 1, e.errorType());
                run.add(Counter.WEBSEARCH_FAILED.key, 1);
                if (e.kind() == FailureKind.CREDENTIALS || e.kind() == FailureKind.QUOTA) {
                    rejected.compareAndSet(null, e);
                }
            } catch (RuntimeException e) {
                run.add(Counter.WEBSEARCH_FAILED.key, 1);
                log.error("run {}: the web search result of one profile could not be processed", runId, e);
            }
        });
        return rejected.get() == null
                ? Outcome.DONE
                : new Outcome(rejected.get().status());
    }

    static <T> List<List<T>> chunks(List<T> list, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i += size) {
            out.add(List.copyOf(list.subList(i, Math.min(list.size(), i + size))));
        }
        return out;
    }
}
