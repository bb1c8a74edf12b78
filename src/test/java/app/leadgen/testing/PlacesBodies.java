package app.leadgen.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Google Places API (New) Text Search answers in the real format (contracts §7), and stubs serving them. */
public final class PlacesBodies {

    public static final String PATH = "/v1/places:searchText";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PlacesBodies() {}

    /** One place as Text Search returns it with our field mask; null fields are left out, as Google does. */
    public static Map<String, Object> place(
            String id, String name, String address, String phone, String website, Double rating, Integer reviews) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", id);
        p.put("displayName", Map.of("text", name, "languageCode", "de"));
        p.put("formattedAddress", address);
        if (phone != null) {
            p.put("nationalPhoneNumber", phone.replace("+49 ", "0"));
            p.put("internationalPhoneNumber", phone);
        }
        if (website != null) {
            p.put("websiteUri", website);
        }
        if (rating != null) {
            p.put("rating", rating);
            p.put("userRatingCount", reviews);
        }
        p.put("businessStatus", "OPERATIONAL");
        p.put("googleMapsUri", "https://maps.google.com/?cid=" + Math.abs(id.hashCode()));
        return p;
    }

    /** A page of results; {@code nextPageToken} null on the last page. */
    public static String page(List<Map<String, Object>> places, String nextPageToken) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (!places.isEmpty()) {
            body.put("places", places);
        }
        if (nextPageToken != null) {
            body.put("nextPageToken", nextPageToken);
        }
        return JSON.writeValueAsString(body);
    }

    /** {@code n} simple places with ids {@code prefix-1} … */
    public static List<Map<String, Object>> many(String prefix, int from, int n) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            out.add(place(prefix + "-" + i, "Geschäft " + i, "Straße " + i + ", Teststadt", null, null, null, null));
        }
        return out;
    }

    public static String error(int code, String status, String message) {
        return "{\"error\": {\"code\": " + code + ", \"message\": \"" + message + "\", \"status\": \"" + status
                + "\", \"details\": []}}";
    }

    public static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(body);
    }

    /**
     * Answers the query's pages in order: the first request (no {@code pageToken}) gets {@code
     * pages[0]}, the request with the token {@code <query>#1} gets {@code pages[1]}, … Each page
     * but the last carries the token of the next.
     */
    public static void answer(WireMockServer server, String textQuery, List<List<Map<String, Object>>> pages) {
        answer(server, textQuery, 0, pages);
    }

    public static void answer(
            WireMockServer server, String textQuery, int delayMillis, List<List<Map<String, Object>>> pages) {
        for (int i = 0; i < pages.size(); i++) {
            String next = i + 1 < pages.size() ? token(textQuery, i + 1) : null;
            var request = post(urlPathEqualTo(PATH))
                    .withHeader("X-Goog-Api-Key", equalTo(Fakes.PLACES_KEY))
                    .withRequestBody(matchingJsonPath("$.textQuery", equalTo(textQuery)));
            request = i == 0
                    ? request.withRequestBody(
                                    com.github.tomakehurst.wiremock.client.WireMock.notContaining("pageToken"))
                            .atPriority(5)
                    : request.withRequestBody(matchingJsonPath("$.pageToken", equalTo(token(textQuery, i))))
                            .atPriority(1);
            server.stubFor(
                    request.willReturn(json(200, page(pages.get(i), next)).withFixedDelay(delayMillis)));
        }
    }

    public static String token(String textQuery, int page) {
        return "AUacShh" + Integer.toHexString(textQuery.hashCode()) + "#" + page;
    }
}
