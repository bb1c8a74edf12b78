package app.leadgen.enrichment.websearch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.leadgen.leads.ContactData;
import app.leadgen.support.Cancellation;
import app.leadgen.support.ExternalServiceException;
import app.leadgen.support.FailureKind;
import app.leadgen.testing.HangingServer;
import app.leadgen.testing.OpenAiBodies;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Perplexity adapter through Spring AI against real fake servers: how each failure is
 * classified, and that an emergency stop closes the connection of a pending answer at once.
 */
class PerplexityContactSearchTest {

    private static final WireMockServer PERPLEXITY =
            new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private static final String PATH = "/chat/completions";
    private static final String KEY = "pplx-unit-key";

    static {
        PERPLEXITY.start();
    }

    @BeforeEach
    void reset() {
        PERPLEXITY.resetAll();
    }

    @AfterAll
    static void stop() {
        PERPLEXITY.stop();
    }

    private static PerplexityContactSearch search(String baseUrl, Duration timeout, int maxRetries) {
        return new PerplexityContactSearch(
                new PerplexityProperties(KEY, baseUrl, "sonar", 2, timeout, maxRetries), Clock.systemUTC());
    }

    /**
     * No SDK retries, so each test sees the first answer's classification; a generous timeout, as the
     * first call of a JVM loads half the SDK on a busy machine.
     */
    private static PerplexityContactSearch search() {
        return search(PERPLEXITY.baseUrl(), Duration.ofSeconds(30), 0);
    }

    private static ExternalServiceException failure(PerplexityContactSearch search) {
        return catchThrowableOfType(ExternalServiceException.class, () -> search.find("baeckerei.schmidt"));
    }

    private static void answer(ResponseDefinitionBuilder response) {
        PERPLEXITY.stubFor(post(urlPathEqualTo(PATH)).willReturn(response));
    }

    /** Perplexity's envelope: OpenAI's shape, but {@code code} is the status as a number. */
    private static ResponseDefinitionBuilder error(int status, String type) {
        return json(
                status,
                "{\"error\": {\"message\": \"" + type + "\", \"type\": \"" + type + "\", \"code\": " + status + "}}");
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    @Test
    void findsTheContactInTheAnswer() {
        answer(
                json(
                        200,
                        OpenAiBodies.completion(
                                "{\"email\": \"info@baeckerei-schmidt.de\", \"phone\": \"…\", \"website\": \"baeckerei-schmidt.de\"}")));

        ContactData found = search().find("baeckerei.schmidt");

        assertThat(found).isEqualTo(new ContactData("info@baeckerei-schmidt.de", null, "https://baeckerei-schmidt.de"));
        PERPLEXITY.verify(postRequestedFor(urlPathEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer " + KEY)));
    }

    @Test
    void aWrongKeyIsCredentials() {
        answer(error(401, "invalid_api_key"));

        ExternalServiceException e = failure(search());

        assertThat(e.kind()).isEqualTo(FailureKind.CREDENTIALS);
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.credentialsRejected()).isTrue();
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).doesNotContain(KEY);
    }

    @Test
    void aRateLimitIsRetryableWithItsWait() {
        answer(error(429, "rate_limit_exceeded").withHeader("Retry-After", "12"));

        ExternalServiceException e = failure(search());

        assertThat(e.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(12));
    }

    @Test
    void anEmptyAccountIsQuotaAndNotRetryable() {
        answer(json(429, OpenAiBodies.quotaExceeded()));

        ExternalServiceException e = failure(search());

        assertThat(e.kind()).isEqualTo(FailureKind.QUOTA);
        assertThat(e.errorType()).isEqualTo("insufficient_quota");
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void aServerErrorIsUnavailable() {
        answer(error(500, "server_error"));

        ExternalServiceException e = failure(search());

        assertThat(e.kind()).isEqualTo(FailureKind.UNAVAILABLE);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void noAnswerInTimeIsATimeout() {
        answer(json(200, OpenAiBodies.completion("{}")).withFixedDelay(2000));

        ExternalServiceException e = failure(search(PERPLEXITY.baseUrl(), Duration.ofMillis(400), 0));

        assertThat(e.kind()).isEqualTo(FailureKind.TIMEOUT);
        assertThat(e.status()).isZero();
    }

    @Test
    void anUnreadableAnswerIsMalformed() {
        answer(json(200, "<html>upstream proxy error</html>"));

        ExternalServiceException e = failure(search());

        assertThat(e.kind()).isEqualTo(FailureKind.MALFORMED);
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void withoutKeyNothingIsSent() {
        PerplexityContactSearch unconfigured = new PerplexityContactSearch(
                new PerplexityProperties("", PERPLEXITY.baseUrl(), "sonar", 2, Duration.ofSeconds(1), 0),
                Clock.systemUTC());

        ExternalServiceException e = failure(unconfigured);

        assertThat(e.kind()).isEqualTo(FailureKind.NOT_CONFIGURED);
        assertThat(PERPLEXITY.getAllServeEvents()).isEmpty();
    }

    @Test
    void anEmergencyStopClosesThePendingCallAtOnceAndIsNotRetried() throws Exception {
        try (HangingServer perplexity = new HangingServer()) {
            // a long timeout and SDK retries: only the stop can end this call early, and it must not be retried
            PerplexityContactSearch search = search(perplexity.baseUrl(), Duration.ofSeconds(60), 2);
            Cancellation run = new Cancellation();
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            CompletableFuture<Void> call = CompletableFuture.runAsync(() -> run.runBound(() -> {
                try {
                    search.find("baeckerei.schmidt");
                } catch (RuntimeException e) {
                    thrown.set(e);
                }
            }));
            assertThat(HangingServer.await(perplexity::connections, 1, Duration.ofSeconds(10)))
                    .as("the request reached the fake")
                    .isTrue();

            long pressed = System.nanoTime();
            run.cancel();
            boolean closed = HangingServer.await(perplexity::closedByClient, 1, Duration.ofSeconds(1));
            Duration tookToClose = Duration.ofNanos(System.nanoTime() - pressed);
            call.get(2, TimeUnit.SECONDS);
            Duration tookToReturn = Duration.ofNanos(System.nanoTime() - pressed);

            assertThat(closed).as("Perplexity saw the connection closed").isTrue();
            assertThat(tookToClose).isLessThan(Duration.ofSeconds(1));
            assertThat(thrown.get()).isInstanceOfSatisfying(ExternalServiceException.class, e -> {
                assertThat(e.kind()).isEqualTo(FailureKind.CANCELLED);
                assertThat(e.service()).isEqualTo("perplexity");
                assertThat(e.retryable()).isFalse();
            });
            assertThat(perplexity.connections()).as("no retry after the stop").isEqualTo(1);
            System.out.println("Perplexity: connection closed " + tookToClose.toMillis() + " ms, call returned "
                    + tookToReturn.toMillis() + " ms after the stop");
        }
    }

    @Test
    void afterAStopNoCallIsMade() {
        Cancellation run = new Cancellation();
        run.cancel();
        AtomicReference<ExternalServiceException> thrown = new AtomicReference<>();

        run.runBound(() -> thrown.set(failure(search())));

        assertThat(thrown.get().kind()).isEqualTo(FailureKind.CANCELLED);
        assertThat(PERPLEXITY.getAllServeEvents()).isEmpty();
    }
}
