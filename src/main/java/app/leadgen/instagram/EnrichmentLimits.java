package app.leadgen.instagram;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The in-flight limits of the spec (≤ 10 Apify calls, ≤ 5 Perplexity calls at once) and the freshness window. */
@Component
class EnrichmentLimits {

    private final int profileCalls;
    private final int websearchCalls;
    private final java.time.Duration freshness;
    private final java.time.Duration lease;
    private final int helpers;

    EnrichmentLimits(
            @Value("${leadgen.apify.max-concurrent-calls:10}") int profileCalls,
            @Value("${leadgen.perplexity.max-concurrent-calls:5}") int websearchCalls,
            @Value("${leadgen.enrichment.freshness:30d}") java.time.Duration freshness,
            @Value("${leadgen.runs.batch-lease:60s}") java.time.Duration lease,
            @Value("${leadgen.runs.helpers:3}") int helpers) {
        this.profileCalls = Math.max(1, profileCalls);
        this.websearchCalls = Math.max(1, websearchCalls);
        this.freshness = freshness;
        this.lease = lease.compareTo(java.time.Duration.ofSeconds(2)) < 0 ? java.time.Duration.ofSeconds(2) : lease;
        this.helpers = Math.max(0, helpers);
    }

    /**
     * How long a claimed batch (and its usernames) stays with a worker that stopped renewing it;
     * after that another worker takes it over ({@code RUN_BATCH_LEASE}).
     */
    java.time.Duration lease() {
        return lease;
    }

    /**
     * At most this many other instances join a phase of a run ({@code RUN_HELPERS}); helper jobs are
     * only sent when other JobRunr servers are alive.
     */
    int helpers() {
        return helpers;
    }

    /** How often a helper that landed on an instance already at work passes itself on. */
    int helperBounces() {
        return 10;
    }

    /** Up to how long a passed-on helper waits: about JobRunr's poll interval. */
    java.time.Duration helperBounceDelay() {
        return java.time.Duration.ofSeconds(6);
    }

    /** How often a running pipeline looks for an emergency stop (keeps "stopped within 2 s"). */
    long stopPollMillis() {
        return 300;
    }

    /** How long a scraped profile or a web search counts as fresh: within it, nothing is paid for twice. */
    java.time.Duration freshness() {
        return freshness;
    }

    int profileCalls() {
        return profileCalls;
    }

    int websearchCalls() {
        return websearchCalls;
    }
}
