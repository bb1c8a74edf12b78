package app.leadgen.ai;

import app.leadgen.support.ExternalServiceException;
import app.leadgen.support.RetryAfter;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Turns the OpenAI SDK's exceptions into {@link ExternalServiceException}s. A 429 is retryable only
 * when it is a rate limit: {@code insufficient_quota} (an empty account) answers 429 too, and
 * retrying it only delays the bad news.
 */
public final class LlmErrors {

    private LlmErrors() {}

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

    public static ExternalServiceException map(String service, RuntimeException e, Clock clock) {
        if (e instanceof OpenAIServiceException s) {
            int status = s.statusCode();
            String code = errorCode(s, status);
            boolean retryable = (status == 429 && !"insufficient_quota".equals(code)) || status >= 500;
            List<String> retryAfter = s.headers().values("retry-after");
            Duration wait = retryAfter.isEmpty() ? null : RetryAfter.parse(retryAfter.get(0), clock);
            return new ExternalServiceException(
                    service, status, code, service + " answered HTTP " + status + " (" + code + ")", retryable, wait);
        }
        if (e instanceof OpenAIIoException) {
            return new ExternalServiceException(service, 0, "io", service + " could not be reached", true, null);
        }
        if (e instanceof ExternalServiceException ese) {
            return ese;
        }
        return new ExternalServiceException(
                service, 0, "malformed", service + " answered something unreadable", false, null);
    }
}
