package app.leadgen.ai;

import app.leadgen.support.Cancellation;
import app.leadgen.support.ExternalServiceException;
import app.leadgen.support.FailureKind;
import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * An OkHttp interceptor that binds every LLM request to the {@link Cancellation} of the calling
 * thread (the OpenAI SDK runs a blocking call on the caller's thread). An emergency stop cancels the
 * OkHttp call, which closes its socket at once: OkHttp does not react to thread interrupts while it
 * waits for an answer, so without this a stop would wait for Perplexity's answer.
 *
 * <p>The answer is read here, still bound, up to a cap: chat completions are not streamed, so
 * nothing is lost, and a stop while the body arrives closes the connection too. The failure is
 * thrown as an unchecked {@link ExternalServiceException}, which the SDK does not retry (it retries
 * only I/O exceptions).
 */
final class CancelOnStop implements okhttp3.Interceptor {

    static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

    private final String service;

    CancelOnStop(String service) {
        this.service = service;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Cancellation cancellation = Cancellation.current();
        if (cancellation != null && cancellation.cancelled()) {
            throw cancelled(service);
        }
        Runnable unregister = cancellation == null ? () -> {} : cancellation.register(chain.call()::cancel);
        Response response;
        try {
            response = buffered(chain.proceed(chain.request()));
        } catch (IOException e) {
            if (cancellation != null && cancellation.cancelled()) {
                throw cancelled(service);
            }
            throw e;
        } finally {
            unregister.run();
        }
        if (cancellation != null && cancellation.cancelled()) {
            response.close();
            throw cancelled(service);
        }
        return response;
    }

    private Response buffered(Response response) throws IOException {
        ResponseBody body = response.body();
        MediaType type = body == null ? null : body.contentType();
        if (body == null || (type != null && "event-stream".equals(type.subtype()))) {
            return response; // a stream is read by its consumer, piece by piece
        }
        try (body) {
            BufferedSource source = body.source();
            if (source.request(MAX_BODY_BYTES + 1L)) {
                throw new ExternalServiceException(
                        service,
                        FailureKind.MALFORMED,
                        response.code(),
                        "malformed",
                        service + " answered with more than " + MAX_BODY_BYTES + " bytes",
                        false,
                        null);
            }
            byte[] bytes = source.readByteArray();
            return response.newBuilder().body(ResponseBody.create(bytes, type)).build();
        }
    }

    static ExternalServiceException cancelled(String service) {
        return new ExternalServiceException(
                service,
                FailureKind.CANCELLED,
                0,
                "cancelled",
                "the call was cancelled by an emergency stop",
                false,
                null);
    }
}
