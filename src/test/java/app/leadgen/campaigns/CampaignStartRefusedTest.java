package app.leadgen.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.Api;
import app.leadgen.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** Without {@code SENDER_POSTAL_ADDRESS} (the imprint every mail must carry) no campaign starts. */
@TestPropertySource(properties = {"leadgen.mail.postal-address=", "leadgen.campaigns.loop=false"})
class CampaignStartRefusedTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void startIsA409ThatNamesTheSetting() {
        Api api = new Api(port);
        long mailbox = api.postJson(
                        "/api/mailboxes",
                        "{\"name\": \"M\", \"host\": \"127.0.0.1\", \"port\": 2525, \"security\": \"none\","
                                + " \"fromEmail\": \"a@agentur.de\"}")
                .json()
                .path("id")
                .asLong();
        Api.Reply created = api.postJson(
                "/api/campaigns",
                "{\"name\": \"Ohne Impressum\", \"audience\": {\"filter\": {\"city\": \"Köln\"}}, \"mailboxId\": "
                        + mailbox + ", \"steps\": [{\"mode\": \"template\", \"subject\": \"Hallo\", \"body\":"
                        + " \"<p>Hallo {fullName}</p>\"}]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Api.Reply start =
                api.postJson("/api/campaigns/" + created.json().path("id").asLong() + "/start", "{}");
        assertThat(start.status()).isEqualTo(409);
        assertThat(start.contentType()).startsWith("application/problem+json");
        assertThat(start.body()).contains("SENDER_POSTAL_ADDRESS");
    }
}
