package app.leadgen.apify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.leadgen.support.ExternalServiceException;
import app.leadgen.support.FailureKind;
import app.leadgen.support.http.JsonHttpFactory;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Apify adapter against a fake answering in Apify's format: items, error envelope, kinds, retries. */
class ApifyClientTest {

    private static final WireMockServer APIFY =
            new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private static final String ACTOR = "DrF9mzPPEuVizVF4l";
    private static final String PATH = "/v2/acts/" + ACTOR + "/run-sync-get-dataset-items";
    private static final String TOKEN = "apify_api_unit-token";

    static {
        APIFY.start();
    }

    private final JsonHttpFactory clients = new JsonHttpFactory(Clock.systemUTC());
    // generous: a busy machine must not turn a slow first answer into a retried timeout
    private final ApifyClient apify = client(TOKEN, Duration.ofSeconds(20));

    @BeforeEach
    void reset() {
        APIFY.resetAll();
    }

    @AfterEach
    void close() {
        clients.destroy();
    }

    @AfterAll
    static void stop() {
        APIFY.stop();
    }

    private ApifyClient client(String token, Duration readTimeout) {
        return new ApifyClient(
                new ApifyProperties(
                        token,
                        APIFY.baseUrl() + "/",
                        ACTOR,
                        "8WEn9FvZnhE7lM3oA",
                        5,
                        5,
                        2,
                        Duration.ofSeconds(1),
                        readTimeout,
                        3,
                        Duration.ofMillis(10)),
                clients);
    }

    private ExternalServiceException failure() {
        return failure(apify);
    }

    private static ExternalServiceException failure(ApifyClient client) {
        return catchThrowableOfType(
                ExternalServiceException.class, () -> client.runActor(ACTOR, Map.of("search", "bakery")));
    }

    private static void answer(int status, String type, String message) {
        APIFY.stubFor(post(urlPathEqualTo(PATH)).willReturn(error(status, type, message)));
    }

