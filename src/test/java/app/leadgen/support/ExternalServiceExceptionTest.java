package app.leadgen.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Callers that still build failures the old way get a kind derived from status and error type. */
class ExternalServiceExceptionTest {

    private static FailureKind derived(int status, String errorType) {
        return new ExternalServiceException("svc", status, errorType, "m", false, null).kind();
    }

    @Test
    void theOldConstructorDerivesTheKind() {
        assertThat(derived(401, "not-configured")).isEqualTo(FailureKind.NOT_CONFIGURED);
        assertThat(derived(401, "user-or-token-not-found")).isEqualTo(FailureKind.CREDENTIALS);
        assertThat(derived(403, "whatever")).isEqualTo(FailureKind.CREDENTIALS);
        assertThat(derived(402, "not-enough-usage-to-run-paid-actor")).isEqualTo(FailureKind.QUOTA);
        assertThat(derived(429, "insufficient_quota")).isEqualTo(FailureKind.QUOTA);
        assertThat(derived(429, "rate_limit_exceeded")).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(derived(400, "invalid_argument")).isEqualTo(FailureKind.BAD_REQUEST);
        assertThat(derived(404, "record-not-found")).isEqualTo(FailureKind.BAD_REQUEST);
        assertThat(derived(422, "x")).isEqualTo(FailureKind.BAD_REQUEST);
        assertThat(derived(503, "x")).isEqualTo(FailureKind.UNAVAILABLE);
        assertThat(derived(0, "io")).isEqualTo(FailureKind.UNAVAILABLE);
        assertThat(derived(0, "timeout")).isEqualTo(FailureKind.TIMEOUT);
        assertThat(derived(408, "run-timeout-exceeded")).isEqualTo(FailureKind.TIMEOUT);
        assertThat(derived(200, "malformed")).isEqualTo(FailureKind.MALFORMED);
        assertThat(derived(0, "cancelled")).isEqualTo(FailureKind.CANCELLED);
    }

    @Test
    void aCallerCanOverruleRetryableAndKeepsEverythingElse() {
        var e = new ExternalServiceException(
                "sheets", FailureKind.UNAVAILABLE, 500, "backendError", "m", true, Duration.ofSeconds(3));

        var once = e.withRetryable(false);

        assertThat(once.retryable()).isFalse();
        assertThat(once.kind()).isEqualTo(FailureKind.UNAVAILABLE);
        assertThat(once.status()).isEqualTo(500);
        assertThat(once.errorType()).isEqualTo("backendError");
        assertThat(once.retryAfter()).contains(Duration.ofSeconds(3));
        assertThat(once.getCause()).isSameAs(e);
        assertThat(e.withRetryable(true)).isSameAs(e);
    }
}
