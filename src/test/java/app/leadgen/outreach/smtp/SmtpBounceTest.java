package app.leadgen.outreach.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.leads.LeadStore;
import app.leadgen.suppressions.Suppressions;
import app.leadgen.testing.Api;
import app.leadgen.testing.IntegrationTest;
import app.leadgen.testing.ScriptedSmtp;
import app.leadgen.testing.TestLeads;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What an SMTP server's refusals do: a 5xx for the recipient is a hard bounce (422, the address on
 * the suppression list, a {@code bounce} event, the contact {@code bounced}); a 4xx leaves the
 * address alone and the mail may be sent again.
 */
class SmtpBounceTest extends IntegrationTest {

    static final ScriptedSmtp SMTP = new ScriptedSmtp();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("leadgen.smtp.host", () -> "127.0.0.1");
        registry.add("leadgen.smtp.port", SMTP::port);
        registry.add("leadgen.smtp.security", () -> "none");
        registry.add("leadgen.smtp.from-email", () -> "agentur@smtp-test.de");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LeadStore store;

    @Autowired
    Suppressions suppressions;

    @Test
    void aPermanentRefusalOfTheRecipientSuppressesTheAddress() {
        String u = Long.toString(System.nanoTime(), 36);
        String email = "bounce-" + u + "@weg.example.de";
        long contact = contact("bounce_" + u, email);

        Api.Reply reply = new Api(port)
                .postJson("/api/contacts/" + contact + "/send", "{\"subject\": \"Hallo\", \"body\": \"Text\"}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(422);
        assertThat(reply.json().path("detail").asString()).contains("dauerhaft abgelehnt", "550", "Sperrliste");
        assertThat(reply.json().path("reason").asString()).isEqualTo("hard_bounce");
        assertThat(suppressions.reasonFor(email)).contains("bounced");
        assertThat(new Api(port)
                        .get("/api/contacts/" + contact)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("bounced");
        assertThat(jdbc.sql("select count(*) from email_events e join tracked_mails m on m.id = e.mail_id"
                                + " where m.recipient = :r and e.event_type = 'bounce'")
                        .param("r", email)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // a second try is refused before any server is asked
        Api.Reply again = new Api(port)
                .postJson("/api/contacts/" + contact + "/send", "{\"subject\": \"Hallo\", \"body\": \"Text\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("reason").asString()).isEqualTo("bounced");
    }

    @Test
    void aTemporaryRefusalIsRetryableAndSuppressesNothing() {
        String u = Long.toString(System.nanoTime(), 36);
        String email = "later-" + u + "@voll.example.de";
        long contact = contact("later_" + u, email);
        int acceptedBefore = SMTP.accepted().size();

        Api.Reply reply = new Api(port)
                .postJson("/api/contacts/" + contact + "/send", "{\"subject\": \"Hallo\", \"body\": \"Text\"}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(502);
        assertThat(reply.json().path("detail").asString()).contains("451", "später erneut");
        assertThat(suppressions.isSuppressed(email)).isFalse();
        assertThat(SMTP.accepted()).hasSize(acceptedBefore);
        // the same mail may be tried again (the send slot was released)
        assertThat(new Api(port)
                        .postJson("/api/contacts/" + contact + "/send", "{\"subject\": \"Hallo\", \"body\": \"Text\"}")
                        .status())
                .isEqualTo(502);
    }

    @Test
    void anAcceptedMailReachesTheServerWithItsHeaders() {
        String u = Long.toString(System.nanoTime(), 36);
        long contact = contact("ok_" + u, "kunde-" + u + "@gut.example.de");

        Api.Reply reply = new Api(port)
                .postJson("/api/contacts/" + contact + "/send", "{\"subject\": \"Hallo\", \"body\": \"Text\"}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        String data = SMTP.accepted().get(SMTP.accepted().size() - 1);
        assertThat(data).contains("List-Unsubscribe: <http://127.0.0.1:" + port + "/u/", "mailto:agentur@smtp-test.de");
    }

    private long contact(String user, String email) {
        TestLeads leads = new TestLeads(jdbc, store);
        leads.lead(leads.run("smtp"), "smtp", user, "Kunde", "bio", email);
        return jdbc.sql("select contact_id from ig_profiles where username = :u")
                .param("u", user)
                .query(Long.class)
                .single();
    }
}
