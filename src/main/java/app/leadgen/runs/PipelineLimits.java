package app.leadgen.runs;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The in-flight limits of the spec: ≤ 10 Apify calls and ≤ 5 Perplexity calls at once. */
@Component
class PipelineLimits {

    private final int profileCalls;
    private final int websearchCalls;

    PipelineLimits(
            @Value("${leadgen.apify.max-concurrent-calls:10}") int profileCalls,
            @Value("${leadgen.perplexity.max-concurrent-calls:5}") int websearchCalls) {
        this.profileCalls = Math.max(1, profileCalls);
        this.websearchCalls = Math.max(1, websearchCalls);
    }

    int profileCalls() {
        return profileCalls;
    }

    int websearchCalls() {
        return websearchCalls;
    }
}
