package app.leadgen.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.Api;
import app.leadgen.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Mailboxes hold credentials: members read them but only admins change them (AccessPolicy). */
class MailboxAccessTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void aMemberReadsMailboxesButChangesNone() {
        Api member = new Api(port, Accounts.create(port, "MEMBER").key());
        assertThat(member.get("/api/mailboxes").status()).isEqualTo(200);
        String body = "{\"name\": \"M\", \"host\": \"127.0.0.1\", \"security\": \"none\", \"fromEmail\": \"a@b.de\"}";
        assertThat(member.postJson("/api/mailboxes", body).status()).isEqualTo(403);
        long id =
                new Api(port).postJson("/api/mailboxes", body).json().path("id").asLong();
        assertThat(member.postJson("/api/mailboxes/" + id + "/test", "{}").status())
                .isEqualTo(403);
        assertThat(member.delete("/api/mailboxes/" + id).status()).isEqualTo(403);
        // campaigns themselves are a member's work
        assertThat(member.get("/api/campaigns").status()).isEqualTo(200);
    }
}
