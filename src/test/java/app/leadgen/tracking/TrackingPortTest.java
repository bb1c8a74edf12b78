package app.leadgen.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.leads.LeadStore;
import app.leadgen.testing.Api;
import app.leadgen.testing.IntegrationTest;
import app.leadgen.testing.TestLeads;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tracking port ({@code TRACKING_PORT}, any free one in the tests): the pixel and the redirect
 * answer there as on the app's port — the same tokens, refusals, rate limit, events and classification —
 * and nothing else does: every other path is a 404, so the port opens no door the login guards.
 */
class TrackingPortTest extends IntegrationTest {

    private static final String BROWSER =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
    private static final String LINK = "https://agentur.example/angebot-für-köln?a=1&b=2";

    @LocalServerPort
    int appPort;

    @Autowired
    TrackingPort trackingPort;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TrackedMailCache mails;

    @Autowired
    EventWriter writer;

    @Autowired
    MachineTraffic machines;

    @Autowired
    LeadStore store;

    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    String email;
    String token;

    @BeforeEach
    void sendATrackedMail() throws Exception {
        Api api = new Api(appPort);
        TestLeads leads = new TestLeads(jdbc, store);
        String u = Long.toString(System.nanoTime(), 36);
        String user = "port_" + u;
        email = "inhaber@port-" + u + ".de";
        leads.lead(leads.run("tracking-port"), "tracking-port", user, "Ina Inhaber", "bio", email);
        SentMails.gmailAccepts();
        assertThat(api.putJson("/api/settings/tracking", "{\"enabled\": true}").status())
                .isEqualTo(200);
        try {
            Api.Reply sent = api.postJson(
                    "/send/" + user,
                    "{\"subject\": \"Kurze Idee\", \"body\": \"Hallo,\\n\\n" + LINK + "\\n\\nGrüße\"}");
            assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        } finally {
            api.putJson("/api/settings/tracking", "{\"enabled\": false}");
        }
        token = SentMails.last().token();
    }

    @Test
    void thePixelAnswersOnTheTrackingPortAndItsOpensAreRecorded() throws Exception {
        assertThat(trackingPort.port()).isPositive().isNotEqualTo(appPort);

        HttpResponse<byte[]> pixel = send("GET", "/track/open/" + token, BROWSER);
        assertThat(pixel.statusCode()).isEqualTo(200);
        assertThat(pixel.headers().firstValue("Content-Type")).contains("image/gif");
        assertThat(pixel.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(pixel.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(pixel.body()).containsExactly(TrackingLinks.PIXEL);

        HttpResponse<byte[]> head = send("HEAD", "/track/open/" + token, BROWSER);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Length")).contains("42");
        assertThat(head.body()).isEmpty();

        events().await("open", 2);
        assertThat(events().machines("open")).as("a HEAD is a machine's").isEqualTo(1);
    }

    @Test
    void aClickRedirectsOnlyToALinkOfThatMailWithItsCharactersEncoded() throws Exception {
        String click = "/track/click/" + token + "?url=" + URLEncoder.encode(LINK, StandardCharsets.UTF_8);
        String ascii = "https://agentur.example/angebot-f%C3%BCr-k%C3%B6ln?a=1&b=2";
        jdbc.sql("update tracked_mails set sent_at = :at where recipient = :r")
                .param("at", Timestamp.from(Instant.now().minus(Duration.ofMinutes(1))))
                .param("r", email)
                .update();

        // twice: the second answer comes from the cache, on the event loop itself
        for (int i = 0; i < 2; i++) {
            HttpResponse<byte[]> redirect = send("GET", click, BROWSER);
            assertThat(redirect.statusCode()).isEqualTo(302);
            assertThat(redirect.headers().firstValue("Location")).contains(ascii);
            assertThat(redirect.headers().firstValue("Cache-Control")).contains("no-store");
        }
        // the app's port gives the same answer
        HttpResponse<String> app = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + appPort + click))
                        .header("User-Agent", BROWSER)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(app.headers().firstValue("Location")).contains(ascii);

        assertThat(send("GET", "/track/click/" + token + "?url=https%3A%2F%2Fevil.example%2F", BROWSER)
                        .statusCode())
                .isEqualTo(400);
        assertThat(send("GET", "/track/click/" + token, BROWSER).statusCode()).isEqualTo(400);
        events().await("click", 3);
        assertThat(events().machines("click"))
                .as("a minute after sending, by a browser")
                .isZero();
    }

