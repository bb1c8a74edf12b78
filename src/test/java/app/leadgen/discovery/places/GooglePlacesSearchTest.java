package app.leadgen.discovery.places;

import static app.leadgen.testing.PlacesBodies.PATH;
import static app.leadgen.testing.PlacesBodies.error;
import static app.leadgen.testing.PlacesBodies.json;
import static app.leadgen.testing.PlacesBodies.many;
import static app.leadgen.testing.PlacesBodies.place;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.leadgen.discovery.PlaceHit;
import app.leadgen.discovery.PlaceQuery;
import app.leadgen.support.ExternalServiceException;
import app.leadgen.support.FailureKind;
import app.leadgen.support.http.JsonHttpFactory;
import app.leadgen.testing.Fakes;
import app.leadgen.testing.PlacesBodies;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Text Search adapter against a fake answering in Google's format: paging, field mask, errors, retries. */
class GooglePlacesSearchTest {

    private static final WireMockServer GOOGLE =
            new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    static {
        GOOGLE.start();
    }

    private final GooglePlacesSearch search = new GooglePlacesSearch(
            new PlacesProperties(
                    Fakes.PLACES_KEY,
                    GOOGLE.baseUrl() + "/",
                    "de",
                    Duration.ofSeconds(2),
                    Duration.ofSeconds(2),
                    3,
                    Duration.ofMillis(20)),
            new JsonHttpFactory(Clock.systemUTC()));
    private final List<String> calls = new ArrayList<>();

    @BeforeEach
    void reset() {
        GOOGLE.resetAll();
    }

    @AfterAll
    static void stop() {
        GOOGLE.stop();
    }

    private List<PlaceHit> search(PlaceQuery query) {
        return search.search(query, outcome -> {
            calls.add(outcome);
            return true;
        });
    }

    private static PlaceQuery berlinBakeries() {
        return new PlaceQuery("bakery", "Berlin", 52.52, 13.405, 3000);
    }

    @Test
    void followsPagesUpToSixtyResultsWithFieldMaskAndKey() {
        PlacesBodies.answer(
                GOOGLE,
                "bakery in Berlin",
                List.of(many("p", 1, 20), many("p", 21, 20), many("p", 41, 20), many("p", 61, 20)));

        List<PlaceHit> hits = search(berlinBakeries());

        assertThat(hits).hasSize(60);
        assertThat(hits.get(59).placeId()).isEqualTo("p-60");
        assertThat(calls).containsExactly("ok", "ok", "ok");
        // three requests, never a fourth: the API gives at most 60 results per query
        GOOGLE.verify(3, postRequestedFor(urlPathEqualTo(PATH)));
        GOOGLE.verify(
                3,
                postRequestedFor(urlPathEqualTo(PATH))
                        .withHeader("X-Goog-Api-Key", equalTo(Fakes.PLACES_KEY))
                        .withHeader(
                                "X-Goog-FieldMask",
                                equalTo("places.id,places.displayName,places.formattedAddress,"
                                        + "places.nationalPhoneNumber,places.internationalPhoneNumber,"
                                        + "places.websiteUri,places.rating,places.userRatingCount,"
                                        + "places.businessStatus,places.googleMapsUri,nextPageToken"))
                        .withHeader(
                                "Content-Type",
                                com.github.tomakehurst.wiremock.client.WireMock.containing("application/json")));
        GOOGLE.verify(
                postRequestedFor(urlPathEqualTo(PATH))
                        .withRequestBody(
                                equalToJson(
                                        """
                        {"textQuery": "bakery in Berlin", "pageSize": 20, "languageCode": "de",
                         "locationBias": {"circle": {"center": {"latitude": 52.52, "longitude": 13.405},
                                                     "radius": 3000.0}}}
                        """)));
        GOOGLE.verify(postRequestedFor(urlPathEqualTo(PATH))
                .withRequestBody(equalToJson(
                        """
                        {"textQuery": "bakery in Berlin", "pageSize": 20, "languageCode": "de",
                         "locationBias": {"circle": {"center": {"latitude": 52.52, "longitude": 13.405},
                                                     "radius": 3000.0}},
                         "pageToken": "%s"}
                        """
                                .formatted(PlacesBodies.token("bakery in Berlin", 1)))));
        // the key never goes into the URL
        GOOGLE.getAllServeEvents()
                .forEach(e -> assertThat(e.getRequest().getUrl()).doesNotContain(Fakes.PLACES_KEY));
    }

