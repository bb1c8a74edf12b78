package app.leadgen.enrichment.websearch;

import app.leadgen.support.Texts;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code PERPLEXITY_*} settings. Perplexity speaks the OpenAI wire format at its own base URL. */
@ConfigurationProperties("leadgen.perplexity")
record PerplexityProperties(
        String apiKey, String baseUrl, String model, int maxConcurrentCalls, Duration timeout, int maxRetries) {

    boolean configured() {
        return !Texts.blank(apiKey);
    }
}
