package app.leadgen.support;

import java.time.Duration;
import java.util.Optional;

/**
 * A failed call to an external service. Carries what a caller needs to decide about retrying:
 * the HTTP status (0 for network errors and timeouts), whether a retry can help, and how long the
 * service asked us to wait. Messages never contain credentials.
 */
public class ExternalServiceException extends RuntimeException {

    private final String service;
    private final int status;
    private final String errorType;
    private final boolean retryable;
    private final Duration retryAfter;

    public ExternalServiceException(
            String service, int status, String errorType, String message, boolean retryable, Duration retryAfter) {
        super(message);
        this.service = service;
        this.status = status;
        this.errorType = errorType;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    public String service() {
        return service;
    }

    public int status() {
        return status;
    }

    public String errorType() {
        return errorType;
    }

    public boolean retryable() {
        return retryable;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The kind of failure (derived from the status until every adapter sets it). */
    public FailureKind kind() {
        if (status == 402) {
            return FailureKind.QUOTA;
        }
        if (status == 401 || status == 403) {
            return FailureKind.CREDENTIALS;
        }
        if (status == 429) {
            return FailureKind.RATE_LIMITED;
        }
        if (status >= 500) {
            return FailureKind.UNAVAILABLE;
        }
        if (status >= 400) {
            return FailureKind.BAD_REQUEST;
        }
        return "cancelled".equals(errorType) ? FailureKind.CANCELLED : FailureKind.UNAVAILABLE;
    }

    /** 401, 402 and 403 mean every further call with the same credentials fails the same way. */
    public boolean credentialsRejected() {
        return status == 401 || status == 402 || status == 403;
    }
}
