package app.leadgen.ai;

import app.leadgen.support.Cancellation;
import app.leadgen.support.ExternalServiceException;
import app.leadgen.support.FailureKind;
import app.leadgen.support.RetryAfter;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Classifies the OpenAI SDK's exceptions (for every OpenAI-compatible provider) as
 * {@link ExternalServiceException}s. A 429 is a rate limit, unless it is {@code insufficient_quota}
 * (an empty account answers 429 too, and retrying it only delays the bad news).
 */
public final class LlmErrors {

    private LlmErrors() {}

    public static ExternalServiceException map(String service, Exception e, Clock clock) {
        if (e instanceof ExternalServiceException ese) {
            return ese;
        }
        Cancellation cancellation = Cancellation.current();
        if (e instanceof InterruptedException || (cancellation != null && cancellation.cancelled())) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return CancelOnStop.cancelled(service); // whatever broke after a stop is the stop's doing
        }
        if (e instanceof OpenAIServiceException s) {
            return answered(service, s, clock);
        }
        if (e instanceof OpenAIIoException io) {
            if (timedOut(io)) {
                return new ExternalServiceException(
                        service, FailureKind.TIMEOUT, 0, "timeout", service + " did not answer in time", true, null);
            }
            return new ExternalServiceException(
                    service, FailureKind.UNAVAILABLE, 0, "io", service + " could not be reached", true, null);
        }
        return new ExternalServiceException(
                service,
                FailureKind.MALFORMED,
                0,
                "malformed",
                service + " answered something unreadable",
                false,
                null);
    }

    private static ExternalServiceException answered(String service, OpenAIServiceException s, Clock clock) {
        int status = s.statusCode();
        String code = errorCode(s, status);
        FailureKind kind = "insufficient_quota".equals(code) ? FailureKind.QUOTA : FailureKind.ofStatus(status);
        boolean retryable = kind == FailureKind.RATE_LIMITED || kind == FailureKind.UNAVAILABLE;
        List<String> retryAfter = s.headers().values("retry-after");
        Duration wait = retryAfter.isEmpty() ? null : RetryAfter.parse(retryAfter.get(0), clock);
        return new ExternalServiceException(
                service, kind, status, code, service + " answered HTTP " + status + " (" + code + ")", retryable, wait);
    }

    /**
     * The error's {@code code} (or {@code type}). Read defensively: Perplexity sends a number where
     * OpenAI sends a string, and the SDK's typed accessors throw on that.
     */
    private static String errorCode(OpenAIServiceException e, int status) {
        try {
            return e.code().orElse(e.type().orElse("http-" + status));
        } catch (RuntimeException unexpectedShape) {
            try {
                return e.type().orElse("http-" + status);
            } catch (RuntimeException alsoUnexpected) {
                return "http-" + status;
            }
        }
    }

    /** OkHttp's read timeout is a SocketTimeoutException, its whole-call timeout an InterruptedIOException("timeout"). */
    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException
                    || (t instanceof InterruptedIOException && "timeout".equals(t.getMessage()))) {
                return true;
            }
        }
        return false;
    }
}
