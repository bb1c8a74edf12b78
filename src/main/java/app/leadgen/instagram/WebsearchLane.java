package app.leadgen.instagram;

import app.leadgen.enrichment.ContactSearch;
import app.leadgen.leads.ContactData;
import app.leadgen.leads.LeadStore;
import app.leadgen.runs.RunContext;
import app.leadgen.support.ExternalServiceException;
import app.leadgen.support.FailureKind;
import app.leadgen.support.Parallel;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web search of one worker, beside its profile batches: a username whose profile came back
 * without a complete contact is searched at once (at most {@code PERPLEXITY_MAX_CONCURRENT} at a
 * time), while the next profiles are still being scraped, so the two stages overlap. Each search is
 * leased first (no double spend across runs and instances). What this lane could not do (it was
 * stopped, the worker died) is planned as web search batches after the profiles.
 */
final class WebsearchLane implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebsearchLane.class);

    private final RunContext run;
    private final ContactSearch search;
    private final LeadStore leads;
    private final EnrichmentClaims claims;
    private final EnrichmentLimits limits;
    private final Clock clock;
    private final String owner;
    private final ExecutorService pool;
    private final Set<String> attempted = ConcurrentHashMap.newKeySet();
    private final AtomicInteger rejected = new AtomicInteger();

    WebsearchLane(
            RunContext run,
            ContactSearch search,
            LeadStore leads,
            EnrichmentClaims claims,
            EnrichmentLimits limits,
            Clock clock) {
        this.run = run;
        this.search = search;
        this.leads = leads;
        this.claims = claims;
        this.limits = limits;
        this.clock = clock;
        this.owner = owner(run);
        this.pool = Executors.newFixedThreadPool(limits.websearchCalls(), Parallel.threads("websearch-" + run.id()));
    }

    /** The lease owner of a worker's lane (its heartbeat renews it). */
    static String owner(RunContext run) {
        return run.owner() + "/ws";
    }

    /** Searches those of these usernames whose contact is still incomplete and not searched lately. */
    void offer(Collection<String> usernames) {
        if (!search.configured() || rejected.get() != 0 || run.stopRequested() || usernames.isEmpty()) {
            return;
        }
        List<String> incomplete = leads.usernamesMissingContact(usernames);
        Instant since = clock.instant().minus(limits.freshness());
        Set<String> mine = claims.claim(incomplete, EnrichmentClaims.Purpose.WEBSEARCH, since, owner, limits.lease());
        List<String> now = incomplete.stream().filter(mine::contains).toList();
        if (now.isEmpty()) {
            return;
        }
        run.add(Counter.WEBSEARCH_TOTAL.key, now.size());
        for (String username : now) {
            pool.execute(() -> run.cancellation().runBound(() -> searchOne(username)));
        }
    }

    private void searchOne(String username) {
        try {
            if (rejected.get() != 0 || run.stopRequested()) {
                return;
            }
            attempted.add(username);
            try {
                ContactData contact = search.find(username);
                run.ledger("perplexity", "contact-search", 1, "ok");
                leads.fillMissingContact(username, contact, search.source());
                run.add(Counter.WEBSEARCH_DONE.key, 1);
            } catch (ExternalServiceException e) {
                if (e.kind() == FailureKind.CANCELLED || run.cancellation().cancelled()) {
                    attempted.remove(username); // aborted by an emergency stop: neither done nor failed
                    return;
                }
                run.ledger("perplexity", "contact-search", 1, e.errorType());
                run.add(Counter.WEBSEARCH_FAILED.key, 1);
                if (e.kind() == FailureKind.CREDENTIALS || e.kind() == FailureKind.QUOTA) {
                    rejected.compareAndSet(0, Math.max(1, e.status()));
                }
            } catch (RuntimeException e) {
                run.add(Counter.WEBSEARCH_FAILED.key, 1);
                log.error("run {}: the web search result of one profile could not be processed", run.id(), e);
            }
        } finally {
            claims.release(owner, List.of(username), EnrichmentClaims.Purpose.WEBSEARCH);
        }
    }

    /** Waits until every offered search has ended, or the run was cancelled or stopped. */
    void drain() {
        pool.shutdown();
        try {
            while (!pool.awaitTermination(100, TimeUnit.MILLISECONDS)) {
                if (run.cancellation().cancelled()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The HTTP status with which Perplexity refused our key (the rest is pointless), 0 when it did not. */
    int rejected() {
        return rejected.get();
    }

    /** Usernames this lane searched (done or failed): the web search batches leave them out. */
    Set<String> attempted() {
        return attempted;
    }

    @Override
    public void close() {
        pool.shutdownNow();
        claims.release(owner);
    }
}
