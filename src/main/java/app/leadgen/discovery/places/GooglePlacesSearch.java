package app.leadgen.discovery.places;

import app.leadgen.discovery.PlaceHit;
import app.leadgen.discovery.PlaceQuery;
import app.leadgen.discovery.PlaceSearch;
import app.leadgen.support.ExternalServiceException;
import app.leadgen.support.FailureKind;
import app.leadgen.support.MissingSetting;
import app.leadgen.support.RetryPolicy;
import app.leadgen.support.SettingsCheck;
import app.leadgen.support.Texts;
import app.leadgen.support.http.HttpSettings;
import app.leadgen.support.http.JsonHttp;
import app.leadgen.support.http.JsonHttpFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Google Places API (New) Text Search (contracts §7): {@code POST {PLACES_BASE_URL}/v1/places:searchText}
 * with the key in {@code X-Goog-Api-Key} (never in the URL) and always an {@code X-Goog-FieldMask}
 * naming only the fields we store plus {@code nextPageToken} (without the mask Google answers 400;
 * every extra field costs). Pages of 20 are followed with {@code pageToken} up to 60 results.
 * Errors arrive in the google.rpc envelope (read by {@link PlacesErrors}); 429 and 5xx are retried
 * with backoff, at least as long as {@code Retry-After} asks; 400, 401 and 403 are not.
 */
@Component
class GooglePlacesSearch implements PlaceSearch, SettingsCheck {

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
    private static final int MAX_CONNECTIONS = 8;
    private static final Logger log = LoggerFactory.getLogger(GooglePlacesSearch.class);

    private final PlacesProperties properties;
    private final JsonHttp http;
    private final RetryPolicy retry;

    GooglePlacesSearch(PlacesProperties properties, JsonHttpFactory clients) {
        this.properties = properties;
        this.http = clients.create(
                new HttpSettings(
                        "places",
                        "Google Places",
                        MAX_CONNECTIONS,
                        properties.connectTimeout(),
                        properties.readTimeout(),
                        MAX_BODY_BYTES),
                new PlacesErrors());
        this.retry = new RetryPolicy("places", properties.maxAttempts(), properties.initialBackoff());
    }

    @Override
    public boolean configured() {
        return properties.configured();
    }

    @Override
    public List<PlaceHit> search(PlaceQuery query, Calls calls) {
        if (!configured()) {
            throw http.notConfigured("GOOGLE_PLACES_API_KEY is not configured", "not-configured");
        }
        List<PlaceHit> hits = new ArrayList<>();
        String token = null;
        for (int page = 0; hits.size() < MAX_RESULTS; page++) {
            Map<String, Object> body = body(query, token);
            Page result;
            try {
                result = retry.call(() -> once(body));
            } catch (ExternalServiceException e) {
                calls.called(e.errorType());
                if (page == 0 || !lateFailureTolerated(e.kind())) {
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
            if (!goOn || Texts.blank(token)) {
                break;
            }
        }
        return hits.size() > MAX_RESULTS ? List.copyOf(hits.subList(0, MAX_RESULTS)) : hits;
    }

    /**
     * A later page that fails for a passing reason keeps the pages before it; one that says the key
     * or the request is wrong, or that the run was stopped, ends the search like a first page would.
     */
    private static boolean lateFailureTolerated(FailureKind kind) {
        return switch (kind) {
            case RATE_LIMITED, UNAVAILABLE, TIMEOUT, MALFORMED -> true;
            default -> false;
        };
    }

    /** The request body; the same for every page except {@code pageToken}, as the API requires. */
    Map<String, Object> body(PlaceQuery query, String pageToken) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("textQuery", query.textQuery());
        body.put("pageSize", PAGE_SIZE);
        if (!Texts.blank(properties.languageCode())) {
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

    private Page once(Map<String, Object> body) {
        String url = properties.baseUrl().replaceAll("/+$", "") + PATH;
        Map<String, String> headers = Map.of("X-Goog-Api-Key", properties.apiKey(), "X-Goog-FieldMask", FIELD_MASK);
        return http.post(url, headers, body, this::parse);
    }

    Page parse(JsonNode root) {
        if (!root.isObject()) {
            throw http.malformed("Google Places answered without a JSON object");
        }
        JsonNode places = root.path("places");
        if (!places.isMissingNode() && !places.isNull() && !places.isArray()) {
            throw http.malformed("Google Places answered with \"places\" that is not a list");
        }
        List<PlaceHit> hits = new ArrayList<>();
        for (JsonNode place : places.isArray() ? places : List.<JsonNode>of()) {
            String id = text(place, "id");
            String name = text(place.path("displayName"), "text");
            if (Texts.blank(id) || Texts.blank(name)) {
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

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.asString() : null;
    }

    @Override
    public List<MissingSetting> missingSettings() {
        return configured()
                ? List.of()
                : List.of(new MissingSetting("GOOGLE_PLACES_API_KEY", "settings.missing.places"));
    }
}
