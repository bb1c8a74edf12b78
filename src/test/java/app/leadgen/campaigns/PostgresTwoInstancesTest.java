package app.leadgen.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.Api;
import app.leadgen.testing.IntegrationTest;
import app.leadgen.testing.SecondInstance;
import app.leadgen.testing.TestPostgres;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * Two instances on one PostgreSQL database send together (issue #12, „Tests and evidence"): this
 * context ticks its send loop in a thread, a second JVM runs the loop's recurring JobRunr job. The
 * mailbox's interval, hourly and daily caps and the recipient domain's gap must hold across both, as
 * GreenMail's receive times and the database's {@code sent_at} show; every recipient gets at most
 * one mail, and everyone of the uncapped campaign exactly one. Gaps are asserted as lower bounds
 * only, never our speed.
 */
@ContextConfiguration(initializers = PostgresTwoInstancesTest.OwnDatabase.class)
@TestPropertySource(
        properties = {
            "jobrunr.background-job-server.enabled=false",
            "leadgen.campaigns.domain-gap-seconds=" + PostgresTwoInstancesTest.DOMAIN_GAP,
            "leadgen.campaigns.send-lease=1m",
            "leadgen.tracking.app-url=https://leads.agentur.test"
        })
class PostgresTwoInstancesTest extends IntegrationTest {

    static final int DOMAIN_GAP = 4;
    static final int INTERVAL = 1;
    static final int HOURLY = 4;
    static final int DAILY = 3;
    static final String EVERY_DAY = ", \"window\": {\"from\": \"00:00\", \"to\": \"23:59\", \"days\": [\"MONDAY\","
            + " \"TUESDAY\", \"WEDNESDAY\", \"THURSDAY\", \"FRIDAY\", \"SATURDAY\", \"SUNDAY\"]}";

    /** A database of its own: no cached context of another class may run a send loop on it. */
    static class OwnDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        static final TestPostgres.Database DB = TestPostgres.fresh();

        @Override
        public void initialize(ConfigurableApplicationContext context) {
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
    void capsIntervalAndDomainGapHoldAcrossBothInstances() throws Exception {
        GreenMail smtp = greenMail();
        TestPostgres.Database db = OwnDatabase.DB;
        Api api = new Api(port);
        String u = Long.toString(System.nanoTime(), 36);
        // the paced campaign: 12 recipients on three domains, in domain order so the gap has to bite
        List<Long> paced = new ArrayList<>();
        for (String domain : List.of("eins", "zwei", "drei")) {
            for (int i = 0; i < 4; i++) {
                paced.add(contact("p" + i + "@" + domain + "-" + u + ".de"));
            }
        }
        List<Long> hourly = new ArrayList<>();
        List<Long> daily = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            hourly.add(contact("h@h" + i + "-" + u + ".de"));
            daily.add(contact("d@d" + i + "-" + u + ".de"));
        }
        long pacedBox = mailbox(api, smtp, "paced", INTERVAL, 1000, 1000);
        long hourlyBox = mailbox(api, smtp, "hourly", 0, HOURLY, 1000);
        long dailyBox = mailbox(api, smtp, "daily", 0, 100, DAILY);
        long pacedCampaign = campaign(api, "paced", pacedBox, paced);
        long hourlyCampaign = campaign(api, "hourly", hourlyBox, hourly);
        long dailyCampaign = campaign(api, "daily", dailyBox, daily);

        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        try (SecondInstance other = SecondInstance.start(Map.of(
                "spring.datasource.url", db.url(),
                "spring.datasource.username", db.username(),
                "spring.datasource.password", db.password(),
                "leadgen.campaigns.loop", "true",
                "leadgen.campaigns.loop-seconds", "5",
                "leadgen.campaigns.domain-gap-seconds", Integer.toString(DOMAIN_GAP)))) {
            // the other instance's job server prepares
            for (long c : List.of(pacedCampaign, hourlyCampaign, dailyCampaign)) {
                api.postJson("/api/campaigns/" + c + "/prepare", "{}");
            }
            for (long c : List.of(pacedCampaign, hourlyCampaign, dailyCampaign)) {
                awaitStatus(api, c, "READY");
                assertThat(api.postJson("/api/campaigns/" + c + "/start", "{}").status())
                        .isEqualTo(200);
            }
            // the other instance's job claims first (so both surely take part), then this one joins in
            long joinBy = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (claims() == 0 && System.nanoTime() < joinBy) {
                Thread.sleep(100);
            }
            assertThat(claims()).as("claims of the other instance").isPositive();
            Thread ticker = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        loop.tick();
                        Thread.sleep(700);
                    } catch (InterruptedException e) {
                        return;
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                }
            });
            ticker.start();
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (System.nanoTime() < deadline
                    && !(status(api, pacedCampaign).equals("COMPLETED")
                            && sent(api, hourlyCampaign) == HOURLY
                            && sent(api, dailyCampaign) == DAILY)) {
                Thread.sleep(200);
            }
            // a little longer, so both loops see the caps reached (the other one ticks every 5 s)
            Thread.sleep(6_000);
            ticker.interrupt();
            ticker.join(30_000);
        }
        assertThat(errors).isEmpty();
        assertThat(status(api, pacedCampaign)).isEqualTo("COMPLETED");

        List<MimeMessage> received = Arrays.asList(smtp.getReceivedMessages());
        Map<String, Long> perRecipient =
                received.stream().collect(Collectors.groupingBy(m -> address(m, true), Collectors.counting()));
        assertThat(perRecipient.values()).allSatisfy(n -> assertThat(n).isEqualTo(1L));
        Map<String, List<Instant>> byMailbox = received.stream()
                .collect(Collectors.groupingBy(
                        m -> address(m, false), Collectors.mapping(m -> receivedAt(m), Collectors.toList())));
        assertThat(byMailbox.get("paced@kampagne-test.de")).hasSize(paced.size());
        assertThat(byMailbox.get("hourly@kampagne-test.de")).hasSize(HOURLY);
        assertThat(byMailbox.get("daily@kampagne-test.de")).hasSize(DAILY);
        assertThat(sent(api, hourlyCampaign)).isEqualTo(HOURLY);
        assertThat(sent(api, dailyCampaign)).isEqualTo(DAILY);
        // GreenMail's times have milliseconds only: one of rounding allowed
        Duration slack = Duration.ofMillis(1);
        assertThat(minGap(byMailbox.get("paced@kampagne-test.de")))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(INTERVAL).minus(slack));
        Map<String, List<Instant>> byDomain = received.stream()
                .collect(Collectors.groupingBy(
                        m -> domain(address(m, true)), Collectors.mapping(m -> receivedAt(m), Collectors.toList())));
        assertThat(byDomain.values().stream().filter(times -> times.size() == 4))
                .hasSize(3)
                .allSatisfy(times -> assertThat(minGap(times))
                        .isGreaterThanOrEqualTo(Duration.ofSeconds(DOMAIN_GAP).minus(slack)));

        // the database says the same, to the microsecond
        record Sent(long mailbox, String domain, Instant at, String by) {}
        List<Sent> rows = jdbc.sql("select mailbox_id, to_domain, sent_at, claimed_by from campaign_messages where"
                        + " sent_at is not null")
                .query((rs, n) -> new Sent(
                        rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4)))
                .list();
        assertThat(rows).hasSize(paced.size() + HOURLY + DAILY);
        assertThat(minGap(rows.stream()
                        .filter(r -> r.mailbox() == pacedBox)
                        .map(Sent::at)
                        .toList()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(INTERVAL));
        rows.stream().collect(Collectors.groupingBy(Sent::domain)).values().stream()
                .filter(group -> group.size() > 1)
                .forEach(group -> assertThat(minGap(group.stream().map(Sent::at).toList()))
                        .isGreaterThanOrEqualTo(Duration.ofSeconds(DOMAIN_GAP)));
        // both instances took part
        assertThat(rows.stream().map(Sent::by).distinct()).hasSize(2);
        smtp.stop();
    }

    private long claims() {
        return jdbc.sql("select count(*) from campaign_messages where claimed_by is not null")
                .query(Long.class)
                .single();
    }

    private long contact(String email) {
        var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into contacts (full_name, email, email_check, status, sources, created_at, updated_at)"
                        + " values (:n, :e, 'ok', 'qualified', 'csv', :now, :now)")
                .param("n", "Kontakt " + email)
                .param("e", email)
                .param("now", Timestamp.from(Instant.now()))
                .update(key, "id");
        return key.getKey().longValue();
    }

    private static long mailbox(Api api, GreenMail smtp, String name, int interval, int hourly, int daily) {
        Api.Reply r = api.postJson(
                "/api/mailboxes",
                "{\"name\": \"" + name + "\", \"host\": \"127.0.0.1\", \"port\": "
                        + smtp.getSmtp().getPort()
                        + ", \"security\": \"none\", \"fromEmail\": \"" + name + "@kampagne-test.de\","
                        + " \"intervalSeconds\": " + interval + ", \"hourlyCap\": " + hourly + ", \"dailyCap\": "
                        + daily + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    private static long campaign(Api api, String name, long mailbox, List<Long> contacts) {
        String ids = contacts.stream().map(String::valueOf).collect(Collectors.joining(", "));
        Api.Reply r = api.postJson(
                "/api/campaigns",
                "{\"name\": \"" + name + "\", \"audience\": {\"contactIds\": [" + ids + "]}, \"mailboxId\": "
                        + mailbox + ", \"steps\": [{\"mode\": \"template\", \"subject\": \"Hallo {fullName}\","
                        + " \"body\": \"<p>Hallo</p>\"}]" + EVERY_DAY + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    private static String status(Api api, long campaign) {
        return api.get("/api/campaigns/" + campaign).json().path("status").asString();
    }

    private static long sent(Api api, long campaign) {
        return api.get("/api/campaigns/" + campaign)
                .json()
                .path("counts")
                .path("sent")
                .asLong();
    }

    private static void awaitStatus(Api api, long campaign, String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (status(api, campaign).equals(status)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("campaign " + campaign + " not " + status);
    }

    /** The smallest gap between two of these times (they need not be sorted). */
    static Duration minGap(List<Instant> times) {
        List<Instant> sorted = times.stream().sorted().toList();
        Duration min = null;
        for (int i = 1; i < sorted.size(); i++) {
            Duration gap = Duration.between(sorted.get(i - 1), sorted.get(i));
            min = min == null || gap.compareTo(min) < 0 ? gap : min;
        }
        assertThat(min).as("at least two times").isNotNull();
        return min;
    }

    private static String address(MimeMessage m, boolean recipient) {
        try {
            return ((InternetAddress) (recipient ? m.getAllRecipients()[0] : m.getFrom()[0])).getAddress();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant receivedAt(MimeMessage m) {
        try {
            return m.getReceivedDate().toInstant();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String domain(String address) {
        return address.substring(address.indexOf('@') + 1);
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
