package app.leadgen.discovery.places;

import app.leadgen.discovery.PlaceHit;
import app.leadgen.discovery.PlaceQuery;
import app.leadgen.discovery.PlaceSearch;
import app.leadgen.support.Cancellation;
import app.leadgen.support.ExternalServiceException;
import app.leadgen.support.MissingSetting;
import app.leadgen.support.RetryAfter;
import app.leadgen.support.RetryPolicy;
import app.leadgen.support.SettingsCheck;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * Google Places API (New) Text Search (contracts §7): {@code POST {PLACES_BASE_URL}/v1/places:searchText}
 * with the key in {@code X-Goog-Api-Key} (never in the URL) and always an {@code X-Goog-FieldMask}
 * naming only the fields we store plus {@code nextPageToken} (without the mask Google answers 400;
 * every extra field costs). Pages of 20 are followed with {@code pageToken} up to 60 results.
 * Errors arrive in the google.rpc envelope {@code {"error":{"code","message","status"}}}; 429 and
 * 5xx are retried with backoff, at least as long as {@code Retry-After} asks; 400, 401 and 403 are
 * not.
 */
@Component
class GooglePlacesSearch implements PlaceSearch, SettingsCheck, DisposableBean {

    static final String PATH = "/v1/places:searchText";
    static final String FIELD_MASK = String.join(
            ",",
            "places.id",
            "places.displayName",
            "places.formattedAddress",
            "places.nationalPhoneNumber",
            "places.internationalPhoneNumber",
            "places.websiteUri",
            "places.rating",
            "places.userRatingCount",
            "places.businessStatus",
            "places.googleMapsUri",
            "nextPageToken");
    static final int PAGE_SIZE = 20;
    private static final int MAX_BODY_BYTES = 8 * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(GooglePlacesSearch.class);

    private final PlacesProperties properties;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final CloseableHttpClient http;
    private final RetryPolicy retry;

    GooglePlacesSearch(PlacesProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(8)
                        .setMaxConnPerRoute(8)
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
        this.retry = new RetryPolicy("places", properties.maxAttempts(), properties.initialBackoff());
    }

    @Override
    public boolean configured() {
        return properties.configured();
    }

    @Override
    public List<PlaceHit> search(PlaceQuery query, Calls calls) {
        if (!configured()) {
            throw new ExternalServiceException(
                    "places", 401, "not-configured", "GOOGLE_PLACES_API_KEY is not configured", false, null);
        }
        List<PlaceHit> hits = new ArrayList<>();
        String token = null;
        for (int page = 0; hits.size() < MAX_RESULTS; page++) {
            String body = json.writeValueAsString(body(query, token));
            Page result;
            try {
                result = retry.call(() -> once(body));
            } catch (ExternalServiceException e) {
                calls.called(e.errorType());
                if (page == 0 || e.credentialsRejected() || e.status() == 400 || cancelled()) {
                    throw e;
                }
                log.warn(
                        "Places: page {} of \"{}\" failed ({}), keeping {} results",
                        page + 1,
                        query.textQuery(),
                        e.errorType(),
                        hits.size());
                break;
            }
            hits.addAll(result.hits());
            boolean goOn = calls.called("ok");
            token = result.nextPageToken();
            if (!goOn || token == null || token.isBlank()) {
                break;
            }
        }
        return hits.size() > MAX_RESULTS ? List.copyOf(hits.subList(0, MAX_RESULTS)) : hits;
    }

