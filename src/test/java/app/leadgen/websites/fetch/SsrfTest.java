package app.leadgen.websites.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.LocalWeb;
import app.leadgen.testing.WebsiteSettings;
import app.leadgen.websites.FetchResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * allow-private off, as in production. To have a "public" site that can redirect somewhere
 * forbidden, the made-up host {@code shop.example} resolves to 203.0.113.10 (TEST-NET-3, a
 * documentation block that no real server uses). That address passes the check like any public
 * one; only after the check does the test's {@link ConnectRouter} send the connection to the local
 * server. The router sends every address it is given there, so if a forbidden address slipped
 * through the check, its request would arrive at the local server and be recorded: the tests
 * assert that it did not. The router also records every address it is asked about, which shows
 * that a blocked address never reached the connect step.
 */
class SsrfTest {

    private static final String PUBLIC_TEST_ADDRESS = "203.0.113.10";

    private final LocalWeb web = LocalWeb.start();
    private final List<InetSocketAddress> connects = new CopyOnWriteArrayList<>();
    private final Map<String, String> dns = new ConcurrentHashMap<>(Map.of(
            "shop.example", PUBLIC_TEST_ADDRESS,
            "intranet.example", "10.0.0.5",
            "metadata.example", "169.254.169.254",
            "localhost", "127.0.0.1"));
    private final HostResolver resolver = host -> {
        String address = dns.get(host);
        if (address == null) {
            // literals (127.0.0.1, [::1], 2130706433) are parsed by the JDK without any DNS query
            if (host.matches("[0-9.:a-fA-F]+")) {
                return InetAddress.getAllByName(host);
            }
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(address)};
    };
    private final ConnectRouter router = checked -> {
        connects.add(checked);
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), web.port());
    };
    private final HttpSafeFetcher fetcher = new HttpSafeFetcher(WebsiteSettings.production(), resolver, router);

    @AfterEach
    void close() throws IOException {
        fetcher.close();
        web.close();
    }

    @Test
    void thePublicTestSiteItselfIsFetched() {
        web.page("shop.example", "/", "<p>Willkommen im Shop</p>");
        assertThat(fetcher.fetch(URI.create("http://shop.example/"))).isInstanceOf(FetchResult.Ok.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1/",
                "http://localhost/",
                "http://169.254.169.254/latest/meta-data/",
                "http://[::1]/",
                "http://[::ffff:127.0.0.1]/",
                "http://0.0.0.0/",
                "http://2130706433/",
                "http://intranet.example/",
                "http://metadata.example/latest/meta-data/"
            })
    void privateTargetsAreNotFetched(String url) {
        FetchResult result = fetcher.fetch(URI.create(url));
        assertThat(result).isInstanceOf(FetchResult.Blocked.class);
        assertThat(connects).isEmpty();
        assertThat(web.requests()).isEmpty();
    }

    @Test
    void localServerByItsRealAddressIsNotFetched() {
        web.page("127.0.0.1", "/", "<p>intern</p>").page("localhost", "/", "<p>intern</p>");
        assertThat(fetcher.fetch(URI.create(web.url("/")))).isInstanceOf(FetchResult.Blocked.class);
        assertThat(fetcher.fetch(URI.create("http://127.0.0.1/"))).isInstanceOf(FetchResult.Blocked.class);
        assertThat(fetcher.fetch(URI.create("http://localhost/"))).isInstanceOf(FetchResult.Blocked.class);
        assertThat(web.requests()).isEmpty();
    }

    @Test
    void redirectTo127IsNotFollowed() {
        web.redirect("shop.example", "/", 302, "http://127.0.0.1/admin");
        web.page("127.0.0.1", "/admin", "<p>Admin</p>");
        FetchResult result = fetcher.fetch(URI.create("http://shop.example/"));
        assertThat(result.url()).isEqualTo(URI.create("http://127.0.0.1/admin"));
        assertThat(((FetchResult.Blocked) result).reason()).contains("loopback");
        assertThat(web.requests()).containsExactly("shop.example/");
        assertThat(connects).extracting(a -> a.getAddress().getHostAddress()).containsOnly(PUBLIC_TEST_ADDRESS);
    }

    @Test
    void redirectToTheLocalServersOwnPortIsNotFollowed() {
        web.redirect("shop.example", "/", 302, web.url("/admin"));
        web.page("127.0.0.1", "/admin", "<p>Admin</p>");
        FetchResult result = fetcher.fetch(URI.create("http://shop.example/"));
        assertThat(result).isInstanceOf(FetchResult.Blocked.class);
        assertThat(web.requests()).containsExactly("shop.example/");
    }

    @Test
    void redirectToTheMetadataServiceIsNotFollowed() {
        web.redirect("shop.example", "/", 301, "http://169.254.169.254/latest/meta-data/iam/security-credentials/");
        FetchResult result = fetcher.fetch(URI.create("http://shop.example/"));
        assertThat(((FetchResult.Blocked) result).reason()).contains("link-local");
        assertThat(web.requests()).containsExactly("shop.example/");
        assertThat(connects).extracting(a -> a.getAddress().getHostAddress()).containsOnly(PUBLIC_TEST_ADDRESS);
    }

    @Test
    void redirectToANameThatResolvesPrivateIsNotFollowed() {
        web.redirect("shop.example", "/", 302, "http://intranet.example:8080/");
        FetchResult result = fetcher.fetch(URI.create("http://shop.example/"));
        assertThat(((FetchResult.Blocked) result).reason()).contains("private");
        assertThat(connects).extracting(a -> a.getAddress().getHostAddress()).containsOnly(PUBLIC_TEST_ADDRESS);
    }

    @Test
    void answerWithOnePrivateAddressAmongPublicOnesIsRefused() {
        HostResolver mixed = host ->
                new InetAddress[] {InetAddress.getByName(PUBLIC_TEST_ADDRESS), InetAddress.getByName("192.168.1.20")};
        try (var fetcher = new HttpSafeFetcher(WebsiteSettings.production(), mixed, router)) {
            assertThat(fetcher.fetch(URI.create("http://shop.example/"))).isInstanceOf(FetchResult.Blocked.class);
        }
        assertThat(connects).isEmpty();
        assertThat(web.requests()).isEmpty();
    }

    @Test
    void dnsRebindingBetweenCheckAndConnectIsCaughtAtConnect() {
        // first answer public (the fetcher's own check), every later one loopback (the connect)
        AtomicInteger lookups = new AtomicInteger();
        HostResolver rebinding = host -> new InetAddress[] {
            InetAddress.getByName(lookups.getAndIncrement() == 0 ? PUBLIC_TEST_ADDRESS : "127.0.0.1")
        };
        web.page("shop.example", "/", "<p>darf nicht ankommen</p>");
        try (var fetcher = new HttpSafeFetcher(WebsiteSettings.production(), rebinding, router)) {
            FetchResult result = fetcher.fetch(URI.create("http://shop.example/"));
            assertThat(((FetchResult.Blocked) result).reason()).contains("loopback");
        }
        assertThat(lookups.get()).isGreaterThanOrEqualTo(2);
        assertThat(connects).isEmpty();
        assertThat(web.requests()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://shop.example:6379/",
                "http://shop.example:22/",
                "http://user:geheim@shop.example/",
                "file:///etc/passwd",
                "ftp://shop.example/",
                "gopher://shop.example:70/"
            })
    void otherSchemesPortsAndCredentialsAreRefused(String url) {
        assertThat(fetcher.fetch(URI.create(url))).isInstanceOf(FetchResult.Blocked.class);
        assertThat(connects).isEmpty();
    }

    @Test
    void webPortsAreAllowed() {
        web.page("shop.example", "/", "<p>ok</p>");
        assertThat(fetcher.fetch(URI.create("http://shop.example:8080/"))).isInstanceOf(FetchResult.Ok.class);
        assertThat(connects).extracting(InetSocketAddress::getPort).containsExactly(8080);
    }
}
