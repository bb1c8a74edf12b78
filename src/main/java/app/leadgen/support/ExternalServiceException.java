package app.leadgen.support;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * A failed call to an external service. Carries what a caller needs to decide: the
 * {@link FailureKind}, the HTTP status (0 for network errors, timeouts and cancellations), the
 * vendor's own error type (for logs and the ledger), whether a retry can help, and how long the
 * service asked us to wait. Messages never contain credentials.
 */
public class ExternalServiceException extends RuntimeException {

    private final String service;
    private final FailureKind kind;
    private final int status;
    private final String errorType;
    private final boolean retryable;
    private final Duration retryAfter;

    public ExternalServiceException(
            String service,
            FailureKind kind,
            int status,
            String errorType,
            String message,
            boolean retryable,
            Duration retryAfter) {
        super(message);
        this.service = service;
        this.kind = kind;
        this.status = status;
        this.errorType = errorType;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    /** For callers that do not classify yet: the kind is derived from the status and the error type. */
    public ExternalServiceException(
            String service, int status, String errorType, String message, boolean retryable, Duration retryAfter) {
        this(service, derive(status, errorType), status, errorType, message, retryable, retryAfter);
    }

    /** The same failure, with {@code retryable} decided by the caller (say, for a call that is not idempotent). */
    public ExternalServiceException withRetryable(boolean retryable) {
        if (retryable == this.retryable) {
            return this;
        }
        ExternalServiceException copy =
                new ExternalServiceException(service, kind, status, errorType, getMessage(), retryable, retryAfter);
        copy.initCause(this);
        return copy;
    }

    public String service() {
        return service;
    }

    public FailureKind kind() {
        return kind;
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

    /** 401, 402 and 403 mean every further call with the same credentials fails the same way. */
    public boolean credentialsRejected() {
        return status == 401 || status == 402 || status == 403;
    }

    private static FailureKind derive(int status, String errorType) {
        String type = errorType == null ? "" : errorType.toLowerCase(Locale.ROOT);
        return switch (type) {
            case "not-configured", "token-not-provided" -> FailureKind.NOT_CONFIGURED;
            case "cancelled" -> FailureKind.CANCELLED;
            case "timeout" -> FailureKind.TIMEOUT;
            case "malformed" -> FailureKind.MALFORMED;
            case "insufficient_quota", "not-enough-usage-to-run-paid-actor" -> FailureKind.QUOTA;
            default -> FailureKind.ofStatus(status);
        };
    }
}
