package app.leadgen.support.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.leadgen.support.Cancellation;
import app.leadgen.support.ExternalServiceException;
import app.leadgen.support.FailureKind;
import app.leadgen.support.http.ErrorEnvelope.VendorError;
import app.leadgen.testing.HangingServer;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared JSON client against real servers: answers, envelopes, Retry-After, the body cap, timeouts, stops. */
class JsonHttpTest {

    private static final WireMockServer VENDOR =
            new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    static {
        VENDOR.start();
    }

    /** A vendor whose errors are {@code {"error":"<type>"}}. */
    private static final ErrorEnvelope ENVELOPE = (status, body) -> body.path("error")
                    .isString()
            ? new VendorError(FailureKind.ofStatus(status), body.path("error").asString(), "vendor says " + status)
            : VendorError.ofStatus(status);

    private final JsonHttpFactory factory = new JsonHttpFactory(Clock.systemUTC());
    private final JsonHttp http = client(Duration.ofSeconds(20), 1024);

    @BeforeEach
    void reset() {
        VENDOR.resetAll();
    }

    @AfterEach
    void close() {
        factory.destroy();
    }

    @AfterAll
    static void stop() {
        VENDOR.stop();
    }

    private JsonHttp client(Duration readTimeout, int maxBodyBytes) {
        return factory.create(
                new HttpSettings("vendor", "The Vendor", 2, Duration.ofSeconds(1), readTimeout, maxBodyBytes),
                ENVELOPE);
    }

    private String url() {
        return VENDOR.baseUrl() + "/v1/things";
    }

    private ExternalServiceException failure(JsonHttp client, String url) {
        return catchThrowableOfType(
                ExternalServiceException.class, () -> client.post(url, Map.of(), Map.of("q", 1), body -> body.size()));
    }

