package app.leadgen.apify;

import app.leadgen.support.Texts;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Apify settings ({@code APIFY_*} environment variables). The defaults name the actors of the
 * spec: {@code DrF9mzPPEuVizVF4l} is apify/instagram-search-scraper and {@code 8WEn9FvZnhE7lM3oA}
 * is a community email/phone profile scraper (see contracts §1).
 */
@ConfigurationProperties("leadgen.apify")
public record ApifyProperties(
        String token,
        String baseUrl,
        String searchActor,
        String profileActor,
        int searchLimit,
        int profileBatchSize,
        int maxConcurrentCalls,
        Duration connectTimeout,
        Duration readTimeout,
        int maxAttempts,
        Duration initialBackoff) {

    public boolean configured() {
        return !Texts.blank(token);
    }
}
