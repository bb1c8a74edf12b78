package app.leadgen.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.leads.LeadStore;
import app.leadgen.suppressions.Suppressions;
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
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Every mail sent one by one carries one-click unsubscribe (RFC 8058) and a footer; with tracking
 * switched on, an open pixel and wrapped links. The public links work without a login, refuse
 * tampered tokens and foreign URLs, tell machines from people, and move the contact's status.
 */
class TrackingTest extends IntegrationTest {

    private static final String BROWSER =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LeadStore store;

    @Autowired
    Suppressions suppressions;

    Api api;
    HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    String user;
    String email;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        TestLeads leads = new TestLeads(jdbc, store);
        String u = Long.toString(System.nanoTime(), 36);
        user = "track_" + u;
        email = "inhaber@laden-" + u + ".de";
        leads.lead(leads.run("tracking"), "tracking", user, "Ina Inhaber", "bio", email);
        SentMails.gmailAccepts();
    }

    @Test
    void everyMailCarriesOneClickUnsubscribeAndTheFooterButNoTrackingByDefault() throws Exception {
        send("Hallo Frau Inhaber,\n\nunser Angebot: https://agentur.example/angebot?a=1&b=2.\n\nGrüße");

        SentMails.Mail mail = SentMails.last();
        String token = mail.token();
        String base = "http://127.0.0.1:" + port;
        assertThat(mail.header("List-Unsubscribe"))
                .isEqualTo("<" + base + "/u/" + token + ">, <mailto:agentur@example.de?subject=unsubscribe>");
        assertThat(mail.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(mail.text())
                .startsWith("Hallo Frau Inhaber,")
                .contains("Agentur Beispiel GmbH, Musterstraße 1, 50667 Köln")
                .endsWith("Hier abmelden: " + base + "/u/" + token);
        assertThat(mail.html())
                .contains("Agentur Beispiel GmbH, Musterstraße 1, 50667 Köln")
                .contains("<a href=\"" + base + "/u/" + token + "\">Hier abmelden</a>")
                .contains("https://agentur.example/angebot?a=1&amp;b=2.")
                .doesNotContain("/track/");
        // the token is opaque: nothing of the address or the contact in it
        assertThat(token).doesNotContain("inhaber", "laden", user);
    }

    @Test
    void theOneClickPostUnsubscribesAtOnceAndOnlyOnce() throws Exception {
        send("Hallo,\n\nText");
        String token = SentMails.last().token();

        HttpResponse<String> pageBefore = get("/u/" + token, BROWSER);
        assertThat(pageBefore.statusCode()).isEqualTo(200);
        assertThat(pageBefore.body())
                .contains("i***@laden-")
                .contains("Jetzt abmelden")
                .contains("<form method=\"post\" action=\"/u/" + token + "\">")
                .doesNotContain("inhaber@", "_csrf");
        assertThat(pageBefore.headers().firstValue("Set-Cookie"))
                .as("no session for a reader")
                .isEmpty();
        assertThat(suppressions.isSuppressed(email))
                .as("a GET alone never unsubscribes")
                .isFalse();

        HttpResponse<String> oneClick = postForm("/u/" + token, "List-Unsubscribe=One-Click");
        assertThat(oneClick.statusCode()).isEqualTo(200);
        assertThat(suppressions.reasonFor(email)).contains("unsubscribed");
        assertThat(contactStatus()).isEqualTo("unsubscribed");
        assertThat(postForm("/u/" + token, "List-Unsubscribe=One-Click").statusCode())
                .isEqualTo(200);
        assertThat(events("unsubscribe")).isEqualTo(1);

        // nothing more reaches the address
        Api.Reply again = api.postJson("/send/" + user, "{\"subject\": \"Noch einmal\", \"body\": \"Text\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(get("/u/" + token, BROWSER).body()).contains("Erledigt");
    }

    @Test
    void thePagesButtonUnsubscribesToo() throws Exception {
        send("Hallo,\n\nText");
        String token = SentMails.last().token();

        HttpResponse<String> done = postForm("/u/" + token, "from=page");

        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(done.body()).contains("Erledigt", "i***@laden-");
        assertThat(suppressions.isSuppressed(email)).isTrue();
    }

    @Test
    void withTrackingOnLinksAreWrappedOpensAndClicksRecordedAndTheStatusFollows() throws Exception {
        assertThat(api.putJson("/api/settings/tracking", "{\"enabled\": true}").status())
                .isEqualTo(200);
        try {
            send("Hallo,\n\nunser Angebot: https://agentur.example/angebot?a=1&b=2.\n\nGrüße");
        } finally {
            api.putJson("/api/settings/tracking", "{\"enabled\": false}");
        }
        SentMails.Mail mail = SentMails.last();
        String token = mail.token();
        String link = "https://agentur.example/angebot?a=1&b=2";
        String click = "/track/click/" + token + "?url=" + URLEncoder.encode(link, StandardCharsets.UTF_8);
        assertThat(mail.html())
                .contains("<a href=\"http://127.0.0.1:" + port + click.replace("&", "&amp;") + "\">")
                .contains(
                        "<img src=\"http://127.0.0.1:" + port + "/track/open/" + token + "\" width=\"1\" height=\"1\"");
        assertThat(mail.text())
                .as("the text part is never rewritten")
                .contains(link + ".")
                .doesNotContain("/track/");

        HttpResponse<byte[]> pixel = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/track/open/" + token))
                        .header("User-Agent", BROWSER)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pixel.statusCode()).isEqualTo(200);
        assertThat(pixel.headers().firstValue("Content-Type")).contains("image/gif");
        assertThat(pixel.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        // a GIF89a of 1×1 pixels
        assertThat(new String(pixel.body(), 0, 6, StandardCharsets.US_ASCII)).isEqualTo("GIF89a");
        assertThat(java.util.Arrays.copyOfRange(pixel.body(), 6, 10)).containsExactly(1, 0, 1, 0);
        awaitEvents("open", 1);
        assertThat(contactStatus()).isEqualTo("opened");

        // a scanner at delivery: the same redirect, counted as a machine; the person a minute later
        HttpResponse<String> scanner = get(click, BROWSER);
        assertThat(scanner.statusCode()).isEqualTo(302);
        awaitEvents("click", 1);
        assertThat(contactStatus())
                .as("a click seconds after sending is a link scanner's")
                .isEqualTo("opened");
        jdbc.sql("update tracked_mails set sent_at = :at where id = (select max(id) from tracked_mails)")
                .param("at", Timestamp.from(Instant.now().minus(Duration.ofMinutes(1))))
                .update();
        HttpResponse<String> person = get(click, BROWSER);
        assertThat(person.statusCode()).isEqualTo(302);
        assertThat(person.headers().firstValue("Location")).contains(link);
        assertThat(person.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        awaitEvents("click", 2);
        assertThat(contactStatus()).isEqualTo("clicked");

        JsonNode engagement =
                api.get("/api/contacts/" + contactId() + "/engagement").json();
        assertThat(engagement.path("firstOpenedAt").isString()).isTrue();
        assertThat(engagement.path("firstClickedAt").isString()).isTrue();
        assertThat(engagement.path("clicks").asLong()).isEqualTo(2);
        assertThat(engagement.path("clicksHuman").asLong()).isEqualTo(1);
        assertThat(engagement.path("mails").asLong()).isEqualTo(1);
    }

    @Test
    void machineOpensAreCountedApartFromPeople() throws Exception {
        send("Hallo,\n\nText");
        String open = "/track/open/" + SentMails.last().token();

        get(open, "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)");
        get(open, "Mozilla/5.0");
        get(open, "");
        get(open, "Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/42.0.2311.135 Safari/537.36 Edge/12.246");
        http.send(
                HttpRequest.newBuilder(URI.create(base() + open))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .header("User-Agent", BROWSER)
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        awaitEvents("open", 5);
        assertThat(contactStatus()).as("no person opened it yet").isEqualTo("email_sent");
        get(open, BROWSER);
        awaitEvents("open", 6);

        JsonNode engagement =
                api.get("/api/contacts/" + contactId() + "/engagement").json();
        assertThat(engagement.path("opens").asLong()).isEqualTo(6);
        assertThat(engagement.path("opensHuman").asLong()).isEqualTo(1);
        assertThat(contactStatus()).isEqualTo("opened");
    }

    @Test
    void aBurstOfOpensFromManyClientsIsWrittenCompletely() throws Exception {
        send("Hallo,\n\nText");
        String open = base() + "/track/open/" + SentMails.last().token();
        int clients = 8;
        int each = 50;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        try {
            var answers = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int c = 0; c < clients; c++) {
                answers.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < each; i++) {
                        var request = HttpRequest.newBuilder(URI.create(open))
                                .header("User-Agent", BROWSER)
                                .build();
                        ok += http.send(request, HttpResponse.BodyHandlers.discarding())
                                                .statusCode()
                                        == 200
                                ? 1
                                : 0;
                    }
                    return ok;
                }));
            }
            for (var answer : answers) {
                assertThat(answer.get()).isEqualTo(each);
            }
        } finally {
            pool.shutdownNow();
        }
        awaitEvents("open", clients * each);
        assertThat(contactStatus()).isEqualTo("opened");
    }

    @Test
    void tamperedTokensAndForeignUrlsAreRefusedWithoutDetail() throws Exception {
        send("Hallo,\n\nhttps://agentur.example/ok\n\nGrüße");
        String token = SentMails.last().token();
        // a character inside the token: the last one carries two bits that base64 decoding ignores, so changing
        // 'A' to 'B' there can leave the bytes as they were (one run in sixteen)
        char middle = token.charAt(20);
        String tampered = token.substring(0, 20) + (middle == 'A' ? 'B' : 'A') + token.substring(21);

        assertThat(get("/track/open/" + tampered, BROWSER).statusCode()).isEqualTo(404);
        assertThat(get("/track/open/nonsense", BROWSER).statusCode()).isEqualTo(404);
        HttpResponse<String> forged =
                get("/track/click/" + tampered + "?url=https%3A%2F%2Fagentur.example%2Fok", BROWSER);
        assertThat(forged.statusCode()).isEqualTo(404);
        assertThat(forged.body()).isEmpty();
        assertThat(get("/u/" + tampered, BROWSER).statusCode()).isEqualTo(404);
        assertThat(postForm("/u/" + tampered, "List-Unsubscribe=One-Click").statusCode())
                .isEqualTo(404);

        HttpResponse<String> foreign = get("/track/click/" + token + "?url=https%3A%2F%2Fevil.example%2F", BROWSER);
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(foreign.headers().firstValue("Location")).isEmpty();
        assertThat(get("/track/click/" + token, BROWSER).statusCode()).isEqualTo(400);
        assertThat(suppressions.isSuppressed(email)).isFalse();
        assertThat(events("click")).isZero();
    }

    @Test
    void forgettingTheContactErasesItsTrackedMailsAndEvents() throws Exception {
        send("Hallo,\n\nText");
        String token = SentMails.last().token();
        get("/track/open/" + token, BROWSER);
        awaitEvents("open", 1);

        assertThat(api.delete("/api/contacts/" + contactId() + "?forget=true").status())
                .isEqualTo(204);

        Instant end = Instant.now().plusSeconds(10);
        while (mailsTo(email) > 0 && Instant.now().isBefore(end)) {
            Api.sleep(50);
        }
        assertThat(mailsTo(email)).isZero();
        assertThat(events("open")).isZero();
        assertThat(get("/track/open/" + token, BROWSER).statusCode())
                .as("its links are dead")
                .isEqualTo(404);
    }

    private long mailsTo(String recipient) {
        return jdbc.sql("select count(*) from tracked_mails where recipient = :r")
                .param("r", recipient)
                .query(Long.class)
                .single();
    }

    private void send(String body) {
        Api.Reply reply = api.postJson(
                "/send/" + user, "{\"subject\": \"Kurze Idee\", \"body\": \"" + body.replace("\n", "\\n") + "\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private HttpResponse<String> get(String path, String userAgent) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path));
        if (!userAgent.isEmpty()) {
            request.header("User-Agent", userAgent);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postForm(String path, String form) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base() + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private long contactId() {
        return jdbc.sql("select contact_id from ig_profiles where username = :u")
                .param("u", user)
                .query(Long.class)
                .single();
    }

    private String contactStatus() {
        return api.get("/api/contacts/" + contactId()).json().path("status").asString();
    }

    private void awaitEvents(String type, long count) {
        new TrackedEvents(jdbc, email).await(type, count);
    }

    private long events(String type) {
        return new TrackedEvents(jdbc, email).count(type);
    }
}
