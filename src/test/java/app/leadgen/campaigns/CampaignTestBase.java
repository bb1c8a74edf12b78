package app.leadgen.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.Api;
import app.leadgen.testing.IntegrationTest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The campaign tests' app: a real SMTP server (GreenMail), a clock they move, and the send loop
 * called by the tests ({@code leadgen.campaigns.loop=false}) instead of every few seconds.
 */
@Import(CampaignTestBase.Clocks.class)
abstract class CampaignTestBase extends IntegrationTest {

    /** Wednesday 9 December 2026, 10:00 in Berlin: inside the default window. */
    static final Instant WEDNESDAY_10 = Instant.parse("2026-12-09T09:00:00Z");

    static final TestClock CLOCK = new TestClock(WEDNESDAY_10);
    static final GreenMail SMTP = start();

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        java.time.Clock campaignTestClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void campaigns(DynamicPropertyRegistry registry) {
        registry.add("leadgen.campaigns.loop", () -> "false");
        registry.add("leadgen.tracking.app-url", () -> "https://leads.agentur.test");
        registry.add("leadgen.campaigns.domain-gap-seconds", () -> "120");
        registry.add("leadgen.groq.api-key", () -> "gsk-test-groq-key");
        registry.add("leadgen.groq.base-url", () -> app.leadgen.testing.Fakes.openAiUrl() + "/v1");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SendLoop loop;

    Api api;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(port);
        CLOCK.set(WEDNESDAY_10.plusSeconds(
                java.util.concurrent.ThreadLocalRandom.current().nextInt(0, 3600)));
        SMTP.purgeEmailFromAllMailboxes();
    }

    /** A campaign a test left sending must not send in the next test's ticks. */
    @org.junit.jupiter.api.AfterEach
    void stopEverything() {
        jdbc.sql("update campaigns set status = 'STOPPED' where status in ('SENDING', 'PAUSED', 'READY')")
                .update();
    }

    static String unique() {
        return Long.toString(System.nanoTime(), 36);
    }

    /** A mailbox on the test SMTP server with this pacing. */
    long mailbox(int smtpPort, int interval, int hourly, int daily) {
        Api.Reply r = api.postJson(
                "/api/mailboxes",
                "{\"name\": \"Test " + unique() + "\", \"kind\": \"smtp\", \"host\": \"127.0.0.1\", \"port\": "
                        + smtpPort
                        + ", \"security\": \"none\", \"fromEmail\": \"agentur@kampagne-test.de\", \"fromName\":"
                        + " \"Agentur Köln\", \"replyTo\": \"antworten@kampagne-test.de\", \"password\": \"geheim\","
                        + " \"intervalSeconds\": " + interval + ", \"hourlyCap\": " + hourly + ", \"dailyCap\": "
                        + daily
                        + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    long mailbox(int interval, int hourly, int daily) {
        return mailbox(SMTP.getSmtp().getPort(), interval, hourly, daily);
    }

    /** A company and its contact in the lead book (written as the book stores them). */
    long contact(String name, String email, String city, String category, String emailCheck) {
        Timestamp now = Timestamp.from(Instant.now());
        var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into companies (name, city, category, website, sources, created_at, updated_at)"
                        + " values (:n, :city, :cat, :web, 'places', :now, :now)")
                .param("n", name)
                .param("city", city)
                .param("cat", category)
                .param("web", "https://" + email.substring(email.indexOf('@') + 1))
                .param("now", now)
                .update(key, "id");
        long company = key.getKey().longValue();
        var contactKey = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into contacts (company_id, full_name, email, email_check, status, sources, created_at,"
                        + " updated_at) values (:co, :n, :e, :check, 'qualified', 'places', :now, :now)")
                .param("co", company)
                .param("n", name)
                .param("e", email)
                .param("check", emailCheck)
                .param("now", now)
                .update(contactKey, "id");
        return contactKey.getKey().longValue();
    }

    /** Creates a template campaign for these contacts; returns its id. */
    long campaign(long mailbox, List<Long> contacts, String extra) {
        String ids = contacts.stream()
                .map(String::valueOf)
                .reduce((a, b) -> a + ", " + b)
                .orElse("");
        Api.Reply r = api.postJson(
                "/api/campaigns",
                "{\"name\": \"Bäckereien " + unique() + "\", \"audience\": {\"contactIds\": [" + ids + "]},"
                        + " \"mailboxId\": " + mailbox + ", \"steps\": [{\"delayDays\": 0, \"mode\": \"template\","
                        + " \"subject\": \"Eine Idee für {companyName}\", \"body\": \"<p>Hallo {fullName},</p><p>wie"
                        + " wäre es mit einer Website für {city}? <a href=\\\"https://agentur.de/angebot\\\">Unser"
                        + " Angebot</a></p>\"}]" + extra + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    /** Prepares (the JobRunr job) and waits until it is READY. */
    JsonNode prepared(long campaign) throws InterruptedException {
        Api.Reply r = api.postJson("/api/campaigns/" + campaign + "/prepare", "{}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        for (int i = 0; i < 300; i++) {
            JsonNode c = api.get("/api/campaigns/" + campaign).json();
            if (!c.path("status").asString().equals("PREPARING")) {
                assertThat(c.path("status").asString()).isEqualTo("READY");
                return c;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("campaign " + campaign + " still PREPARING");
    }

    JsonNode started(long campaign) throws InterruptedException {
        prepared(campaign);
        Api.Reply r = api.postJson("/api/campaigns/" + campaign + "/start", "{}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    JsonNode counts(long campaign) {
        return api.get("/api/campaigns/" + campaign).json().path("counts");
    }

    List<JsonNode> messages(long campaign) {
        JsonNode items = api.get("/api/campaigns/" + campaign + "/messages?size=500")
                .json()
                .path("items");
        List<JsonNode> list = new java.util.ArrayList<>();
        items.forEach(list::add);
        return list;
    }

    private static GreenMail start() {
        int free;
        try (ServerSocket probe = new ServerSocket(0)) {
            free = probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GreenMail server = new GreenMail(new ServerSetup(free, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }
}
