package app.leadgen.campaigns;

import static app.leadgen.testing.Fakes.OPENAI;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.OpenAiBodies;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * AI steps against a fake LLM in OpenAI's wire format, as Groq speaks it: the seed's prompt with the
 * contact's fields, JSON mode, the answer checked (subject at most 60 characters), a bad answer tried
 * again and, when it stays bad, the message marked failed and never sent.
 */
class CampaignDraftingTest extends CampaignTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aiStepsAreDraftedCheckedRetriedAndNeverSentEmpty() throws Exception {
        String u = unique();
        long good = contact("Bäckerei Gut " + u, "gut@gut-" + u + ".de", "Köln", "bakery", "ok");
        long flaky = contact("Café Wechsel " + u, "w@wechsel-" + u + ".de", "Bonn", "cafe", "ok");
        long broken = contact("Kaputt GmbH " + u, "k@kaputt-" + u + ".de", "Köln", "store", "ok");
        String valid = "{\"subject\": \"%s: mehr Kunden online\", \"body_html\": \"<p>Guten Tag,</p><p>eine"
                + " Website hilft.</p>\", \"benefits\": [\"Mehr Bestellungen\", \"Weniger Anrufe\","
                + " \"Bessere Bewertungen\"]}";
        OPENAI.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(containing("Bäckerei Gut " + u))
                .willReturn(json(OpenAiBodies.completion(String.format(valid, "Gut")))));
        // first answer unusable (no JSON), the second one fine
        OPENAI.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .inScenario("flaky-" + u)
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .withRequestBody(containing("Café Wechsel " + u))
                .willReturn(json(OpenAiBodies.completion("Gern! Hier ist Ihre E-Mail.")))
                .willSetStateTo("second"));
        OPENAI.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .inScenario("flaky-" + u)
                .whenScenarioStateIs("second")
                .withRequestBody(containing("Café Wechsel " + u))
                .willReturn(json(OpenAiBodies.completion(String.format(valid, "Wechsel")))));
        // always a subject far over 60 characters
        OPENAI.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(containing("Kaputt GmbH " + u))
                .willReturn(json(OpenAiBodies.completion(String.format(valid, "x".repeat(70))))));

        long mailbox = mailbox(0, 100, 300);
        var created = api.postJson(
                "/api/campaigns",
                "{\"name\": \"KI " + u + "\", \"audience\": {\"contactIds\": [" + good + ", " + flaky + ", " + broken
                        + "]}, \"mailboxId\": " + mailbox + ", \"steps\": [{\"delayDays\": 0, \"mode\": \"ai\"}],"
                        + " \"provider\": \"groq\", \"model\": \"llama-3.1-8b-instant\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long campaign = created.json().path("id").asLong();
        JsonNode ready = prepared(campaign);
        assertThat(ready.path("counts").path("queued").asLong()).isEqualTo(2);
        assertThat(ready.path("counts").path("failed").asLong()).isEqualTo(1);

        Map<Long, JsonNode> byContact = messages(campaign).stream()
                .collect(Collectors.toMap(m -> m.path("contactId").asLong(), m -> m));
        JsonNode gut = api.get("/api/messages/" + byContact.get(good).path("id").asLong())
                .json();
        assertThat(gut.path("subject").asString()).isEqualTo("Gut: mehr Kunden online");
        assertThat(gut.path("body").asString()).contains("<p>Guten Tag,</p>").contains("<li>Mehr Bestellungen</li>");
        JsonNode kaputt = api.get(
                        "/api/messages/" + byContact.get(broken).path("id").asLong())
                .json();
        assertThat(kaputt.path("status").asString()).isEqualTo("FAILED");
        assertThat(kaputt.path("subject").isNull()).isTrue();
        assertThat(kaputt.path("error").asString()).startsWith("draft_failed");

        List<JsonNode> requests = OPENAI.getAllServeEvents().stream()
                .map(ServeEvent::getRequest)
                .filter(r -> r.getBodyAsString().contains(u))
                .map(r -> {
                    assertThat(r.getHeader("Authorization")).isEqualTo("Bearer gsk-test-groq-key");
                    return JSON.readTree(r.getBodyAsString());
                })
                .toList();
        assertThat(requests).hasSize(1 + 2 + 3); // good once, flaky twice, broken three times
        JsonNode first = requests.stream()
                .filter(r -> r.toString().contains("Bäckerei Gut"))
                .findFirst()
                .orElseThrow();
        assertThat(first.path("model").asString()).isEqualTo("llama-3.1-8b-instant");
        assertThat(first.path("response_format").path("type").asString()).isEqualTo("json_object");
        String user = first.path("messages").get(1).path("content").asString();
        assertThat(user)
                .contains("Business: Bäckerei Gut " + u)
                .contains("Category: bakery")
                .contains("Location: Köln")
                .contains("Return JSON: {\"subject\"");

        api.postJson("/api/campaigns/" + campaign + "/start", "{}");
        assertThat(loop.tick()).isEqualTo(2);
        assertThat(SMTP.waitForIncomingEmail(10_000, 2)).isTrue();
        assertThat(SMTP.getReceivedMessages()).hasSize(2);
        assertThat(messages(campaign).stream().filter(m -> m.path("contactId").asLong() == broken))
                .allSatisfy(m -> assertThat(m.path("status").asString()).isEqualTo("FAILED"));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }
}