    @Test
    void tamperedTokensAndEveryOtherPathOrMethodAreRefused() throws Exception {
        char middle = token.charAt(20);
        String tampered = token.substring(0, 20) + (middle == 'A' ? 'B' : 'A') + token.substring(21);

        HttpResponse<byte[]> forged = send("GET", "/track/open/" + tampered, BROWSER);
        assertThat(forged.statusCode()).isEqualTo(404);
        assertThat(forged.body()).isEmpty();
        assertThat(send("GET", "/track/open/", BROWSER).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/track/open/" + token + "/x", BROWSER).statusCode())
                .isEqualTo(404);
        for (String other : List.of("/u/" + token, "/api/contacts", "/ping", "/", "/track/", "/login")) {
            assertThat(send("GET", other, BROWSER).statusCode()).as(other).isEqualTo(404);
        }
        HttpResponse<byte[]> post = send("POST", "/track/open/" + token, BROWSER);
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
        assertThat(events().count("open")).isZero();
    }

    @Test
    void pipelinedRequestsAreAnsweredInTheirOrderAndABadUrlEncodingIsA400() throws Exception {
        // the mail was sent a moment ago, so it is not cached: the click waits for the database, and the
        // requests behind it on the same connection wait their turn, the 404 included
        String click = "/track/click/" + token + "?url=" + URLEncoder.encode(LINK, StandardCharsets.UTF_8);
        String requests = "GET " + click + " HTTP/1.1\r\nHost: t\r\n\r\n"
                + "HEAD /track/open/" + token + " HTTP/1.1\r\nHost: t\r\n\r\n"
                + "GET /api/contacts HTTP/1.1\r\nHost: t\r\n\r\n"
                + "GET /track/click/" + token + "?url=%zz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n";

        String answers = raw(requests);

        assertThat(statuses(answers)).containsExactly(302, 200, 404, 400);
        assertThat(answers.toLowerCase(java.util.Locale.ROOT))
                .contains("content-length: 42")
                .doesNotContain("gif89a")
                .as("the connection is closed as asked")
                .contains("connection: close");
    }

    @Test
    void http10AndUnparsableRequestsCloseTheConnection() throws Exception {
        String old = raw("GET /track/open/" + token + " HTTP/1.0\r\n\r\n");
        assertThat(statuses(old)).containsExactly(200);
        assertThat(old.toLowerCase(java.util.Locale.ROOT)).contains("connection: close");

        String kept = raw("GET /track/open/" + token + " HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"
                + "GET /track/open/" + token + " HTTP/1.0\r\n\r\n");
        assertThat(statuses(kept))
                .as("HTTP/1.0 keeps the connection only when asked")
                .containsExactly(200, 200);

        assertThat(statuses(raw("THIS IS NOT HTTP\r\n\r\n"))).containsExactly(400);
    }

    /** Writes the bytes as they are and reads until the server closes the connection. */
    private String raw(String requests) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", trackingPort.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(requests.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static List<Integer> statuses(String answers) {
        List<Integer> statuses = new ArrayList<>();
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("HTTP/1\\.[01] (\\d{3})").matcher(answers);
        while (m.find()) {
            statuses.add(Integer.parseInt(m.group(1)));
        }
        return statuses;
    }

    @Test
    void manyClientsOnKeptAliveConnectionsGetEveryAnswerAndEveryOpenIsWritten() throws Exception {
        int clients = 8;
        int each = 40;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                answers.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < each; i++) {
                        ok += send("GET", "/track/open/" + token, BROWSER).statusCode() == 200 ? 1 : 0;
                    }
                    return ok;
                }));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(each);
            }
        } finally {
            pool.shutdownNow();
        }
        events().await("open", clients * each);
    }

    @Test
    void behindAProxyTheRateLimitCountsEachForwardedClient() throws Exception {
        // a listener of its own with a limit of two a minute, trusting the proxy on loopback, as with
        // SERVER_FORWARD_HEADERS_STRATEGY=native
        TrackingLinks strict = new TrackingLinks(mails, writer, machines, new RateLimit(2, 100), Clock.systemUTC());
        try (TrackingListener proxied = TrackingListener.start("127.0.0.1", 0, strict, new ForwardedAddress(true))) {
            String open = "http://127.0.0.1:" + proxied.port() + "/track/open/" + token;
            for (int i = 0; i < 2; i++) {
                assertThat(forwarded(open, "203.0.113.7").statusCode()).isEqualTo(200);
            }
            HttpResponse<byte[]> limited = forwarded(open, "203.0.113.7");
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).contains("30");
            assertThat(limited.headers().firstValue("Cache-Control")).contains("no-store");
            assertThat(forwarded(open, "198.51.100.9, 10.0.0.2").statusCode())
                    .as("another client behind the same proxy has its own budget")
                    .isEqualTo(200);
        }
        events().await("open", 3);
        assertThat(jdbc.sql("select ip from email_events e join tracked_mails m on m.id = e.mail_id"
                                + " where m.recipient = :r")
                        .param("r", email)
                        .query(String.class)
                        .list())
                .containsExactlyInAnyOrder("203.0.113.7", "203.0.113.7", "198.51.100.9");
    }

    private HttpResponse<byte[]> forwarded(String url, String forwardedFor) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("User-Agent", BROWSER)
                        .header("X-Forwarded-For", forwardedFor)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> send(String method, String path, String userAgent) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + trackingPort.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("User-Agent", userAgent)
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private TrackedEvents events() {
        return new TrackedEvents(jdbc, email);
    }
}
