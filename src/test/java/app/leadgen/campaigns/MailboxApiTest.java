package app.leadgen.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/mailboxes}: an SMTP mailbox's password is sealed at rest and never returned, the
 * environment's Gmail account is a mailbox of its own, „Verbindung testen" talks to the server, and a
 * mailbox in use cannot be deleted.
 */
class MailboxApiTest extends CampaignTestBase {

    @Test
    void theListShowsNoPasswordAndTheDatabaseKeepsItSealed() {
        long id = mailbox(360, 10, 300);
        JsonNode box = api.get("/api/mailboxes/" + id).json();
        assertThat(box.path("passwordSet").asBoolean()).isTrue();
        assertThat(box.has("password")).isFalse();
        assertThat(box.path("intervalSeconds").asInt()).isEqualTo(360);
        assertThat(api.get("/api/mailboxes").body()).doesNotContain("geheim");
        String stored = jdbc.sql("select password_sealed from mailboxes where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        assertThat(stored).isNotBlank().doesNotContain("geheim");

        // a PUT without a password keeps the stored one
        var changed = api.request(
                "PUT",
                "/api/mailboxes/" + id,
                "{\"name\": \"Umbenannt\", \"host\": \"127.0.0.1\", \"port\": "
                        + SMTP.getSmtp().getPort()
                        + ", \"security\": \"none\", \"fromEmail\": \"agentur@kampagne-test.de\", \"hourlyCap\": 5}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().path("passwordSet").asBoolean()).isTrue();
        assertThat(changed.json().path("hourlyCap").asInt()).isEqualTo(5);
    }

    @Test
    void theEnvironmentsGmailAccountIsAMailboxWithTheDefaultPacing() {
        List<JsonNode> boxes = new java.util.ArrayList<>();
        api.get("/api/mailboxes").json().forEach(boxes::add);
        JsonNode gmail = boxes.stream()
                .filter(b -> b.path("kind").asString().equals("gmail"))
                .findFirst()
                .orElseThrow();
        assertThat(gmail.path("fromEnv").asBoolean()).isTrue();
        assertThat(gmail.path("dailyCap").asInt()).isEqualTo(300);
        assertThat(gmail.path("hourlyCap").asInt()).isEqualTo(10);
        assertThat(gmail.path("intervalSeconds").asInt()).isEqualTo(360);
        assertThat(boxes.stream().filter(b -> b.path("kind").asString().equals("gmail")))
                .hasSize(1);
        // only SMTP mailboxes are added by hand
        assertThat(api.postJson("/api/mailboxes", "{\"name\": \"G\", \"kind\": \"gmail\"}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void theConnectionTestTalksToTheServer() throws Exception {
        long good = mailbox(0, 10, 300);
        assertThat(api.postJson("/api/mailboxes/" + good + "/test", "{}")
                        .json()
                        .path("ok")
                        .asBoolean())
                .isTrue();
        int closed;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            closed = probe.getLocalPort();
        }
        long bad = mailbox(closed, 0, 10, 300);
        JsonNode answer = api.postJson("/api/mailboxes/" + bad + "/test", "{}").json();
        assertThat(answer.path("ok").asBoolean()).isFalse();
        assertThat(answer.path("kind").asString()).isEqualTo("UNAVAILABLE");
    }

    @Test
    void aMailboxInUseIsNotDeletedAndBadInputIsA400() {
        long id = mailbox(0, 10, 300);
        long c = contact("X", "x@x-" + unique() + ".de", "Köln", "bakery", "ok");
        campaign(id, List.of(c), "");
        assertThat(api.delete("/api/mailboxes/" + id).status()).isEqualTo(409);
        assertThat(api.postJson(
                                "/api/mailboxes",
                                "{\"name\": \"B\", \"host\": \"smtp.example.de\", \"security\": \"plain\","
                                        + " \"fromEmail\": \"a@b.de\"}")
                        .status())
                .isEqualTo(400);
        assertThat(api.postJson(
                                "/api/mailboxes",
                                "{\"name\": \"B\", \"host\": \"smtp.example.de\", \"fromEmail\": \"kein-mail\"}")
                        .status())
                .isEqualTo(400);
        long unused = mailbox(0, 10, 300);
        assertThat(api.delete("/api/mailboxes/" + unused).status()).isEqualTo(204);
    }
}
