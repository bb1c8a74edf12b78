package app.leadgen.websites.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.support.Cancellation;
import app.leadgen.testing.LocalWeb;
import app.leadgen.testing.WebsiteSettings;
import app.leadgen.websites.FetchResult;
import app.leadgen.websites.WebsitesProperties;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The fetcher against a local server (allow-private on, names routed to loopback). */
class HttpSafeFetcherTest {

    private final LocalWeb web = LocalWeb.start();
    private HttpSafeFetcher fetcher = new HttpSafeFetcher(WebsiteSettings.local(), web.resolver(), web.router());

    private void use(WebsitesProperties properties) throws IOException {
        fetcher.close();
        fetcher = new HttpSafeFetcher(properties, web.resolver(), web.router());
    }

    @AfterEach
    void close() throws IOException {
        fetcher.close();
        web.close();
    }

    @Test
    void okPage() {
        web.page("firma.de", "/", "<h1>Willkommen</h1>");
        FetchResult result = fetcher.fetch(URI.create("http://firma.de/"));
        assertThat(result).isInstanceOf(FetchResult.Ok.class);
        var ok = (FetchResult.Ok) result;
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.contentType()).isEqualTo("text/html");
        assertThat(ok.body()).isEqualTo("<h1>Willkommen</h1>");
    }

    @Test
    void anEmergencyStopAbortsTheReadInFlightAndClosesTheConnection() throws Exception {
        LocalWeb.Trickle trickle = web.trickling("langsam.de", "/", null, "");
        Cancellation cancellation = new Cancellation();
        FetchResult[] result = new FetchResult[1];
        Thread reader = new Thread(
                () -> cancellation.runBound(() -> result[0] = fetcher.fetch(URI.create("http://langsam.de/"))));
        reader.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (trickle.started() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(trickle.started()).isEqualTo(1);

        long cancelled = System.nanoTime();
        cancellation.cancel();
        reader.join(2_000);
        assertThat(reader.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - cancelled)).isLessThan(Duration.ofSeconds(1));
        assertThat(result[0]).isEqualTo(new FetchResult.Cancelled(URI.create("http://langsam.de/")));
        while (trickle.droppedByClient() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(trickle.droppedByClient())
                .as("connection closed by the fetcher")
                .isEqualTo(1);
        // once cancelled, nothing more is asked for
        int before = web.requests().size();
        cancellation.runBound(() -> result[0] = fetcher.fetch(URI.create("http://langsam.de/")));
        assertThat(result[0]).isInstanceOf(FetchResult.Cancelled.class);
        assertThat(web.requests()).hasSize(before);
    }

    @Test
    void redirectChainAcrossHostsIsFollowedAndEveryHopAsked() {
        web.redirect("firma.de", "/", 301, "http://www.firma.de/")
                .redirect("www.firma.de", "/", 302, "/start/")
                .redirect("www.firma.de", "/start/", 307, "index.html")
                .page("www.firma.de", "/start/index.html", "<p>angekommen</p>");
        FetchResult result = fetcher.fetch(URI.create("http://firma.de/"));
        assertThat(result.url()).isEqualTo(URI.create("http://www.firma.de/start/index.html"));
        assertThat(((FetchResult.Ok) result).body()).isEqualTo("<p>angekommen</p>");
        assertThat(web.requests())
                .containsExactly("firma.de/", "www.firma.de/", "www.firma.de/start/", "www.firma.de/start/index.html");
    }

    @Test
    void redirectLoopStopsAtTheLimit() {
        web.redirect("kreis.de", "/a", 302, "/b").redirect("kreis.de", "/b", 302, "/a");
        FetchResult result = fetcher.fetch(URI.create("http://kreis.de/a"));
        assertThat(result).isInstanceOf(FetchResult.Failed.class);
        assertThat(result.detail()).contains("too many redirects");
        assertThat(web.requests()).hasSize(6); // the first request and 5 redirects
    }

    @Test
    void serverErrorAndNotFound() {
        web.status("kaputt.de", "/", 500);
        assertThat(fetcher.fetch(URI.create("http://kaputt.de/")))
                .isEqualTo(new FetchResult.HttpError(URI.create("http://kaputt.de/"), 500));
        assertThat(fetcher.fetch(URI.create("http://kaputt.de/fehlt")))
                .isEqualTo(new FetchResult.HttpError(URI.create("http://kaputt.de/fehlt"), 404));
    }

    @Test
    void redirectWithoutLocationIsAnHttpError() {
        web.on("firma.de", "/", ex -> LocalWeb.send(ex, 302, "text/html", new byte[0]));
        assertThat(fetcher.fetch(URI.create("http://firma.de/")).outcome()).isEqualTo(FetchResult.Outcome.HTTP_ERROR);
    }

    @Test
    void slowSiteTimesOut() {
        web.hanging("langsam.de", "/");
        long start = System.nanoTime();
        FetchResult result = fetcher.fetch(URI.create("http://langsam.de/"));
        assertThat(result).isEqualTo(new FetchResult.Timeout(URI.create("http://langsam.de/")));
        // read timeout is 500 ms; well below the page deadline of 5 s
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void tricklingSiteHitsThePageDeadline() throws IOException {
        // one byte every 100 ms never trips the 500 ms read timeout; the page deadline (1.5 s) ends it
        CountDownLatch gone = new CountDownLatch(1);
        web.on("tropf.de", "/", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                while (true) {
                    out.write('x');
                    out.flush();
                    if (gone.await(100, TimeUnit.MILLISECONDS)) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                gone.countDown();
            }
        });
        long start = System.nanoTime();
        FetchResult result = fetcher.fetch(URI.create("http://tropf.de/"));
        assertThat(result.outcome()).isEqualTo(FetchResult.Outcome.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isBetween(Duration.ofMillis(4900), Duration.ofSeconds(7));
    }

    @Test
    void oversizedPageIsCutAndTheConnectionDropped() throws InterruptedException, IOException {
        // an endless page: reading it to the end would never finish
        AtomicLong written = new AtomicLong();
        CountDownLatch aborted = new CountDownLatch(1);
        web.on("riesig.de", "/", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0);
            byte[] chunk = "<p>Lorem ipsum dolor sit amet</p>\n".repeat(256).getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = ex.getResponseBody()) {
                while (written.get() < 1L << 30) {
                    out.write(chunk);
                    written.addAndGet(chunk.length);
                }
            } catch (IOException e) {
                aborted.countDown();
            }
        });
        use(WebsiteSettings.of(true, DataSize.ofKilobytes(64)));
        FetchResult result = fetcher.fetch(URI.create("http://riesig.de/"));
        assertThat(result).isEqualTo(new FetchResult.TooLarge(URI.create("http://riesig.de/"), 64 * 1024));
        assertThat(aborted.await(5, TimeUnit.SECONDS))
                .as("server saw the connection closed")
                .isTrue();
        assertThat(written.get()).isLessThan(1L << 30);
    }

    @Test
    void declaredLengthOverTheLimitIsNotRead() throws IOException {
        byte[] body = new byte[100 * 1024];
        web.on("gross.de", "/", ex -> LocalWeb.send(ex, 200, "text/html", body));
        use(WebsiteSettings.of(true, DataSize.ofKilobytes(64)));
        assertThat(fetcher.fetch(URI.create("http://gross.de/")).outcome()).isEqualTo(FetchResult.Outcome.TOO_LARGE);
    }

    @Test
    void imagesAndPdfsAreNotRead() {
        web.on("firma.de", "/logo.png", ex -> LocalWeb.send(ex, 200, "image/png", new byte[] {1, 2, 3}));
        assertThat(fetcher.fetch(URI.create("http://firma.de/logo.png")))
                .isEqualTo(new FetchResult.Unsupported(URI.create("http://firma.de/logo.png"), "image/png"));
    }

    @Test
    void plainTextIsRead() {
        web.on(
                "firma.de",
                "/kontakt.txt",
                ex -> LocalWeb.send(ex, 200, "text/plain", "info@firma.de".getBytes(StandardCharsets.UTF_8)));
        assertThat(((FetchResult.Ok) fetcher.fetch(URI.create("http://firma.de/kontakt.txt"))).body())
                .isEqualTo("info@firma.de");
    }

    @Test
    void charsetFromHeaderMetaOrGuessed() {
        Charset latin = Charset.forName("windows-1252");
        String german = "<p>Bäckerei Müller – Brötchen & Grüße</p>";
        web.on("header.de", "/", ex -> LocalWeb.send(ex, 200, "text/html; charset=ISO-8859-1", german.getBytes(latin)));
        web.on(
                "meta.de",
                "/",
                ex -> LocalWeb.send(
                        ex, 200, "text/html", ("<meta charset=\"windows-1252\">" + german).getBytes(latin)));
        web.on("ohne.de", "/", ex -> LocalWeb.send(ex, 200, "text/html", german.getBytes(latin)));
        web.on("utf8.de", "/", ex -> LocalWeb.send(ex, 200, "text/html", german.getBytes(StandardCharsets.UTF_8)));
        for (String host : new String[] {"header.de", "meta.de", "ohne.de", "utf8.de"}) {
            FetchResult result = fetcher.fetch(URI.create("http://" + host + "/"));
            assertThat(((FetchResult.Ok) result).body()).as(host).endsWith(german);
        }
    }

    @Test
    void unknownHost() {
        assertThat(fetcher.fetch(URI.create("http://gibt-es-nicht.de/")))
                .isEqualTo(new FetchResult.UnknownHost(URI.create("http://gibt-es-nicht.de/")));
    }

    @Test
    void refusedConnectionFails() throws IOException {
        // nothing listens on the port the router sends this name to
        int closedPort;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        int port = closedPort;
        try (var refusing = new HttpSafeFetcher(
                WebsiteSettings.local(),
                h -> new InetAddress[] {InetAddress.getLoopbackAddress()},
                checked -> new InetSocketAddress(checked.getAddress(), port))) {
            assertThat(refusing.fetch(URI.create("http://zu.de/")).outcome()).isEqualTo(FetchResult.Outcome.FAILED);
        }
    }
}