    @Test
    void readsEveryFieldWeStoreAndSkipsPlacesWithoutId() {
        var full = place(
                "ChIJN1t_tDeuEmsRUsoyG83frY4",
                "Bäckerei Schmidt",
                "Hauptstraße 1, 10115 Berlin, Deutschland",
                "+49 30 1234567",
                "https://baeckerei-schmidt.de/",
                4.6,
                312);
        var noId = new java.util.LinkedHashMap<String, Object>(place("x", "Ohne Id", "", null, null, null, null));
        noId.remove("id");
        GOOGLE.stubFor(post(urlPathEqualTo(PATH)).willReturn(json(200, PlacesBodies.page(List.of(full, noId), null))));

        List<PlaceHit> hits = search(new PlaceQuery("clothing_store", "Hamburg", null, null, null));

        assertThat(hits)
                .containsExactly(new PlaceHit(
                        "ChIJN1t_tDeuEmsRUsoyG83frY4",
                        "Bäckerei Schmidt",
                        "Hauptstraße 1, 10115 Berlin, Deutschland",
                        "+49 30 1234567",
                        "https://baeckerei-schmidt.de/",
                        4.6,
                        312,
                        "https://maps.google.com/?cid=" + Math.abs("ChIJN1t_tDeuEmsRUsoyG83frY4".hashCode()),
                        "OPERATIONAL"));
        // no coordinates: no locationBias; type ids become words
        GOOGLE.verify(postRequestedFor(urlPathEqualTo(PATH))
                .withRequestBody(equalToJson(
                        "{\"textQuery\": \"clothing store in Hamburg\", \"pageSize\": 20, \"languageCode\": \"de\"}")));
    }

    @Test
    void noMatchIsAnEmptyObject() {
        GOOGLE.stubFor(post(urlPathEqualTo(PATH)).willReturn(json(200, "{}")));

        assertThat(search(berlinBakeries())).isEmpty();
        assertThat(calls).containsExactly("ok");
    }

