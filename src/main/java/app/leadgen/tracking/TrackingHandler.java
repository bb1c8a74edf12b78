package app.leadgen.tracking;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.AsciiString;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.EventExecutorGroup;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the tracking links of one connection to the tracking port ({@link TrackingListener}) with
 * {@link TrackingLinks}, like {@link TrackingFilter} on the app's port; every other path is a 404,
 * another method on a link a 405. A link whose mail is cached is answered on the event loop itself;
 * one that has to read or write the database is answered on a thread of {@code waiting}, so that an
 * event loop never waits for the database; answers after it wait their turn, in order.
 */
final class TrackingHandler extends SimpleChannelInboundHandler<HttpObject> {

    private static final Logger LOG = LoggerFactory.getLogger(TrackingHandler.class);
    private static final AsciiString NOSNIFF_HEADER = AsciiString.cached("x-content-type-options");
    private static final AsciiString NOSNIFF = AsciiString.cached("nosniff");
    /** The pixel's headers, made once and only ever read (the answer of nearly every request). */
    private static final HttpHeaders PIXEL_HEADERS = new DefaultHttpHeaders()
            .set(HttpHeaderNames.CONTENT_TYPE, AsciiString.cached("image/gif"))
            .setInt(HttpHeaderNames.CONTENT_LENGTH, TrackingLinks.PIXEL.length)
            .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE)
            .set(NOSNIFF_HEADER, NOSNIFF);

    private static final ByteBuf PIXEL =
            Unpooled.unreleasableBuffer(Unpooled.unmodifiableBuffer(Unpooled.wrappedBuffer(TrackingLinks.PIXEL)));

    /** Answers waiting for the database per connection before it is read no further. */
    static final int MAX_PENDING = 64;
    /** As the servlet container reads a query: {@code ;} is part of a value, not a separator. */
    private static final QueryStringDecoder.Builder URIS =
            QueryStringDecoder.builder().semicolonIsNormalChar(true);

    private final TrackingLinks links;
    private final ForwardedAddress addresses;
    private final EventExecutor waiter;
    /** The connection's own address, and whether it is a proxy whose {@code X-Forwarded-For} counts. */
    private String peer;

    private boolean proxy;
    /** Answers of this connection still on the waiting thread (touched on the event loop only). */
    private int pending;

    TrackingHandler(TrackingLinks links, ForwardedAddress addresses, EventExecutorGroup waiting) {
        this.links = links;
        this.addresses = addresses;
        this.waiter = waiting.next();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
        peer = remote.getAddress() == null
                ? remote.getHostString()
                : remote.getAddress().getHostAddress();
        proxy = remote.getAddress() != null && addresses.trusts(remote.getAddress());
        super.channelActive(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject message) {
        if (!(message instanceof HttpRequest request)) {
            if (message.decoderResult().isFailure()) {
                ctx.close(); // a broken body: nothing after it can be read
            }
            return; // a body (none is expected) is dropped as it comes
        }
        QueryStringDecoder uri = request.decoderResult().isSuccess() ? URIS.build(request.uri()) : null;
        boolean link = uri != null && TrackingLinks.isLink(request.method().name(), uri.rawPath());
        if (pending == 0 && (!link || links.answersAtOnce(uri.rawPath()))) {
            send(ctx, request, safely(request, uri));
            return;
        }
        if (++pending >= MAX_PENDING) {
            ctx.channel().config().setAutoRead(false); // a client that sends and does not wait reads on later
        }
        waiter.execute(() -> {
            FullHttpResponse response = safely(request, uri);
            ctx.executor().execute(() -> {
                pending--;
                send(ctx, request, response);
                readOnIfRoom(ctx);
            });
        });
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        // a client that does not read its answers stops being read until they have gone out
        if (!ctx.channel().isWritable()) {
            ctx.channel().config().setAutoRead(false);
        } else {
            readOnIfRoom(ctx);
        }
        super.channelWritabilityChanged(ctx);
    }

    private void readOnIfRoom(ChannelHandlerContext ctx) {
        if (pending < MAX_PENDING / 2 && ctx.channel().isWritable()) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    /** The answer, whatever happens: a bad {@code url} encoding is a 400, a database away a 503. */
    private FullHttpResponse safely(HttpRequest request, QueryStringDecoder uri) {
        try {
            return answer(request, uri);
        } catch (IllegalArgumentException e) {
            return empty(HttpResponseStatus.BAD_REQUEST);
        } catch (RuntimeException e) {
            LOG.warn("tracking link not answered: {}", e.getClass().getSimpleName());
            return empty(HttpResponseStatus.SERVICE_UNAVAILABLE);
        }
    }

    /** The answer to a request; {@code uri} is null when the request could not be parsed. */
    private FullHttpResponse answer(HttpRequest request, QueryStringDecoder uri) {
        if (uri == null) {
            return empty(HttpResponseStatus.BAD_REQUEST);
        }
        String path = uri.rawPath();
        String method = request.method().name();
        if (!path.startsWith(TrackingLinks.OPEN) && !path.startsWith(TrackingLinks.CLICK)) {
            return empty(HttpResponseStatus.NOT_FOUND);
        }
        if (!TrackingLinks.isLink(method, path)) {
            FullHttpResponse refused = empty(HttpResponseStatus.METHOD_NOT_ALLOWED);
            refused.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD");
            return refused;
        }
        String address = proxy ? addresses.forwarded(peer, request.headers()) : peer;
        String userAgent = request.headers().get(HttpHeaderNames.USER_AGENT);
        Supplier<String> url = () -> first(uri.parameters().get("url"));
        return response(method, links.answer(method, path, url, address, userAgent));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // a reset by the client, an idle connection timed out: nothing to answer any more
        LOG.debug("tracking connection closed: {}", cause.toString());
        ctx.close();
    }

    private static FullHttpResponse response(String method, TrackingLinks.Answer answer) {
        if (answer.status() == 200) {
            return new DefaultFullHttpResponse(
                    HttpVersion.HTTP_1_1,
                    HttpResponseStatus.OK,
                    "GET".equals(method) ? PIXEL.duplicate() : Unpooled.EMPTY_BUFFER,
                    PIXEL_HEADERS,
                    EmptyHttpHeaders.INSTANCE);
        }
        FullHttpResponse response = empty(HttpResponseStatus.valueOf(answer.status()));
        if (answer.status() == 302) {
            response.headers().set(HttpHeaderNames.LOCATION, answer.location());
        } else if (answer.status() == 429) {
            response.headers().setInt(HttpHeaderNames.RETRY_AFTER, answer.retryAfter());
        }
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
        response.headers().set(NOSNIFF_HEADER, NOSNIFF);
        return response;
    }

    private static FullHttpResponse empty(HttpResponseStatus status) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.EMPTY_BUFFER);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
        return response;
    }

    /**
     * Writes the answer; HTTP/1.1 keeps the connection unless the client asked otherwise, 1.0 only if
     * asked; after a request that could not be parsed or a 503 the connection is closed.
     */
    private static void send(ChannelHandlerContext ctx, HttpRequest request, FullHttpResponse response) {
        boolean keepAlive =
                request.decoderResult().isSuccess() && response.status().code() != 503 && HttpUtil.isKeepAlive(request);
        boolean old = request.protocolVersion().equals(HttpVersion.HTTP_1_0);
        if (!keepAlive || old) {
            response = response.replace(response.content()); // its own headers: the pixel's are shared
            response.headers()
                    .set(HttpHeaderNames.CONNECTION, keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
        }
        var written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
