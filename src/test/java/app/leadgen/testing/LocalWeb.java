package app.leadgen.testing;

import app.leadgen.websites.fetch.ConnectRouter;
import app.leadgen.websites.fetch.HostResolver;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many websites on one JDK HTTP server on 127.0.0.1 with a random port, told apart by the
 * {@code Host} header, so tests can use real-looking names ({@code baeckerei-schmidt.de}). {@link
 * #resolver()} maps the registered names to 127.0.0.1 and {@link #router()} sends port 80/443 to
 * the server's port. Every request is recorded ({@code host + path}), so a test can assert that a
 * page was never asked for.
 */
public final class LocalWeb implements AutoCloseable {

    /** Writes a response. */
    @FunctionalInterface
    public interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Handler> routes = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    /** Released on close: slow handlers wait on it instead of sleeping. */
    private final CountDownLatch closing = new CountDownLatch(1);

    private LocalWeb() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(threads);
        server.createContext("/", this::dispatch);
        server.start();
    }

    public static LocalWeb start() {
        try {
            return new LocalWeb();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    public LocalWeb on(String host, String path, Handler handler) {
        routes.put(key(host, path), handler);
        return this;
    }

    public LocalWeb page(String host, String path, String html) {
        return on(host, path, ex -> send(ex, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8)));
    }

    /** A page from {@code src/test/resources}, sent in {@code charset} (the file is UTF-8). */
    public LocalWeb resource(String host, String path, String resource, Charset charset) {
        byte[] body = text(resource).getBytes(charset);
        return on(host, path, ex -> send(ex, 200, "text/html", body));
    }

    public LocalWeb resource(String host, String path, String resource) {
        return page(host, path, text(resource));
    }

    public static String text(String resource) {
        try (var in = LocalWeb.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public LocalWeb redirect(String host, String path, int status, String location) {
        return on(host, path, ex -> {
            ex.getResponseHeaders().set("Location", location);
            send(ex, status, "text/html", ("<a href=\"" + location + "\">moved</a>").getBytes(StandardCharsets.UTF_8));
        });
    }

    public LocalWeb status(String host, String path, int status) {
        return on(
                host,
                path,
                ex -> send(
                        ex, status, "text/html", ("<h1>Fehler " + status + "</h1>").getBytes(StandardCharsets.UTF_8)));
    }

    /** Answers only when the server closes: longer than any timeout of a test. */
    public LocalWeb hanging(String host, String path) {
        return on(host, path, ex -> {
            awaitClose();
            send(ex, 200, "text/html", "<p>zu spät</p>".getBytes(StandardCharsets.UTF_8));
        });
    }

    /** What a {@link #trickling} page saw: readers that got its headers, and those that dropped the connection. */
    public static final class Trickle {
        private final AtomicInteger started = new AtomicInteger();
        private final AtomicInteger droppedByClient = new AtomicInteger();

        public int started() {
            return started.get();
        }

        public int droppedByClient() {
            return droppedByClient.get();
        }
    }

    /**
     * A page that sends its headers at once, then a space every 100 ms for {@code duration}, then
     * {@code html}; with a null duration it never ends (until the server closes). It keeps a reader
     * busy without its read timeout firing, and notices when the reader drops the connection (the
     * next write fails), which a page that only waits cannot.
     */
    public Trickle trickling(String host, String path, java.time.Duration duration, String html) {
        Trickle trickle = new Trickle();
        on(host, path, ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, 0);
            trickle.started.incrementAndGet();
            long start = System.nanoTime();
            OutputStream out = ex.getResponseBody();
            try {
                while ((duration == null || System.nanoTime() - start < duration.toNanos())
                        && !closing.await(100, TimeUnit.MILLISECONDS)) {
                    out.write(' ');
                    out.flush();
                }
                out.write(html.getBytes(StandardCharsets.UTF_8));
                out.close();
            } catch (IOException dropped) {
                trickle.droppedByClient.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return trickle;
    }

    public void awaitClose() {
        try {
            closing.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** host + path of every request, in arrival order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** The registered host names resolve to 127.0.0.1; anything else does not exist. */
    public HostResolver resolver() {
        return host -> {
            String h = host.toLowerCase(Locale.ROOT);
            if (routes.keySet().stream().anyMatch(k -> k.startsWith(h + "/"))) {
                return new InetAddress[] {InetAddress.getLoopbackAddress()};
            }
            throw new UnknownHostException(host);
        };
    }

    /** Every connection goes to this server, whatever port the URL had. */
    public ConnectRouter router() {
        return checked -> new InetSocketAddress(checked.getAddress(), port());
    }

    public static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private void dispatch(HttpExchange ex) throws IOException {
        String host = ex.getRequestHeaders().getFirst("Host");
        host = host == null ? "" : host.replaceFirst(":\\d+$", "").toLowerCase(Locale.ROOT);
        String path = ex.getRequestURI().getRawPath();
        String query = ex.getRequestURI().getRawQuery();
        String target = path + (query == null ? "" : "?" + query);
        requests.add(host + target);
        Handler handler = routes.get(key(host, target));
        if (handler == null) {
            handler = routes.get(key(host, path));
        }
        try {
            if (handler == null) {
                send(ex, 404, "text/html", "<h1>Seite nicht gefunden</h1>".getBytes(StandardCharsets.UTF_8));
            } else {
                handler.handle(ex);
            }
        } catch (IOException clientWentAway) {
            // the fetcher dropped the connection (size cap, timeout): expected in those tests
        } finally {
            ex.close();
        }
    }

    private static String key(String host, String path) {
        return host.toLowerCase(Locale.ROOT) + path;
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