    @Test
    void missingFieldMaskIsAClearErrorAndNotRetried() {
        GOOGLE.stubFor(
                post(urlPathEqualTo(PATH))
                        .willReturn(
                                json(
                                        400,
                                        error(
                                                400,
                                                "INVALID_ARGUMENT",
                                                "FieldMask is a required parameter. See https://cloud.google.com/apis/docs/system-parameters"))));

        assertThatThrownBy(() -> search(berlinBakeries())).isInstanceOfSatisfying(ExternalServiceException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.kind()).isEqualTo(FailureKind.BAD_REQUEST);
            assertThat(e.errorType()).isEqualTo("invalid_argument");
            assertThat(e.getMessage()).startsWith("FieldMask is a required parameter");
            assertThat(e.retryable()).isFalse();
        });
        GOOGLE.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
        assertThat(calls).containsExactly("invalid_argument");
    }

    @Test
    void permissionDeniedIsRejectedCredentialsAndNotRetried() {
        GOOGLE.stubFor(post(urlPathEqualTo(PATH))
                .willReturn(json(
                        403,
                        error(
                                403,
                                "PERMISSION_DENIED",
                                "Places API (New) has not been used in project 123 before or it is disabled."))));

        assertThatThrownBy(() -> search(berlinBakeries())).isInstanceOfSatisfying(ExternalServiceException.class, e -> {
            assertThat(e.credentialsRejected()).isTrue();
            assertThat(e.kind()).isEqualTo(FailureKind.CREDENTIALS);
            assertThat(e.getMessage()).contains("Places API (New) has not been used");
        });
        GOOGLE.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void anInvalidKeyIsCredentialsThoughGoogleAnswers400() {
        GOOGLE.stubFor(
                post(urlPathEqualTo(PATH))
                        .willReturn(
                                json(
                                        400,
                                        """
                        {"error": {"code": 400, "message": "API key not valid. Please pass a valid API key.",
                          "status": "INVALID_ARGUMENT",
                          "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo",
                                       "reason": "API_KEY_INVALID", "domain": "googleapis.com"}]}}
                        """)));

        assertThatThrownBy(() -> search(berlinBakeries())).isInstanceOfSatisfying(ExternalServiceException.class, e -> {
            assertThat(e.kind()).isEqualTo(FailureKind.CREDENTIALS);
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.retryable()).isFalse();
        });
        GOOGLE.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void aLastingQuotaErrorIsRateLimitedWithItsWait() {
        GOOGLE.stubFor(post(urlPathEqualTo(PATH))
                .willReturn(json(429, error(429, "RESOURCE_EXHAUSTED", "Quota exceeded"))
                        .withHeader("Retry-After", "0")));

        assertThatThrownBy(() -> search(berlinBakeries())).isInstanceOfSatisfying(ExternalServiceException.class, e -> {
            assertThat(e.kind()).isEqualTo(FailureKind.RATE_LIMITED);
            assertThat(e.retryAfter()).contains(Duration.ZERO);
        });
        GOOGLE.verify(3, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void quotaExceededIsRetriedAfterRetryAfter() {
        GOOGLE.stubFor(post(urlPathEqualTo(PATH))
                .inScenario("quota")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(429, error(429, "RESOURCE_EXHAUSTED", "Quota exceeded"))
                        .withHeader("Retry-After", "1"))
                .willSetStateTo("ok"));
        GOOGLE.stubFor(post(urlPathEqualTo(PATH))
                .inScenario("quota")
                .whenScenarioStateIs("ok")
                .willReturn(json(200, PlacesBodies.page(many("q", 1, 3), null))));

        long start = System.nanoTime();
        List<PlaceHit> hits = search(berlinBakeries());

        assertThat(hits).hasSize(3);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        GOOGLE.verify(2, postRequestedFor(urlPathEqualTo(PATH)));
        assertThat(calls).containsExactly("ok");
    }

    @Test
    void serverErrorsAreRetriedThenReported() {
        GOOGLE.stubFor(post(urlPathEqualTo(PATH))
                .willReturn(json(503, error(503, "UNAVAILABLE", "The service is currently unavailable."))));

        assertThatThrownBy(() -> search(berlinBakeries())).isInstanceOfSatisfying(ExternalServiceException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.kind()).isEqualTo(FailureKind.UNAVAILABLE);
            assertThat(e.retryable()).isTrue();
        });
        GOOGLE.verify(3, postRequestedFor(urlPathEqualTo(PATH)));

        GOOGLE.resetAll();
        GOOGLE.stubFor(post(urlPathEqualTo(PATH))
                .inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(500, error(500, "INTERNAL", "Internal error encountered.")))
                .willSetStateTo("ok"));
        GOOGLE.stubFor(post(urlPathEqualTo(PATH))
                .inScenario("flaky")
                .whenScenarioStateIs("ok")
                .willReturn(json(200, PlacesBodies.page(many("r", 1, 2), null))));
        assertThat(search(berlinBakeries())).hasSize(2);
    }

    @Test
    void malformedBodyIsAnError() {
        GOOGLE.stubFor(post(urlPathEqualTo(PATH)).willReturn(json(200, "<html>Proxy error</html>")));
        assertThatThrownBy(() -> search(berlinBakeries())).isInstanceOfSatisfying(ExternalServiceException.class, e -> {
            assertThat(e.errorType()).isEqualTo("malformed");
            assertThat(e.kind()).isEqualTo(FailureKind.MALFORMED);
        });

        GOOGLE.resetAll();
        GOOGLE.stubFor(post(urlPathEqualTo(PATH)).willReturn(json(200, "{\"places\": {\"id\": \"x\"}}")));
        assertThatThrownBy(() -> search(berlinBakeries()))
                .isInstanceOfSatisfying(ExternalServiceException.class, e -> assertThat(e.errorType())
                        .isEqualTo("malformed"));
        GOOGLE.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void aFailingLaterPageKeepsTheResultsSoFar() {
        PlacesBodies.answer(GOOGLE, "bakery in Berlin", List.of(many("s", 1, 20), many("s", 21, 20)));
        GOOGLE.stubFor(post(urlPathEqualTo(PATH))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("pageToken"))
                .atPriority(0)
                .willReturn(json(500, error(500, "INTERNAL", "Internal error encountered."))));

        assertThat(search(berlinBakeries())).hasSize(20);
        assertThat(calls).containsExactly("ok", "internal");
    }

    @Test
    void stopsPagingWhenTheRunStops() {
        PlacesBodies.answer(GOOGLE, "bakery in Berlin", List.of(many("t", 1, 20), many("t", 21, 20)));

        List<PlaceHit> hits = search.search(berlinBakeries(), outcome -> false);

        assertThat(hits).hasSize(20);
        GOOGLE.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void withoutKeyNothingIsSent() {
        var unconfigured = new GooglePlacesSearch(
                new PlacesProperties(
                        "", GOOGLE.baseUrl(), "de", Duration.ofSeconds(1), Duration.ofSeconds(1), 1, Duration.ZERO),
                new JsonHttpFactory(Clock.systemUTC()));
        assertThat(unconfigured.configured()).isFalse();
        assertThat(unconfigured.missingSettings())
                .extracting(m -> m.variable())
                .containsExactly("GOOGLE_PLACES_API_KEY");
        assertThatThrownBy(() -> unconfigured.search(berlinBakeries(), o -> true))
                .isInstanceOf(ExternalServiceException.class);
        GOOGLE.verify(0, postRequestedFor(urlPathEqualTo(PATH)));
    }
}
