package app.leadgen.runs;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The in-flight limits of the spec (≤ 10 Apify calls, ≤ 5 Perplexity calls at once) and the freshness window. */
@Component
class PipelineLimits {

    private final int profileCalls;
    private final int websearchCalls;
    private final java.time.Duration freshness;

    PipelineLimits(
            @Value("${leadgen.apify.max-concurrent-calls:10}") int profileCalls,
            @Value("${leadgen.perplexity.max-concurrent-calls:5}") int websearchCalls,
            @Value("${leadgen.enrichment.freshness:30d}") java.time.Duration freshness) {
        this.profileCalls = Math.max(1, profileCalls);
        this.websearchCalls = Math.max(1, websearchCalls);
        this.freshness = freshness;
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