    @Test
    void postsJsonWithTheHeadersAndReadsTheAnswer() {
        VENDOR.stubFor(post(urlPathEqualTo("/v1/things")).willReturn(okJson("{\"count\": 3}")));

        int count = http.post(url(), Map.of("X-Key", "k-1"), Map.of("q", "bakery"), body -> body.path("count")
                .asInt());

        assertThat(count).isEqualTo(3);
        VENDOR.verify(postRequestedFor(urlPathEqualTo("/v1/things"))
                .withHeader("X-Key", equalTo("k-1"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader(
                        "Content-Type", com.github.tomakehurst.wiremock.client.WireMock.containing("application/json"))
                .withRequestBody(equalToJson("{\"q\": \"bakery\"}")));
    }

    @Test
    void aRateLimitIsRetryableAndKeepsRetryAfter() {
        VENDOR.stubFor(post(urlPathEqualTo("/v1/things"))
                .willReturn(json(429, "{\"error\": \"slow-down\"}").withHeader("Retry-After", "7")));

        ExternalServiceException e = failure(http, url());

        assertThat(e.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(e.service()).isEqualTo("vendor");
        assertThat(e.status()).isEqualTo(429);
        assertThat(e.errorType()).isEqualTo("slow-down");
        assertThat(e.getMessage()).isEqualTo("vendor says 429");
        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void anErrorPageThatIsNotJsonIsClassifiedByItsStatus() {
        VENDOR.stubFor(post(urlPathEqualTo("/v1/things"))
                .willReturn(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")));

        ExternalServiceException e = failure(http, url());

        assertThat(e.kind()).isEqualTo(FailureKind.UNAVAILABLE);
        assertThat(e.errorType()).isEqualTo("http-502");
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void refusedCredentialsAndBadRequestsAreNotRetryable() {
        VENDOR.stubFor(post(urlPathEqualTo("/v1/things")).willReturn(json(401, "{\"error\": \"bad-key\"}")));
        ExternalServiceException refused = failure(http, url());
        assertThat(refused.kind()).isEqualTo(FailureKind.CREDENTIALS);
        assertThat(refused.retryable()).isFalse();

        VENDOR.stubFor(post(urlPathEqualTo("/v1/things")).willReturn(json(422, "{\"error\": \"no-query\"}")));
        ExternalServiceException bad = failure(http, url());
        assertThat(bad.kind()).isEqualTo(FailureKind.BAD_REQUEST);
        assertThat(bad.retryable()).isFalse();
    }

    @Test
    void anUnreadableOrOversizedAnswerIsMalformed() {
        VENDOR.stubFor(post(urlPathEqualTo("/v1/things")).willReturn(okJson("{\"count\": ")));
        ExternalServiceException broken = failure(http, url());
        assertThat(broken.kind()).isEqualTo(FailureKind.MALFORMED);
        assertThat(broken.getMessage()).isEqualTo("The Vendor answered with malformed JSON");
        assertThat(broken.retryable()).isFalse();

        VENDOR.stubFor(
                post(urlPathEqualTo("/v1/things")).willReturn(okJson("{\"padding\": \"" + "x".repeat(2000) + "\"}")));
        ExternalServiceException large = failure(http, url());
        assertThat(large.kind()).isEqualTo(FailureKind.MALFORMED);
        assertThat(large.getMessage()).contains("more than 1024 bytes");
    }

    @Test
    void noAnswerInTimeIsARetryableTimeout() {
        VENDOR.stubFor(
                post(urlPathEqualTo("/v1/things")).willReturn(okJson("{}").withFixedDelay(1500)));

        ExternalServiceException e = failure(client(Duration.ofMillis(300), 1024), url());

        assertThat(e.kind()).isEqualTo(FailureKind.TIMEOUT);
        assertThat(e.status()).isZero();
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void aRefusedConnectionIsUnavailable() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }

        ExternalServiceException e = failure(http, "http://127.0.0.1:" + port + "/v1/things");

        assertThat(e.kind()).isEqualTo(FailureKind.UNAVAILABLE);
        assertThat(e.errorType()).isEqualTo("io");
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void anEmergencyStopClosesTheConnectionAtOnceAndEndsTheCallCancelled() throws Exception {
        try (HangingServer vendor = new HangingServer()) {
            JsonHttp patient = client(Duration.ofSeconds(60), 1024);
            Cancellation run = new Cancellation();
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            CompletableFuture<Void> call = CompletableFuture.runAsync(() -> run.runBound(() -> {
                try {
                    patient.post(vendor.baseUrl() + "/v1/things", Map.of(), Map.of(), body -> body);
                } catch (RuntimeException e) {
                    thrown.set(e);
                }
            }));
            assertThat(HangingServer.await(vendor::connections, 1, Duration.ofSeconds(5)))
                    .isTrue();

            long pressed = System.nanoTime();
            run.cancel();
            boolean closed = HangingServer.await(vendor::closedByClient, 1, Duration.ofSeconds(1));
            Duration tookToClose = Duration.ofNanos(System.nanoTime() - pressed);
            call.get(2, TimeUnit.SECONDS);

            assertThat(closed).as("the vendor saw the connection closed").isTrue();
            assertThat(tookToClose).isLessThan(Duration.ofSeconds(1));
            assertThat(thrown.get()).isInstanceOfSatisfying(ExternalServiceException.class, e -> {
                assertThat(e.kind()).isEqualTo(FailureKind.CANCELLED);
                assertThat(e.retryable()).isFalse();
            });
            System.out.println("JsonHttp: connection closed " + tookToClose.toMillis() + " ms after the stop");
        }
    }

    @Test
    void afterAStopNothingIsSent() {
        Cancellation run = new Cancellation();
        run.cancel();
        AtomicReference<ExternalServiceException> thrown = new AtomicReference<>();

        run.runBound(() -> thrown.set(failure(http, url())));

        assertThat(thrown.get().kind()).isEqualTo(FailureKind.CANCELLED);
        assertThat(VENDOR.getAllServeEvents()).isEmpty();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(String body) {
        return json(200, body);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }
}
