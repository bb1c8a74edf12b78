package app.leadgen.websites.fetch;

import app.leadgen.support.Cancellation;
import app.leadgen.websites.FetchResult;
import app.leadgen.websites.SafeFetcher;
import app.leadgen.websites.WebsitesProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * {@link SafeFetcher} on Apache HttpClient 5 with its own redirect loop (the client's redirect
 * handling is off). Per hop: the URL rules (http/https, web port, no credentials), then the
 * host's addresses through {@link AddressPolicy}, then the request. The client's connection
 * resolves the host once more through {@link GuardedDnsResolver}, which checks again and hands the
 * socket only addresses that passed; so a DNS answer that changes between our check and the
 * connect (DNS rebinding) is caught too. No proxy is used (the client is built without system
 * properties), so nothing between the check and the socket can send the request elsewhere.
 *
 * <p>Residual risks, accepted: a kept-alive connection is reused for later requests to the same
 * host without a new lookup (it was checked when it was opened); host lookups use the JDK
 * resolver, which has no timeout of its own (the system's resolver settings apply, typically
 * 5 s per server); a page's own deadline ({@code pageTimeout}) is checked between reads, so one
 * read may last up to {@code readTimeout} past it.
 *
 * <p>An emergency stop: every request is registered with the {@link Cancellation} bound to the
 * calling thread (as the Apify and Places clients do); cancelling it aborts the request at once
 * (the connection is closed, whether the site is still silent or sending its body), and the read
 * ends as {@link FetchResult.Cancelled}, never as a timeout or a failure of the site.
 */
public final class HttpSafeFetcher implements SafeFetcher, AutoCloseable {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final Set<String> TEXT_TYPES = Set.of("text/html", "application/xhtml+xml", "text/plain");

    private final WebsitesProperties properties;
    private final HostResolver resolver;
    private final AddressPolicy policy;
    private final CloseableHttpClient client;

    public HttpSafeFetcher(WebsitesProperties properties) {
        this(properties, HostResolver.SYSTEM, ConnectRouter.DIRECT);
    }