    private static ResponseDefinitionBuilder error(int status, String type, String message) {
        return json(status, "{\"error\": {\"type\": \"" + type + "\", \"message\": \"" + message + "\"}}");
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    @Test
    void runsTheActorWithTheTokenInAHeaderAndReturnsItsItems() {
        APIFY.stubFor(
                post(urlPathEqualTo(PATH)).willReturn(json(201, "[{\"name\": \"baeckerei\"}, {\"name\": \"brot\"}]")));

        List<JsonNode> items = apify.runActor(ACTOR, Map.of("search", "bakery"));

        assertThat(items).extracting(i -> i.path("name").asString()).containsExactly("baeckerei", "brot");
        APIFY.verify(postRequestedFor(urlPathEqualTo(PATH))
                .withQueryParam("format", equalTo("json"))
                .withQueryParam("clean", equalTo("true"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(equalToJson("{\"search\": \"bakery\"}")));
        APIFY.getAllServeEvents()
                .forEach(e -> assertThat(e.getRequest().getUrl()).doesNotContain(TOKEN));
    }

    @Test
    void aRejectedTokenIsCredentialsAndNotRetried() {
        answer(401, "user-or-token-not-found", "User was not found or authentication token is not valid");

        ExternalServiceException e = failure();

        assertThat(e.kind()).isEqualTo(FailureKind.CREDENTIALS);
        assertThat(e.errorType()).isEqualTo("user-or-token-not-found");
        assertThat(e.credentialsRejected()).isTrue();
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).doesNotContain(TOKEN);
        APIFY.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void anEmptyAccountIsQuotaWhetherApifySays402Or403() {
        answer(402, "not-enough-usage-to-run-paid-actor", "You have exceeded your usage limit");
        assertThat(failure().kind()).isEqualTo(FailureKind.QUOTA);

        answer(403, "platform-feature-disabled", "Monthly usage hard limit exceeded");
        ExternalServiceException limit = failure();
        assertThat(limit.kind()).isEqualTo(FailureKind.QUOTA);
        assertThat(limit.retryable()).isFalse();

        answer(403, "insufficient-permissions", "Insufficient permissions for the Actor");
        assertThat(failure().kind()).isEqualTo(FailureKind.CREDENTIALS);
        APIFY.verify(3, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void aRateLimitIsRetriedAfterRetryAfter() {
        APIFY.stubFor(post(urlPathEqualTo(PATH))
                .inScenario("limit")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(
                        error(429, "rate-limit-exceeded", "Rate limit exceeded").withHeader("Retry-After", "1"))
                .willSetStateTo("ok"));
        APIFY.stubFor(post(urlPathEqualTo(PATH))
                .inScenario("limit")
                .whenScenarioStateIs("ok")
                .willReturn(json(201, "[{}]")));

        long start = System.nanoTime();
        List<JsonNode> items = apify.runActor(ACTOR, Map.of());

        assertThat(items).hasSize(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        APIFY.verify(2, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void aLastingRateLimitEndsRateLimitedWithItsWait() {
        APIFY.stubFor(post(urlPathEqualTo(PATH))
                .willReturn(
                        error(429, "rate-limit-exceeded", "Rate limit exceeded").withHeader("Retry-After", "0")));

        ExternalServiceException e = failure();

        assertThat(e.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ZERO);
        APIFY.verify(3, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void serverErrorsAreRetriedThenUnavailable() {
        answer(503, "server-error", "Service unavailable");

        ExternalServiceException e = failure();

        assertThat(e.kind()).isEqualTo(FailureKind.UNAVAILABLE);
        assertThat(e.retryable()).isTrue();
        APIFY.verify(3, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void aRunTimeoutIsNotRetriedBecauseTheRunGoesOnAndIsBilled() {
        answer(408, "run-timeout-exceeded", "Actor run exceeded timeout of 300 seconds for this API endpoint");

        ExternalServiceException e = failure();

        assertThat(e.kind()).isEqualTo(FailureKind.TIMEOUT);
        assertThat(e.retryable()).isFalse();
        APIFY.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void noAnswerInTimeIsATimeoutAndRetried() {
        APIFY.stubFor(post(urlPathEqualTo(PATH)).willReturn(json(201, "[]").withFixedDelay(1500)));

        ExternalServiceException e = failure(client(TOKEN, Duration.ofMillis(300)));

        assertThat(e.kind()).isEqualTo(FailureKind.TIMEOUT);
        assertThat(e.errorType()).isEqualTo("timeout");
        assertThat(e.status()).isZero();
        APIFY.verify(3, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void anAnswerThatIsNoListOfItemsIsMalformedAndNotRetried() {
        APIFY.stubFor(post(urlPathEqualTo(PATH)).willReturn(json(201, "{\"items\": []}")));
        assertThat(failure().kind()).isEqualTo(FailureKind.MALFORMED);

        APIFY.stubFor(post(urlPathEqualTo(PATH)).willReturn(json(201, "<html>gateway</html>")));
        ExternalServiceException e = failure();
        assertThat(e.kind()).isEqualTo(FailureKind.MALFORMED);
        assertThat(e.errorType()).isEqualTo("malformed");
        APIFY.verify(2, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void withoutTokenNothingIsSent() {
        ApifyClient unconfigured = client(" ", Duration.ofSeconds(1));

        ExternalServiceException e =
                catchThrowableOfType(ExternalServiceException.class, () -> unconfigured.runActor(ACTOR, Map.of()));

        assertThat(unconfigured.configured()).isFalse();
        assertThat(unconfigured.missingSettings()).extracting(m -> m.variable()).containsExactly("APIFY_TOKEN");
        assertThat(e.kind()).isEqualTo(FailureKind.NOT_CONFIGURED);
        assertThat(APIFY.getAllServeEvents()).isEmpty();
    }
}
