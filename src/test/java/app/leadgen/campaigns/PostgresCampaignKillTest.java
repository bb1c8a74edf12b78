package app.leadgen.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.Api;
import app.leadgen.testing.IntegrationTest;
import app.leadgen.testing.SecondInstance;
import app.leadgen.testing.TestPostgres;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code kill -9} of the process that sends a campaign: a second JVM on the same PostgreSQL database
 * sends through its JobRunr send loop and is killed after a few mails; this instance (no job server
 * of its own) then runs the loop and finishes the campaign. Every recipient got at most one mail,
 * and all but at most the one in flight (then {@code UNKNOWN}) got theirs.
 */
@ContextConfiguration(initializers = PostgresCampaignKillTest.OwnDatabase.class)
@TestPropertySource(
        properties = {
            "jobrunr.background-job-server.enabled=false",
            "leadgen.campaigns.send-lease=5s",
            "leadgen.tracking.app-url=https://leads.agentur.test"
        })
class PostgresCampaignKillTest extends IntegrationTest {

    static final int CONTACTS = 12;

    /**
     * Its own database: the contexts other classes left cached share the common test database and run
     * job servers with frozen test clocks, which would take the send loop's recurring job from the
     * second process (and send one mail per frozen interval).
     */
    static class OwnDatabase
            implements org.springframework.context.ApplicationContextInitializer<
                    org.springframework.context.ConfigurableApplicationContext> {

        static final TestPostgres.Database DB = TestPostgres.fresh();

        @Override
        public void initialize(org.springframework.context.ConfigurableApplicationContext context) {
            DB.useIn(context);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SendLoop loop;

    @Test
    void afterAKillEveryRecipientGetsAtMostOneMailAndAllButTheOneInFlightGetTheirs() throws Exception {
        GreenMail smtp = greenMail();
        TestPostgres.Database db = OwnDatabase.DB;
        try (SecondInstance other = SecondInstance.start(Map.of(
                "spring.datasource.url", db.url(),
                "spring.datasource.username", db.username(),
                "spring.datasource.password", db.password(),
                "leadgen.campaigns.loop", "true",
                "leadgen.campaigns.loop-seconds", "5"))) {
            String u = Long.toString(System.nanoTime(), 36);
            List<Long> contacts = new ArrayList<>();
            Timestamp now = Timestamp.from(Instant.now());
            for (int i = 0; i < CONTACTS; i++) {
                var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
                jdbc.sql("insert into contacts (full_name, email, email_check, status, sources, created_at, updated_at)"
                                + " values (:n, :e, 'ok', 'qualified', 'csv', :now, :now)")
                        .param("n", "Kontakt " + i)
                        .param("e", "k" + i + "@kill" + i + "-" + u + ".de")
                        .param("now", now)
                        .update(key, "id");
                contacts.add(key.getKey().longValue());
            }
            Api api = new Api(port);
            long mailbox = api.postJson(
                            "/api/mailboxes",
                            "{\"name\": \"Kill " + u + "\", \"host\": \"127.0.0.1\", \"port\": "
                                    + smtp.getSmtp().getPort() + ", \"security\": \"none\", \"fromEmail\":"
                                    + " \"agentur@kampagne-test.de\", \"intervalSeconds\": 1, \"hourlyCap\": 1000,"
                                    + " \"dailyCap\": 1000}")
                    .json()
                    .path("id")
                    .asLong();
            String ids = contacts.stream().map(String::valueOf).collect(Collectors.joining(", "));
            long campaign = api.postJson(
                            "/api/campaigns",
                            "{\"name\": \"Kill " + u + "\", \"audience\": {\"contactIds\": [" + ids + "]},"
                                    + " \"mailboxId\": " + mailbox + ", \"steps\": [{\"mode\": \"template\","
                                    + " \"subject\": \"Hallo {fullName}\", \"body\": \"<p>Hallo</p>\"}], \"window\":"
                                    + " {\"from\": \"00:00\", \"to\": \"23:59\", \"days\": [\"MONDAY\", \"TUESDAY\","
                                    + " \"WEDNESDAY\", \"THURSDAY\", \"FRIDAY\", \"SATURDAY\", \"SUNDAY\"]}}")
                    .json()
                    .path("id")
                    .asLong();
            // the other instance's job server prepares and sends
            api.postJson("/api/campaigns/" + campaign + "/prepare", "{}");
            awaitStatus(api, campaign, "READY", Duration.ofMinutes(2));
            assertThat(api.postJson("/api/campaigns/" + campaign + "/start", "{}")
                            .status())
                    .isEqualTo(200);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (smtp.getReceivedMessages().length < 3 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(smtp.getReceivedMessages().length).isGreaterThanOrEqualTo(3);
            other.kill();
            int beforeKill = smtp.getReceivedMessages().length;
            assertThat(beforeKill).isLessThan(CONTACTS);
        }
        // this instance carries on (after the lease, a message left SENDING is UNKNOWN)
        Api api = new Api(port);
        long campaign =
                jdbc.sql("select max(id) from campaigns").query(Long.class).single();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            loop.tick();
            String status =
                    api.get("/api/campaigns/" + campaign).json().path("status").asString();
            if (status.equals("COMPLETED")) {
                break;
            }
            Thread.sleep(1100);
        }
        JsonNode c = api.get("/api/campaigns/" + campaign).json();
        assertThat(c.path("status").asString()).isEqualTo("COMPLETED");
        Map<String, Long> perRecipient = Arrays.stream(smtp.getReceivedMessages())
                .collect(Collectors.groupingBy(PostgresCampaignKillTest::recipient, Collectors.counting()));
        assertThat(perRecipient.values()).allSatisfy(n -> assertThat(n).isEqualTo(1L));
        assertThat(perRecipient).hasSizeGreaterThanOrEqualTo(CONTACTS - 1);
        long unknown = c.path("counts").path("unknown").asLong();
        assertThat(unknown).isLessThanOrEqualTo(1);
        assertThat(c.path("counts").path("sent").asLong() + unknown).isEqualTo(CONTACTS);
        smtp.stop();
    }

    private static void awaitStatus(Api api, long campaign, String status, Duration max) throws Exception {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            if (api.get("/api/campaigns/" + campaign)
                    .json()
                    .path("status")
                    .asString()
                    .equals(status)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("campaign " + campaign + " not " + status);
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GreenMail greenMail() throws Exception {
        int free;
        try (ServerSocket probe = new ServerSocket(0)) {
            free = probe.getLocalPort();
        }
        GreenMail server = new GreenMail(new ServerSetup(free, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }
}
