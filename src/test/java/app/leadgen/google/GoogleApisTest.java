package app.leadgen.google;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.leadgen.support.ExternalServiceException;
import app.leadgen.support.FailureKind;
import app.leadgen.testing.Fakes;
import com.google.api.services.sheets.v4.model.Spreadsheet;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Google clients without Spring: fresh credentials every test, so the token endpoint's answer is
 * what the first call meets (a shared app context may still hold a cached access token).
 */
class GoogleApisTest {

    private static final String REFRESH_TOKEN = "1//unit-refresh-token";
    private static final String CLIENT_SECRET = "unit-client-secret";

    @BeforeEach
    void resetFakes() {
        Fakes.reset();
    }

    @Test
    void withoutARefreshTokenNothingIsCalledAndTheMissingVariableIsNamed() {
        GoogleApis google = new GoogleApis(properties(""));

        assertThat(google.configured()).isFalse();
        assertThat(google.missingSettings()).singleElement().satisfies(m -> assertThat(m.variable())
                .isEqualTo("GMAIL_REFRESH_TOKEN"));
        assertThatThrownBy(google::sheets).isInstanceOfSatisfying(ExternalServiceException.class, e -> {
            assertThat(e.errorType()).isEqualTo("not-configured");
            assertThat(e.kind()).isEqualTo(FailureKind.NOT_CONFIGURED);
        });
        assertThat(Fakes.GOOGLE.getAllServeEvents()).isEmpty();
    }

    @Test
    void aRevokedRefreshTokenBecomesInvalidGrantWithoutSecretsInTheMessage() {
        Fakes.googleTokenRevoked();
        GoogleApis google = new GoogleApis(properties(REFRESH_TOKEN));

        IOException refused = catchThrowableOfType(
                IOException.class,
                () -> google.sheets().spreadsheets().create(new Spreadsheet()).execute());
        ExternalServiceException e = GoogleApis.failure("sheets", refused);

        assertThat(e.errorType()).isEqualTo("invalid_grant");
        assertThat(e.kind()).isEqualTo(FailureKind.CREDENTIALS);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).doesNotContain(REFRESH_TOKEN, CLIENT_SECRET);
        assertThat(Fakes.GOOGLE.findAll(anyRequestedFor(urlPathEqualTo("/v4/spreadsheets"))))
                .as("no API call without an access token")
                .isEmpty();
    }

    @Test
    void googlesRetryAfterIsKept() {
        Fakes.GOOGLE.stubFor(post(urlPathEqualTo("/v4/spreadsheets"))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Content-Type", "application/json; charset=UTF-8")
                        .withHeader("Retry-After", "17")
                        .withBody(
                                Fakes.googleError(429, "rateLimitExceeded", "Quota exceeded", "RESOURCE_EXHAUSTED"))));
        GoogleApis google = new GoogleApis(properties(REFRESH_TOKEN));

        IOException limited = catchThrowableOfType(
                IOException.class,
                () -> google.sheets().spreadsheets().create(new Spreadsheet()).execute());
        ExternalServiceException e = GoogleApis.failure("sheets", limited);

        assertThat(e.status()).isEqualTo(429);
        assertThat(e.errorType()).isEqualTo("rateLimitExceeded");
        assertThat(e.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(17));
    }

    @Test
    void a403SaysWhetherAQuotaIsUsedUpOrARateExceededOrAccessDenied() {
        GoogleApis google = new GoogleApis(properties(REFRESH_TOKEN));

        assertThat(failureFor(google, 403, "dailyLimitExceeded", "PERMISSION_DENIED"))
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.QUOTA);
                    assertThat(e.retryable()).isFalse();
                });
        assertThat(failureFor(google, 403, "userRateLimitExceeded", "PERMISSION_DENIED"))
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.RATE_LIMITED);
                    assertThat(e.retryable()).isTrue();
                });
        assertThat(failureFor(google, 403, "insufficientPermissions", "PERMISSION_DENIED"))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(FailureKind.CREDENTIALS));
        assertThat(failureFor(google, 503, "backendError", "UNAVAILABLE"))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(FailureKind.UNAVAILABLE));
    }

    private static ExternalServiceException failureFor(GoogleApis google, int status, String reason, String rpcStatus) {
        Fakes.GOOGLE.stubFor(post(urlPathEqualTo("/v4/spreadsheets"))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json; charset=UTF-8")
                        .withBody(Fakes.googleError(status, reason, "Refused (" + reason + ")", rpcStatus))));
        IOException refused = catchThrowableOfType(
                IOException.class,
                () -> google.sheets().spreadsheets().create(new Spreadsheet()).execute());
        return GoogleApis.failure("sheets", refused);
    }

    private static GoogleProperties properties(String refreshToken) {
        return new GoogleProperties(
                "unit-client.apps.googleusercontent.com",
                CLIENT_SECRET,
                refreshToken,
                Fakes.googleUrl() + "/token",
                Fakes.googleUrl(),
                Fakes.googleUrl(),
                "agentur@example.de",
                Duration.ofSeconds(3));
    }
}
