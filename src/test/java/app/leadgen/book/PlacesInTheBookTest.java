package app.leadgen.book;

import static app.leadgen.testing.Fakes.GOOGLE;
import static app.leadgen.testing.Fakes.OPENAI;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.Api;
import app.leadgen.testing.Fakes;
import app.leadgen.testing.IntegrationTest;
import app.leadgen.testing.OpenAiBodies;
import app.leadgen.testing.PlacesScenario;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Places run fills the lead book: every place a company (phone in E.164), the mailbox found on
 * its site a contact of it, an address whose domain takes no mail kept with {@code no_domain}; and
 * a place's contact can be drafted and sent to like any other, exactly once.
 */
class PlacesInTheBookTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void placesBecomeCompaniesWithTheirMailboxesAndAPlaceContactIsDraftedAndSentOnce() throws Exception {
        Api api = new Api(port);
        jdbc.sql("update target_locations set active = false where active").update();
        PlacesScenario town = new PlacesScenario().install();
        // the café's site exists here, and its Impressum names an address at a domain without mail host
        Fakes.WEB
                .page(town.cafeHost, "/", "<html><body><a href=\"/impressum\">Impressum</a></body></html>")
                .page(town.cafeHost, "/impressum", "<html><body>Mail: kontakt@" + town.cafeHost + "</body></html>");
        long location = town.insertLocation(jdbc, "bakery,florist", true);
        Api.Reply started = api.postJson("/api/runs", "{\"source\": \"places\", \"locationIds\": [" + location + "]}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode run = api.awaitFinished(started.json().path("id").asLong());
        assertThat(run.path("status").asString()).isEqualTo("COMPLETED");

        Map<String, JsonNode> leads = new HashMap<>();
        api.get("/api/leads?source=places&runId=" + run.path("id").asLong() + "&size=100")
                .json()
                .path("items")
                .forEach(i -> leads.put(i.path("placeId").asString(), i));
        JsonNode bakeryLead = leads.get(town.id("bakery"));
        assertThat(bakeryLead.path("companyId").asLong()).isPositive();
        assertThat(bakeryLead.path("contactId").asLong()).isPositive();
        assertThat(leads.get(town.id("florist")).path("companyId").asLong()).isPositive();
        assertThat(leads.get(town.id("florist")).path("contactId").isNull())
                .as("no mailbox, no contact")
                .isTrue();

        JsonNode bakery = api.get(
                        "/api/companies/" + bakeryLead.path("companyId").asLong())
                .json();
        assertThat(bakery.path("company").path("placeId").asString()).isEqualTo(town.id("bakery"));
        assertThat(bakery.path("company").path("phone").asString()).isEqualTo("+49301234567");
        assertThat(bakery.path("company").path("domain").asString()).isEqualTo(town.bakeryHost);
        assertThat(bakery.path("company").path("sources").toString()).contains("places");
        JsonNode mailbox = bakery.path("contacts").get(0);
        assertThat(mailbox.path("email").asString()).isEqualTo("backstube@" + town.bakeryHost);
        assertThat(mailbox.path("emailCheck").asString()).isEqualTo("ok");
        assertThat(mailbox.path("status").asString()).isIn("qualified", "disqualified");
        JsonNode contact =
                api.get("/api/contacts/" + mailbox.path("id").asLong()).json();
        assertThat(contact.path("provenance").path("email").path("source").asString())
                .isEqualTo("website:http://" + town.bakeryHost + "/impressum");
        assertThat(contact.path("findings").get(0).path("source").asString()).isEqualTo("places");
        assertThat(contact.path("companyName").asString()).isEqualTo("Bäckerei Korn <b>");

        // kept and shown, never written to
        JsonNode cafe = api.get("/api/contacts?q=kontakt@" + town.cafeHost)
                .json()
                .path("items")
                .get(0);
        assertThat(cafe.path("emailCheck").asString()).isEqualTo("no_domain");
        assertThat(leads.get(town.id("cafe")).path("emailCheck").asString()).isEqualTo("no_domain");
        assertThat(leads.get(town.id("cafe")).path("status").asString()).isNotEqualTo("qualified");
        Api.Reply refused = api.postJson(
                "/api/contacts/" + cafe.path("id").asLong() + "/send", "{\"subject\": \"S\", \"body\": \"B\"}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("detail").asString()).contains("nimmt keine E-Mails an");

        // drafting a place's contact: the place's fields are placeholders of the prompts (the shipped
        // prompts come back afterwards: other tests of this shared context read them)
        JsonNode shipped = api.get("/api/settings/prompts").json();
        try {
            draftAndSend(api, town, mailbox);
        } finally {
            api.putJson("/api/settings/prompts", shipped.toString());
        }
    }

    private void draftAndSend(Api api, PlacesScenario town, JsonNode mailbox) throws Exception {
        api.putJson(
                "/api/settings/prompts",
                "{\"system\": \"Du schreibst kurz.\", \"user\": \"Schreib an {companyName} ({category}) in {city},"
                        + " {rating} Sterne bei {reviewCount} Bewertungen, {webPresence}. Antworte als JSON.\"}");
        OPENAI.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(equalToJson(
                        "{\"messages\": [{}, {\"content\": \"Schreib an Bäckerei Korn <b> (bakery) in " + town.city
                                + ", 4.6 Sterne bei 312 Bewertungen, Website: http://" + town.bakeryHost
                                + "/. Antworte als JSON.\"}]}",
                        true,
                        true))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(OpenAiBodies.completion(
                                "{\"subject\": \"Idee für die Bäckerei Korn\", \"body\": \"Guten Tag, …\"}"))));
        long id = mailbox.path("id").asLong();
        Api.Reply draft = api.postJson("/api/contacts/" + id + "/draft", "");
        assertThat(draft.status()).as(draft.body()).isEqualTo(200);
        assertThat(draft.json().path("subject").asString()).isEqualTo("Idee für die Bäckerei Korn");

        GOOGLE.stubFor(post(urlPathEqualTo("/gmail/v1/users/me/messages/send"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json; charset=UTF-8")
                        .withBody("{\"id\": \"18f2c3a1b2c3d4e5\", \"threadId\": \"18f2c3a1b2c3d4e5\"}")));
        String mail = "{\"subject\": \"Idee für die Bäckerei Korn\", \"body\": \"Guten Tag, …\"}";
        Api.Reply sent = api.postJson("/api/contacts/" + id + "/send", mail);
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.json().path("to").asString()).isEqualTo("backstube@" + town.bakeryHost);
        Api.Reply twice = api.postJson("/api/contacts/" + id + "/send", mail);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().path("detail").asString()).contains("bereits gesendet");
        var sends = GOOGLE.findAll(postRequestedFor(urlPathEqualTo("/gmail/v1/users/me/messages/send")));
        String raw = new String(
                Base64.getUrlDecoder()
                        .decode(JSON.readTree(sends.get(sends.size() - 1).getBodyAsString())
                                .path("raw")
                                .asString()),
                StandardCharsets.UTF_8);
        assertThat(raw).contains("To: backstube@" + town.bakeryHost);
        assertThat(api.get("/api/contacts/" + id).json().path("status").asString())
                .isEqualTo("email_sent");
    }
}
