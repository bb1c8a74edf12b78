package app.leadgen.support;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Retries a call on {@link ExternalServiceException#retryable()} failures with exponential backoff,
 * waiting at least as long as the service's {@code Retry-After} asked (capped, so one answer cannot
 * stall a run for hours). Credentials errors (401/402/403) are never retried.
 */
public final class RetryPolicy {

    private static final Duration MAX_WAIT = Duration.ofMinutes(2);

    private final Retry retry;

    public RetryPolicy(String name, int maxAttempts, Duration initialBackoff) {
        this(name, maxAttempts, initialBackoff, MAX_WAIT);
    }

    /** @param maxWait the longest single wait, e.g. short when a person waits for the answer */
    public RetryPolicy(String name, int maxAttempts, Duration initialBackoff, Duration maxWait) {
        IntervalBiFunction<Object> interval = (attempt, outcome) -> {
            long backoff = initialBackoff.toMillis() * (1L << Math.min(attempt - 1, 10));
            long wait = outcome.isLeft() && outcome.getLeft() instanceof ExternalServiceException e
                    ? e.retryAfter().map(Duration::toMillis).orElse(backoff)
                    : backoff;
            return Math.min(wait, maxWait.toMillis());
        };
        RetryConfig config = RetryConfig.custom()
                .maxAttempts(Math.max(1, maxAttempts))
                .intervalBiFunction(interval)
                .retryOnException(e -> e instanceof ExternalServiceException ese && ese.retryable())
                .failAfterMaxAttempts(false)
                .build();
        this.retry = Retry.of(name, config);
    }

    public <T> T call(Supplier<T> call) {
        return Retry.decorateSupplier(retry, call).get();
    }
}
