package app.leadgen.outreach.drafting;

import app.leadgen.support.Texts;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code OPENAI_API_KEY}, {@code OPENAI_BASE_URL} (any OpenAI-compatible server), {@code OPENAI_MODEL}. */
@ConfigurationProperties("leadgen.openai")
record OpenAiProperties(
        String apiKey, String baseUrl, String model, Duration timeout, int maxAttempts, Duration initialBackoff) {

    boolean configured() {
        return !Texts.blank(apiKey);
    }
}