    /** The request body; the same for every page except {@code pageToken}, as the API requires. */
    Map<String, Object> body(PlaceQuery query, String pageToken) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("textQuery", query.textQuery());
        body.put("pageSize", PAGE_SIZE);
        if (properties.languageCode() != null && !properties.languageCode().isBlank()) {
            body.put("languageCode", properties.languageCode());
        }
        if (query.hasCircle()) {
            body.put(
                    "locationBias",
                    Map.of(
                            "circle",
                            Map.of(
                                    "center",
                                    Map.of("latitude", query.latitude(), "longitude", query.longitude()),
                                    "radius",
                                    query.radius())));
        }
        if (pageToken != null) {
            body.put("pageToken", pageToken);
        }
        return body;
    }

    record Page(List<PlaceHit> hits, String nextPageToken) {}

    private Page once(String body) {
        HttpPost post = new HttpPost(properties.baseUrl().replaceAll("/+$", "") + PATH);
        post.setHeader("X-Goog-Api-Key", properties.apiKey());
        post.setHeader("X-Goog-FieldMask", FIELD_MASK);
        post.setHeader("Accept", "application/json");
        post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        Cancellation cancellation = Cancellation.current();
        if (cancellation != null && cancellation.cancelled()) {
            throw cancelledError();
        }
        // an emergency stop aborts the request in flight (its connection is closed)
        Runnable unregister = cancellation == null ? () -> {} : cancellation.register(post::cancel);
        try {
            return http.execute(post, response -> {
                int status = response.getCode();
                String text = readBody(
                        response.getEntity() == null
                                ? null
                                : response.getEntity().getContent());
                if (status >= 200 && status < 300) {
                    return parse(text);
                }
                throw failure(status, text, response.getFirstHeader("Retry-After"));
            });
        } catch (SocketTimeoutException e) {
            throw new ExternalServiceException(
                    "places", 0, "timeout", "Google Places did not answer in time", true, null);
        } catch (IOException e) {
            if (cancelled()) {
                throw cancelledError();
            }
            throw new ExternalServiceException(
                    "places",
                    0,
                    "io",
                    "Google Places could not be reached: " + e.getClass().getSimpleName(),
                    true,
                    null);
        } finally {
            unregister.run();
        }
    }

    private static boolean cancelled() {
        Cancellation cancellation = Cancellation.current();
        return cancellation != null && cancellation.cancelled();
    }

    private static ExternalServiceException cancelledError() {
        return new ExternalServiceException(
                "places", 0, "cancelled", "the call was cancelled by an emergency stop", false, null);
    }

    Page parse(String text) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JacksonException e) {
            throw malformed("Google Places answered with malformed JSON");
        }
        if (root == null || !root.isObject()) {
            throw malformed("Google Places answered without a JSON object");
        }
        JsonNode places = root.path("places");
        if (!places.isMissingNode() && !places.isNull() && !places.isArray()) {
            throw malformed("Google Places answered with \"places\" that is not a list");
        }
        List<PlaceHit> hits = new ArrayList<>();
        for (JsonNode place : places.isArray() ? places : List.<JsonNode>of()) {
            String id = text(place, "id");
            String name = text(place.path("displayName"), "text");
            if (id == null || id.isBlank() || name == null || name.isBlank()) {
                continue; // nothing to store it under, or nothing to call it
            }
            String phone = text(place, "internationalPhoneNumber");
            hits.add(new PlaceHit(
                    id,
                    name,
                    text(place, "formattedAddress"),
                    phone != null ? phone : text(place, "nationalPhoneNumber"),
                    text(place, "websiteUri"),
                    place.path("rating").isNumber() ? place.path("rating").asDouble() : null,
                    place.path("userRatingCount").isNumber()
                            ? place.path("userRatingCount").asInt()
                            : null,
                    text(place, "googleMapsUri"),
                    text(place, "businessStatus")));
        }
        return new Page(hits, text(root, "nextPageToken"));
    }

    private static ExternalServiceException malformed(String message) {
        return new ExternalServiceException("places", 200, "malformed", message, false, null);
    }

    private ExternalServiceException failure(int status, String text, Header retryAfterHeader) {
        String type = "http-" + status;
        String message = "HTTP " + status;
        try {
            JsonNode error = json.readTree(text).path("error");
            if (error.isObject()) {
                type = error.path("status").asString(type).toLowerCase(Locale.ROOT);
                message = error.path("message").asString(message);
            }
        } catch (JacksonException | IllegalArgumentException notJson) {
            // keep the status-only description
        }
        if (message.length() > 500) {
            message = message.substring(0, 500);
        }
        boolean retryable = status == 429 || status >= 500;
        var retryAfter = RetryAfter.parse(retryAfterHeader == null ? null : retryAfterHeader.getValue(), clock);
        log.warn("Google Places search failed: {} {} ({})", status, type, message);
        return new ExternalServiceException("places", status, type, message, retryable, retryAfter);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.asString() : null;
    }

    private static String readBody(InputStream in) throws IOException {
        if (in == null) {
            return "";
        }
        try (in) {
            return new String(in.readNBytes(MAX_BODY_BYTES), StandardCharsets.UTF_8);
        }
    }

    @Override
    public List<MissingSetting> missingSettings() {
        return configured()
                ? List.of()
                : List.of(new MissingSetting("GOOGLE_PLACES_API_KEY", "settings.missing.places"));
    }

    @Override
    public void destroy() throws IOException {
        http.close();
    }
}
