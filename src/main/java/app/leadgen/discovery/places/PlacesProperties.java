package app.leadgen.discovery.places;

import app.leadgen.support.Texts;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code GOOGLE_PLACES_API_KEY}, {@code PLACES_BASE_URL} and the other {@code PLACES_*} settings.
 *
 * @param languageCode language of names and addresses in the answers ({@code de})
 */
@ConfigurationProperties("leadgen.places")
record PlacesProperties(
        String apiKey,
        String baseUrl,
        String languageCode,
        Duration connectTimeout,
        Duration readTimeout,
        int maxAttempts,
        Duration initialBackoff) {

    boolean configured() {
        return !Texts.blank(apiKey);
    }
}