    /** With a resolver and a router for tests and the benchmark; see {@link ConnectRouter}. */
    public HttpSafeFetcher(WebsitesProperties properties, HostResolver resolver, ConnectRouter router) {
        this.properties = properties;
        this.resolver = resolver;
        this.policy = new AddressPolicy(properties.allowPrivate());
        Timeout connect = Timeout.ofMilliseconds(properties.connectTimeout().toMillis());
        Timeout read = Timeout.ofMilliseconds(properties.readTimeout().toMillis());
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new GuardedDnsResolver(resolver, policy, router))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(connect)
                        .setSocketTimeout(read)
                        .build())
                .setMaxConnTotal(properties.maxConnections())
                .setMaxConnPerRoute(properties.maxConnections())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(connect)
                        .setResponseTimeout(read)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent(properties.userAgent())
                .build();
    }

    @Override
    public FetchResult fetch(URI url) {
        long deadline = System.nanoTime() + properties.pageTimeout().toNanos();
        Cancellation cancellation = Cancellation.current();
        URI current = url;
        for (int redirects = 0; ; redirects++) {
            if (cancelled(cancellation)) {
                return new FetchResult.Cancelled(current);
            }
            Optional<FetchResult> refused = checkTarget(current);
            if (refused.isPresent()) {
                return refused.get();
            }
            if (System.nanoTime() - deadline > 0) {
                return new FetchResult.Timeout(current);
            }
            Hop hop = exchange(current, deadline, cancellation);
            if (hop.result() != null) {
                return hop.result();
            }
            if (redirects >= properties.maxRedirects()) {
                return new FetchResult.Failed(
                        current, "too many redirects (more than " + properties.maxRedirects() + ")");
            }
            current = hop.next();
        }
    }

    /** Either a final result or the next URL of a redirect. */
    private record Hop(FetchResult result, URI next) {}

    private Optional<FetchResult> checkTarget(URI url) {
        Optional<String> rule = TargetRules.refusal(url, policy.allowPrivate());
        if (rule.isPresent()) {
            return Optional.of(new FetchResult.Blocked(url, rule.get()));
        }
        try {
            InetAddress[] addresses = resolver.resolve(GuardedDnsResolver.bare(url.getHost()));
            for (InetAddress address : addresses) {
                Optional<String> refusal = policy.refusal(address);
                if (refusal.isPresent()) {
                    return Optional.of(new FetchResult.Blocked(url, refusal.get() + " " + address.getHostAddress()));
                }
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of(new FetchResult.UnknownHost(url));
        }
    }

    private Hop exchange(URI url, long deadline, Cancellation cancellation) {
        HttpGet get = new HttpGet(url);
        get.setHeader("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1");
        get.setHeader("Accept-Language", "de-DE,de;q=0.9,en;q=0.5");
        ClassicHttpResponse response = null;
        // an emergency stop aborts the request in flight: the connection is closed
        Runnable unregister = cancellation == null ? () -> {} : cancellation.register(get::cancel);
        try {
            response = client.executeOpen(null, get, null);
            int status = response.getCode();
            if (REDIRECTS.contains(status)) {
                get.cancel(); // the body of a redirect is of no use; do not wait for it
                return redirect(url, status, response.getFirstHeader("Location"));
            }
            if (status >= 300) {
                get.cancel();
                return done(new FetchResult.HttpError(url, status));
            }
            FetchResult page = body(url, get, response, deadline);
            // a body cut short by the abort may look complete: it is not this page
            return done(cancelled(cancellation) ? new FetchResult.Cancelled(url) : page);
        } catch (IOException | RuntimeException e) {
            return done(cancelled(cancellation) ? new FetchResult.Cancelled(url) : failure(url, e));
        } finally {
            unregister.run();
            // after a cancel, closing may fail; the result is already decided
            closeQuietly(response);
        }
    }

    private static FetchResult failure(URI url, Exception e) {
        if (e instanceof BlockedAddressException blocked) {
            return new FetchResult.Blocked(url, blocked.reason());
        }
        if (e instanceof UnknownHostException) {
            return new FetchResult.UnknownHost(url);
        }
        if (e instanceof InterruptedIOException) {
            return new FetchResult.Timeout(url); // connect and read timeouts are both of this kind
        }
        return new FetchResult.Failed(url, describe(e));
    }

    private static boolean cancelled(Cancellation cancellation) {
        return cancellation != null && cancellation.cancelled();
    }

    private FetchResult body(URI url, HttpGet get, ClassicHttpResponse response, long deadline) throws IOException {
        HttpEntity entity = response.getEntity();
        String contentType = entity == null || entity.getContentType() == null ? "" : entity.getContentType();
        String mime = mime(contentType);
        if (!mime.isEmpty() && !TEXT_TYPES.contains(mime)) {
            get.cancel();
            return new FetchResult.Unsupported(url, mime);
        }
        long max = properties.maxBodySize().toBytes();
        if (entity == null) {
            return new FetchResult.Ok(url, response.getCode(), mime, "");
        }
        if (entity.getContentLength() > max) {
            get.cancel();
            return new FetchResult.TooLarge(url, max);
        }
        InputStream in = entity.getContent();
        Bodies.Read read = Bodies.read(in, max, deadline);
        if (read.end() != Bodies.End.COMPLETE) {
            // drop the connection: closing the stream normally would read the rest of the body
            get.cancel();
        }
        closeQuietly(in);
        return switch (read.end()) {
            case TOO_LARGE -> new FetchResult.TooLarge(url, max);
            case DEADLINE -> new FetchResult.Timeout(url);
            case COMPLETE -> new FetchResult.Ok(
                    url, response.getCode(), mime, Bodies.decode(read.bytes(), charset(contentType)));
        };
    }

    private static Hop redirect(URI from, int status, Header location) {
        if (location == null || location.getValue().isBlank()) {
            return done(new FetchResult.HttpError(from, status));
        }
        String value = location.getValue().trim();
        try {
            return new Hop(null, from.resolve(new URI(value.replace(" ", "%20"))));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return done(new FetchResult.Failed(from, "malformed redirect location"));
        }
    }

    private static Hop done(FetchResult result) {
        return new Hop(result, null);
    }

    static String mime(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .trim()
                .toLowerCase(Locale.ROOT);
    }

    static String charset(String contentType) {
        for (String part : contentType.split(";")) {
            String p = part.trim();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                return p.substring(8).replace("\"", "").replace("'", "").trim();
            }
        }
        return null;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // the connection is gone either way
            }
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
