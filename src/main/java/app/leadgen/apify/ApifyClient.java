package app.leadgen.apify;

import app.leadgen.support.MissingSetting;
import app.leadgen.support.RetryPolicy;
import app.leadgen.support.SettingsCheck;
import app.leadgen.support.http.HttpSettings;
import app.leadgen.support.http.JsonHttp;
import app.leadgen.support.http.JsonHttpFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Calls {@code POST /v2/acts/{actorId}/run-sync-get-dataset-items} with the token as a Bearer
 * header (not in the URL, so it never reaches access logs). Failures are classified by
 * {@link ApifyErrors}; 429, 5xx and network timeouts are retried with backoff, honouring
 * {@code Retry-After}.
 *
 * <p>A 408 {@code run-timeout-exceeded} is not retried: the run goes on (and is billed) at Apify, so a
 * retry would pay for a second run of the same input.
 */
@Component
public class ApifyClient implements SettingsCheck {

    private static final Logger log = LoggerFactory.getLogger(ApifyClient.class);
    private static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

    private final ApifyProperties properties;
    private final JsonHttp http;
    private final RetryPolicy retry;

    ApifyClient(ApifyProperties properties, JsonHttpFactory clients) {
        this.properties = properties;
        this.http = clients.create(
                new HttpSettings(
                        "apify",
                        "Apify",
                        Math.max(properties.maxConcurrentCalls(), 1) * 2,
                        properties.connectTimeout(),
                        properties.readTimeout(),
                        MAX_BODY_BYTES),
                new ApifyErrors());
        this.retry = new RetryPolicy("apify", properties.maxAttempts(), properties.initialBackoff());
    }

    public boolean configured() {
        return properties.configured();
    }

    public ApifyProperties properties() {
        return properties;
    }

    /** Runs the actor with the given input and returns its dataset items (retrying what is safe). */
    public List<JsonNode> runActor(String actorId, Object input) {
        if (!configured()) {
            throw http.notConfigured("APIFY_TOKEN is not configured", "token-not-provided");
        }
        String url = properties.baseUrl().replaceAll("/+$", "") + "/v2/acts/"
                + URLEncoder.encode(actorId, StandardCharsets.UTF_8)
                + "/run-sync-get-dataset-items?format=json&clean=true";
        Map<String, String> headers = Map.of("Authorization", "Bearer " + properties.token());
        return retry.call(() -> http.post(url, headers, input, body -> items(actorId, body)));
    }

    private List<JsonNode> items(String actorId, JsonNode root) {
        if (!root.isArray()) {
            throw http.malformed("Apify answered without a JSON array of items");
        }
        List<JsonNode> items = new ArrayList<>(root.size());
        root.forEach(items::add);
        log.debug("actor {} returned {} items", actorId, items.size());
        return items;
    }

    @Override
    public List<MissingSetting> missingSettings() {
        return configured() ? List.of() : List.of(new MissingSetting("APIFY_TOKEN", "settings.missing.apify"));
    }
}
