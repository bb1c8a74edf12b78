package app.leadgen.apify;

import app.leadgen.support.Cancellation;
import app.leadgen.support.ExternalServiceException;
import app.leadgen.support.MissingSetting;
import app.leadgen.support.RetryAfter;
import app.leadgen.support.RetryPolicy;
import app.leadgen.support.SettingsCheck;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls {@code POST /v2/acts/{actorId}/run-sync-get-dataset-items} with the token as a Bearer
 * header (not in the URL, so it never reaches access logs). Failures become
 * {@link ExternalServiceException}s in Apify's {@code {"error":{"type","message"}}} terms; 429, 5xx
 * and network timeouts are retried with backoff, honouring {@code Retry-After}.
 *
 * <p>A 408 {@code run-timeout-exceeded} is not retried: the run goes on (and is billed) at Apify, so a
 * retry would pay for a second run of the same input.
 */
@Component
public class ApifyClient implements SettingsCheck, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ApifyClient.class);
    private static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

    private final ApifyProperties properties;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final CloseableHttpClient http;
    private final RetryPolicy retry;

    ApifyClient(ApifyProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        int pool = Math.max(properties.maxConcurrentCalls(), 1) * 2;
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(pool)
                        .setMaxConnPerRoute(pool)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                                .setSocketTimeout(Timeout.of(properties.readTimeout()))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(properties.readTimeout()))
                        .build())
                .disableAutomaticRetries()
                .disableCookieManagement()
                .build();
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
            throw new ExternalServiceException(
                    "apify", 401, "token-not-provided", "APIFY_TOKEN is not configured", false, null);
        }
        String body = json.writeValueAsString(input);
        return retry.call(() -> runOnce(actorId, body));
    }

    private List<JsonNode> runOnce(String actorId, String body) {
        String url = properties.baseUrl().replaceAll("/+$", "") + "/v2/acts/"
                + URLEncoder.encode(actorId, StandardCharsets.UTF_8)
                + "/run-sync-get-dataset-items?format=json&clean=true";
        HttpPost post = new HttpPost(url);
        post.setHeader("Authorization", "Bearer " + properties.token());
        post.setHeader("Accept", "application/json");
        post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        Cancellation cancellation = Cancellation.current();
        if (cancellation != null && cancellation.cancelled()) {
            throw cancelled();
        }
        // an emergency stop aborts the request: the connection is closed, the actor run is not waited for
        Runnable unregister = cancellation == null ? () -> {} : cancellation.register(post::cancel);
        try {
            return http.execute(post, response -> {
                int status = response.getCode();
                String text = readBody(
                        response.getEntity() == null
                                ? null
                                : response.getEntity().getContent());
                if (status >= 200 && status < 300) {
                    return parseItems(actorId, text);
                }
                throw failure(actorId, status, text, response.getFirstHeader("Retry-After"));
            });
        } catch (SocketTimeoutException e) {
            throw new ExternalServiceException("apify", 0, "timeout", "Apify did not answer in time", true, null);
        } catch (IOException e) {
            if (cancellation != null && cancellation.cancelled()) {
                throw cancelled();
            }
            throw new ExternalServiceException(
                    "apify",
                    0,
                    "io",
                    "Apify could not be reached: " + e.getClass().getSimpleName(),
                    true,
                    null);
        } finally {
            unregister.run();
        }
    }

    private static ExternalServiceException cancelled() {
        return new ExternalServiceException(
                "apify", 0, "cancelled", "the call was cancelled by an emergency stop", false, null);
    }

    private List<JsonNode> parseItems(String actorId, String text) {
        try {
            JsonNode root = json.readTree(text);
            if (root == null || !root.isArray()) {
                throw new ExternalServiceException(
                        "apify", 200, "malformed", "Apify answered without a JSON array of items", false, null);
            }
            List<JsonNode> items = new ArrayList<>(root.size());
            root.forEach(items::add);
            log.debug("actor {} returned {} items", actorId, items.size());
            return items;
        } catch (JacksonException e) {
            throw new ExternalServiceException(
                    "apify", 200, "malformed", "Apify answered with malformed JSON", false, null);
        }
    }

    private ExternalServiceException failure(String actorId, int status, String text, Header retryAfterHeader) {
        String type = "http-" + status;
        String message = "HTTP " + status;
        try {
            JsonNode error = json.readTree(text).path("error");
            if (error.isObject()) {
                type = error.path("type").asString(type);
                message = error.path("message").asString(message);
            }
        } catch (JacksonException | IllegalArgumentException notJson) {
            // keep the status-only description
        }
        boolean retryable = status == 429 || status >= 500;
        var retryAfter = RetryAfter.parse(retryAfterHeader == null ? null : retryAfterHeader.getValue(), clock);
        log.warn("Apify actor {} failed: {} {} ({})", actorId, status, type, message);
        return new ExternalServiceException("apify", status, type, message, retryable, retryAfter);
    }

    private static String readBody(InputStream in) throws IOException {
        if (in == null) {
            return "";
        }
        try (in) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    @Override
    public List<MissingSetting> missingSettings() {
        return configured() ? List.of() : List.of(new MissingSetting("APIFY_TOKEN", "settings.missing.apify"));
    }

    @Override
    public void destroy() throws IOException {
        http.close();
    }
}
