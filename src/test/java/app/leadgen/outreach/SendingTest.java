package app.leadgen.outreach;

import static app.leadgen.testing.Fakes.GOOGLE;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.leads.LeadStore;
import app.leadgen.testing.Api;
import app.leadgen.testing.Fakes;
import app.leadgen.testing.IntegrationTest;
import app.leadgen.testing.TestLeads;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /send/{username}} through the Gmail API (fake: token endpoint + users.messages.send). */
class SendingTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SEND = "/gmail/v1/users/me/messages/send";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LeadStore store;

    Api api;
    TestLeads leads;
    long run;
    String user;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        leads = new TestLeads(jdbc, store);
        run = leads.run("fitness");
        user = "send_" + System.nanoTime() % 1_000_000;
        leads.lead(run, "fitness", user, "Jörg Weiß", "Coach", "joerg@studio-weiss.de");
    }

    @Test
    void sendsAProperMessageThroughGmailAndRemembersIt() throws Exception {
        gmailAccepts(0);

        Api.Reply reply = api.postJson(
                "/send/" + user,
                "{\"subject\": \"Grüße aus Köln – kurze Idee für Ihr Studio\", \"body\": \"Hallo Herr Weiß,\\n\\nwie geht's? <b>kein HTML</b>\\n\\nViele Grüße\"}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().path("status").asString()).isEqualTo("SENT");
        assertThat(reply.json().path("to").asString()).isEqualTo("joerg@studio-weiss.de");

        // the access token (fetched with the refresh token, see the expired-token test) is the Bearer
        var sendRequest = GOOGLE.findAll(postRequestedFor(urlPathEqualTo(SEND))).get(0);
        assertThat(sendRequest.getHeader("Authorization")).isEqualTo("Bearer " + Fakes.GOOGLE_ACCESS_TOKEN);

        String raw = JSON.readTree(sendRequest.getBodyAsString()).path("raw").asString();
        byte[] bytes = Base64.getUrlDecoder().decode(raw);
        String headers = new String(bytes, java.nio.charset.StandardCharsets.US_ASCII).split("\r\n\r\n", 2)[0];
        assertThat(headers)
                .contains("Subject: =?UTF-8?")
                .doesNotContain("Grüße"); // RFC 2047 encoded, 7-bit on the wire
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
        assertThat(message.getSubject()).isEqualTo("Grüße aus Köln – kurze Idee für Ihr Studio");
        assertThat(message.getHeader("To")[0]).isEqualTo("joerg@studio-weiss.de");
        assertThat(message.getHeader("From")[0]).isEqualTo("agentur@example.de");
        assertThat(message.getMessageID())
                .matches("<[0-9a-f-]{36}@example\\.de>")
                .isEqualTo(reply.json().path("messageId").asString());
        assertThat(message.getSentDate()).isNotNull();
        List<String> parts = new ArrayList<>();
        Multipart alternative = (Multipart) message.getContent();
        for (int i = 0; i < alternative.getCount(); i++) {
            Part part = alternative.getBodyPart(i);
            // on the wire, lines end in CRLF (RFC 5322); compare the text itself
            parts.add(part.getContentType().toLowerCase() + " :: "
                    + part.getContent().toString().replace("\r\n", "\n"));
        }
        // the text as written, then the footer every mail has (postal address, unsubscribe link)
        assertThat(parts.get(0))
                .startsWith("text/plain; charset=utf-8")
                .contains(":: Hallo Herr Weiß,\n\nwie geht's? <b>kein HTML</b>\n\nViele Grüße\n\n-- \n")
                .contains("Hier abmelden: http://127.0.0.1:" + port + "/u/");
        assertThat(message.getHeader("List-Unsubscribe")[0])
                .matches("<http://127\\.0\\.0\\.1:" + port
                        + "/u/[A-Za-z0-9_-]{43}>, <mailto:agentur@example\\.de\\?subject=unsubscribe>");
        assertThat(message.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(parts.get(1))
                .startsWith("text/html; charset=utf-8")
                .contains("&lt;b&gt;kein HTML&lt;/b&gt;")
                .doesNotContain("<b>kein");

        // the row shows the sent state, also after a reload
        JsonNode row = rowOf(user);
        assertThat(row.path("sentAt").asString())
                .isEqualTo(reply.json().path("sentAt").asString());
    }

    @Test
    void theSameContentIsNeverSentTwiceButNewContentIs() {
        gmailAccepts(0);
        String body = "{\"subject\": \"Hallo\", \"body\": \"Text eins\"}";

        assertThat(api.postJson("/send/" + user, body).status()).isEqualTo(200);
        Api.Reply again = api.postJson("/send/" + user, body);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("detail").asString()).contains("bereits gesendet");
        assertThat(api.postJson("/send/" + user, "{\"subject\": \"Hallo\", \"body\": \"Text zwei\"}")
                        .status())
                .isEqualTo(200);

        GOOGLE.verify(2, postRequestedFor(urlPathEqualTo(SEND)));
        // the access token is cached: at most one refresh (none if an earlier test fetched it)
        assertThat(GOOGLE.findAll(postRequestedFor(urlPathEqualTo("/token")))).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void aDoubleClickSendsOnce() {
        gmailAccepts(600);
        String body = "{\"subject\": \"Doppelt\", \"body\": \"Zweimal geklickt\"}";

        var first = CompletableFuture.supplyAsync(() -> api.postJson("/send/" + user, body));
        var second = CompletableFuture.supplyAsync(() -> api.postJson("/send/" + user, body));

        assertThat(List.of(first.join().status(), second.join().status())).containsExactlyInAnyOrder(200, 409);
        GOOGLE.verify(1, postRequestedFor(urlPathEqualTo(SEND)));
    }

    @Test
    void aGmailRateLimitIsShownAndNothingIsMarkedSentTheDraftIsKept() {
        GOOGLE.stubFor(post(urlPathEqualTo(SEND))
                .willReturn(aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fakes.googleError(
                                403, "userRateLimitExceeded", "User Rate Limit Exceeded", "PERMISSION_DENIED"))));
        String body = "{\"subject\": \"Später\", \"body\": \"Bitte später\"}";

        Api.Reply reply = api.postJson("/send/" + user, body);

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.json().path("detail").asString()).contains("Sendelimit", "userRateLimitExceeded");
        JsonNode row = rowOf(user);
        assertThat(row.path("sentAt").isNull()).isTrue();
        assertThat(row.path("draftSubject").asString()).isEqualTo("Später");

        // once the limit is over, the same e-mail can go out
        GOOGLE.resetMappings();
        Fakes.googleTokenIssued();
        gmailAccepts(0);
        assertThat(api.postJson("/send/" + user, body).status()).isEqualTo(200);
    }

    @Test
    void aGmail429IsARateLimitToo() {
        GOOGLE.stubFor(post(urlPathEqualTo(SEND))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fakes.googleError(
                                429,
                                "rateLimitExceeded",
                                "User-rate limit exceeded (Mail sending)",
                                "RESOURCE_EXHAUSTED"))));

        Api.Reply reply = api.postJson("/send/" + user, "{\"subject\": \"a\", \"body\": \"b\"}");

        assertThat(reply.status()).isEqualTo(503);
        assertThat(rowOf(user).path("sentAt").isNull()).isTrue();
    }

    @Test
    void anExpiredAccessTokenIsRefreshedWithTheRefreshTokenAndTheSendRetriedOnce() {
        GOOGLE.stubFor(post(urlPathEqualTo(SEND))
                .inScenario("expired")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fakes.googleError(401, "authError", "Invalid Credentials", "UNAUTHENTICATED")))
                .willSetStateTo("fresh"));
        GOOGLE.stubFor(post(urlPathEqualTo(SEND))
                .inScenario("expired")
                .whenScenarioStateIs("fresh")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\": \"a1\", \"threadId\": \"a1\", \"labelIds\": [\"SENT\"]}")));

        Api.Reply reply = api.postJson("/send/" + user, "{\"subject\": \"Token\", \"body\": \"abgelaufen\"}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        GOOGLE.verify(2, postRequestedFor(urlPathEqualTo(SEND)));
        var tokenRequests = GOOGLE.findAll(postRequestedFor(urlPathEqualTo("/token")));
        assertThat(tokenRequests).hasSizeBetween(1, 2); // one refresh for the 401 (plus the first fetch, if not cached)
        assertThat(tokenRequests.get(tokenRequests.size() - 1).getBodyAsString())
                .contains(
                        "grant_type=refresh_token",
                        "refresh_token=1%2F%2Ftest-refresh-token",
                        "client_id=test-client-id.apps");
        assertThat(tokenRequests.get(0).getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
    }

    @Test
    void aRevokedRefreshTokenSaysHowToFixIt() {
        Fakes.googleTokenRevoked();
        // the cached access token (if any) is no longer accepted either
        GOOGLE.stubFor(post(urlPathEqualTo(SEND))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fakes.googleError(401, "authError", "Invalid Credentials", "UNAUTHENTICATED"))));

        Api.Reply reply = api.postJson("/send/" + user, "{\"subject\": \"a\", \"body\": \"b\"}");

        assertThat(reply.status()).isEqualTo(502);
        assertThat(reply.json().path("detail").asString()).contains("invalid_grant", "GMAIL_REFRESH_TOKEN");
        assertThat(rowOf(user).path("sentAt").isNull()).isTrue();
        assertThat(reply.body()).doesNotContain("test-refresh-token", "test-client-secret");
    }

    @Test
    void anAddressOrDomainOnTheSuppressionListGetsNothing() {
        gmailAccepts(0);
        assertThat(api.postJson(
                                "/api/suppressions",
                                "{\"email\": \"joerg@studio-weiss.de\", \"reason\": \"unsubscribed\"}")
                        .status())
                .isIn(200, 201);

        try {
            Api.Reply reply = api.postJson("/send/" + user, "{\"subject\": \"Hallo\", \"body\": \"Text\"}");

            assertThat(reply.status()).isEqualTo(409);
            assertThat(reply.json().path("detail").asString()).contains("Sperrliste", "joerg@studio-weiss.de");
            assertThat(reply.json().path("reason").asString()).isEqualTo("unsubscribed");
            // an address given with the request is checked too, also through its domain
            String domain = "gesperrt-" + System.nanoTime() % 1_000_000 + ".de";
            api.postJson("/api/suppressions", "{\"domain\": \"" + domain + "\"}");
            Api.Reply other = api.postJson(
                    "/send/" + user, "{\"subject\": \"Hallo\", \"body\": \"Text\", \"to\": \"chef@" + domain + "\"}");
            assertThat(other.status()).isEqualTo(409);
            assertThat(other.json().path("reason").asString()).isEqualTo("manual");
            GOOGLE.verify(0, postRequestedFor(urlPathEqualTo(SEND)));
            assertThat(rowOf(user).path("sentAt").isNull()).isTrue();
        } finally {
            api.request("DELETE", "/api/suppressions", "{\"email\": \"joerg@studio-weiss.de\"}");
        }
    }

    @Test
    void badRequestsSendNothing() {
        gmailAccepts(0);
        String noMail = "nomail_" + System.nanoTime() % 1_000_000;
        leads.lead(run, "fitness", noMail, "Ohne Mail", "bio", null);

        Api.Reply missing = api.postJson("/send/" + noMail, "{\"subject\": \"a\", \"body\": \"b\"}");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().path("detail").asString()).contains("keine E-Mail-Adresse");
        assertThat(api.postJson("/send/unknown_user_zz", "{\"subject\": \"a\", \"body\": \"b\"}")
                        .status())
                .isEqualTo(404);
        assertThat(api.postJson("/send/" + user, "{\"subject\": \" \", \"body\": \"b\"}")
                        .status())
                .isEqualTo(400);
        assertThat(api.postJson("/send/" + user, "{\"subject\": \"a\\r\\nBcc: x@y.de\", \"body\": \"b\"}")
                        .status())
                .isEqualTo(400);
        assertThat(api.postJson("/send/" + user, "{\"subject\": \"a\", \"body\": \"b\", \"to\": \"not an address\"}")
                        .status())
                .isEqualTo(400);

        GOOGLE.verify(0, postRequestedFor(urlPathEqualTo(SEND)));
    }

    @Test
    void formFieldsAndAnExplicitRecipientWork() throws Exception {
        gmailAccepts(0);

        Api.Reply reply = api.postForm("/send/" + user, "subject=Form&body=Per+Formular&to=chef%40studio-weiss.de");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        String raw = JSON.readTree(GOOGLE.findAll(postRequestedFor(urlPathEqualTo(SEND)))
                        .get(0)
                        .getBodyAsString())
                .path("raw")
                .asString();
        MimeMessage message = new MimeMessage(
                Session.getInstance(new Properties()),
                new ByteArrayInputStream(Base64.getUrlDecoder().decode(raw)));
        assertThat(message.getHeader("To")[0]).isEqualTo("chef@studio-weiss.de");
    }

    private void gmailAccepts(int delayMillis) {
        GOOGLE.stubFor(
                post(urlPathEqualTo(SEND))
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withFixedDelay(delayMillis)
                                        .withHeader("Content-Type", "application/json; charset=UTF-8")
                                        .withBody(
                                                "{\"id\": \"18f2c3a1b2c3d4e5\", \"threadId\": \"18f2c3a1b2c3d4e5\", \"labelIds\": [\"SENT\"]}")));
    }

    private JsonNode rowOf(String username) {
        for (JsonNode item : api.get("/api/leads?size=500&sort=id,desc").json().path("items")) {
            if (item.path("username").asString().equals(username)) {
                return item;
            }
        }
        throw new AssertionError("no row for " + username);
    }
}
