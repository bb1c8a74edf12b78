package app.leadgen.support.http;

import app.leadgen.support.Cancellation;
import app.leadgen.support.ExternalServiceException;
import app.leadgen.support.FailureKind;
import app.leadgen.support.RetryAfter;
import app.leadgen.support.Texts;
import app.leadgen.support.http.ErrorEnvelope.VendorError;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * One vendor's JSON-over-HTTP client (Apache HttpClient 5, pooled, no automatic retries, no
 * cookies). Every request is bound to the {@link Cancellation} of the calling thread, so an
 * emergency stop closes its connection at once. Every failure becomes an
 * {@link ExternalServiceException} with a {@link FailureKind}: HTTP errors through the vendor's
 * {@link ErrorEnvelope} (with {@code Retry-After}), network errors, timeouts, unreadable or
 * oversized answers, cancellations. Retrying is the caller's business (see
 * {@link app.leadgen.support.RetryPolicy}): only RATE_LIMITED and UNAVAILABLE are marked retryable.
 */
public final class JsonHttp implements AutoCloseable {

    /** Turns the parsed body of a 2xx answer into the caller's result; throws {@link #malformed} if it cannot. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(JsonNode body);
    }

    private static final Logger log = LoggerFactory.getLogger(JsonHttp.class);
    private static final int MAX_MESSAGE = 500;

    private final HttpSettings settings;
    private final ErrorEnvelope envelope;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final CloseableHttpClient http;

    JsonHttp(HttpSettings settings, ErrorEnvelope envelope, Clock clock) {
        this.settings = settings;
        this.envelope = envelope;
        this.clock = clock;
        int pool = Math.max(1, settings.maxConnections());
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(pool)
                        .setMaxConnPerRoute(pool)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                                .setSocketTimeout(Timeout.of(settings.readTimeout()))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(settings.readTimeout()))
                        .build())
                .disableAutomaticRetries()
                .disableCookieManagement()
                .build();
    }

    /** POSTs {@code body} as JSON and reads the answer; one attempt, no retries. */
    public <T> T post(String url, Map<String, String> headers, Object body, Reader<T> reader) {
        HttpPost post = new HttpPost(url);
        headers.forEach(post::setHeader);
        post.setHeader("Accept", "application/json");
        post.setEntity(new StringEntity(json.writeValueAsString(body), ContentType.APPLICATION_JSON));
        Cancellation cancellation = Cancellation.current();
        if (cancelled(cancellation)) {
            throw cancelled();
        }
        // an emergency stop aborts the request: its connection is closed, the answer not waited for
        Runnable unregister = cancellation == null ? () -> {} : cancellation.register(post::cancel);
        try {
            return http.execute(post, response -> answer(post, response, reader));
        } catch (IOException e) {
            throw networkFailure(e, cancellation);
        } finally {
            unregister.run();
        }
    }

    private <T> T answer(HttpPost post, ClassicHttpResponse response, Reader<T> reader) throws IOException {
        int status = response.getCode();
        byte[] bytes = readCapped(
                response.getEntity() == null ? null : response.getEntity().getContent());
        if (bytes == null) {
            // closing the stream would read the rest of the body first: drop the connection instead
            post.cancel();
        }
        if (status >= 200 && status < 300) {
            if (bytes == null) {
                throw malformed(settings.label() + " answered with more than " + settings.maxBodyBytes() + " bytes");
            }
            JsonNode root;
            try {
                root = json.readTree(bytes);
            } catch (JacksonException e) {
                throw malformed(settings.label() + " answered with malformed JSON");
            }
            return reader.read(root == null ? MissingNode.getInstance() : root);
        }
        throw failure(status, bytes, response.getFirstHeader("Retry-After"));
    }

    private ExternalServiceException failure(int status, byte[] bytes, Header retryAfterHeader) {
        JsonNode body = MissingNode.getInstance();
        if (bytes != null && bytes.length > 0) {
            try {
                JsonNode parsed = json.readTree(bytes);
                body = parsed == null ? body : parsed;
            } catch (JacksonException notJson) {
                // the status alone decides
            }
        }
        VendorError error = envelope.read(status, body);
        FailureKind kind = error.kind();
        String message = Texts.clip(error.message(), MAX_MESSAGE);
        boolean retryable = kind == FailureKind.RATE_LIMITED || kind == FailureKind.UNAVAILABLE;
        var retryAfter = RetryAfter.parse(retryAfterHeader == null ? null : retryAfterHeader.getValue(), clock);
        log.warn("{} answered HTTP {}: {} {} ({})", settings.label(), status, kind, error.type(), message);
        return new ExternalServiceException(
                settings.service(), kind, status, error.type(), message, retryable, retryAfter);
    }

    private ExternalServiceException networkFailure(IOException e, Cancellation cancellation) {
        if (cancelled(cancellation)) {
            return cancelled();
        }
        if (e instanceof SocketTimeoutException) {
            return new ExternalServiceException(
                    settings.service(),
                    FailureKind.TIMEOUT,
                    0,
                    "timeout",
                    settings.label() + " did not answer in time",
                    true,
                    null);
        }
        return new ExternalServiceException(
                settings.service(),
                FailureKind.UNAVAILABLE,
                0,
                "io",
                settings.label() + " could not be reached: " + e.getClass().getSimpleName(),
                true,
                null);
    }

    /** An answer that is not what the vendor promised: not retried, a second call gets the same. */
    public ExternalServiceException malformed(String message) {
        return new ExternalServiceException(
                settings.service(), FailureKind.MALFORMED, 200, "malformed", message, false, null);
    }

    /** The call was not made because the adapter lacks its credentials. */
    public ExternalServiceException notConfigured(String message, String errorType) {
        return new ExternalServiceException(
                settings.service(), FailureKind.NOT_CONFIGURED, 401, errorType, message, false, null);
    }

    public ExternalServiceException cancelled() {
        return new ExternalServiceException(
                settings.service(),
                FailureKind.CANCELLED,
                0,
                "cancelled",
                "the call was cancelled by an emergency stop",
                false,
                null);
    }

    /** True when the calling thread's run was cancelled: a multi-call adapter stops there. */
    public static boolean cancelledNow() {
        return cancelled(Cancellation.current());
    }

    private static boolean cancelled(Cancellation cancellation) {
        return cancellation != null && cancellation.cancelled();
    }

    /** The body, or null when it is larger than the cap (the stream is then left to the abort). */
    private byte[] readCapped(InputStream in) throws IOException {
        if (in == null) {
            return new byte[0];
        }
        byte[] bytes = in.readNBytes(settings.maxBodyBytes() + 1);
        if (bytes.length > settings.maxBodyBytes()) {
            return null;
        }
        in.close();
        return bytes;
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
    }
}
