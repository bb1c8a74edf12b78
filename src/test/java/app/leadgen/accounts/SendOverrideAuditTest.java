package app.leadgen.accounts;

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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A member may send to an address of their own; the audit log says so. A viewer sends nothing. */
class SendOverrideAuditTest extends IntegrationTest {

    private static final String SEND = "/gmail/v1/users/me/messages/send";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LeadStore store;

    @Test
    void theToOfAMemberIsKeptAndRecorded() {
        Fakes.googleTokenIssued();
        GOOGLE.stubFor(post(urlPathEqualTo(SEND))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\": \"m1\", \"threadId\": \"t1\", \"labelIds\": [\"SENT\"]}")));
        TestLeads leads = new TestLeads(jdbc, store);
        String username = "audit_send_" + System.nanoTime() % 100_000;
        leads.lead(leads.run("auditsend"), "auditsend", username, "Audit", "", "lead@example.de");

        Accounts.TestUser viewer = Accounts.create(port, "VIEWER");
        Api.Reply refused = new Api(port, viewer.key())
                .postJson(
                        "/send/" + username, "{\"subject\": \"Hallo\", \"body\": \"Text\", \"to\": \"x@example.de\"}");
        assertThat(refused.status()).isEqualTo(403);
        GOOGLE.verify(0, postRequestedFor(urlPathEqualTo(SEND)));

        Accounts.TestUser member = Accounts.create(port, "MEMBER");
        Api.Reply sent = new Api(port, member.key())
                .postJson(
                        "/send/" + username,
                        "{\"subject\": \"Hallo\", \"body\": \"Text\", \"to\": \"chefin@example.de\"}");
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.json().path("to").asString()).isEqualTo("chefin@example.de");

        var audit = new Api(port).get("/api/audit?size=200").json().path("items");
        assertThat(audit.valueStream()
                        .filter(e -> e.path("action").asString().equals("mail.send"))
                        .map(e -> e.path("actor").asString() + " | "
                                + e.path("detail").asString()))
                .contains(member.username() + " (key: tests) | @" + username
                        + " to chefin@example.de (address given with the request), subject: Hallo");
    }
}
