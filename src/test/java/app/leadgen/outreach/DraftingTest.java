package app.leadgen.outreach;

import static app.leadgen.testing.Fakes.OPENAI;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.leads.LeadStore;
import app.leadgen.testing.Api;
import app.leadgen.testing.IntegrationTest;
import app.leadgen.testing.OpenAiBodies;
import app.leadgen.testing.TestLeads;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /draft/{username}} and the prompt settings, against a fake in OpenAI's format. */
class DraftingTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COMPLETIONS = "/v1/chat/completions";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LeadStore store;

    Api api;
    String user;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        user = "draft_" + System.nanoTime() % 1_000_000;
        TestLeads leads = new TestLeads(jdbc, store);
        leads.lead(
                leads.run("yoga"), "yogaberlin", user, "Anna Müller", "Yoga & Pilates in Kreuzberg 🧘", "anna@yoga.de");
    }

    @Test
    void draftsWithTheSettingsPromptsFilledWithTheLeadsData() {
        answer(
                OpenAiBodies.completion(
                        "{\"subject\": \"Yoga in Kreuzberg – kurze Idee\", \"body\": \"Hallo Frau Müller,\\n\\nIhre Kurse …\"}"));
        api.putJson(
                "/api/settings/prompts",
                "{\"system\": \"Du schreibst kurz.\", \"user\": \"Schreib an @{username} ({fullName}), Bio: {bio}, Hashtag #{hashtag}, Keyword {keyword}. JSON: { \\\"subject\\\": \\\"…\\\" }\"}");
        api.putJson("/api/settings/ai", "{\"model\": \"gpt-4o-mini\"}");

        Api.Reply reply = api.postJson("/draft/" + user, "");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().path("subject").asString()).isEqualTo("Yoga in Kreuzberg – kurze Idee");
        assertThat(reply.json().path("body").asString()).startsWith("Hallo Frau Müller,\n\nIhre Kurse");

        JsonNode request = onlyRequest();
        assertThat(request.path("model").asString()).isEqualTo("gpt-4o-mini");
        assertThat(request.path("messages").get(0).path("content").asString()).isEqualTo("Du schreibst kurz.");
        assertThat(request.path("messages").get(1).path("content").asString())
                .isEqualTo("Schreib an @" + user
                        + " (Anna Müller), Bio: Yoga & Pilates in Kreuzberg 🧘, Hashtag #yogaberlin,"
                        + " Keyword yoga. JSON: { \"subject\": \"…\" }");
        assertThat(request.path("response_format").path("type").asString()).isEqualTo("json_schema");
        assertThat(request.path("response_format")
                        .path("json_schema")
                        .path("schema")
                        .path("required")
                        .toString())
                .contains("subject", "body");
        OPENAI.getAllServeEvents().forEach(e -> assertThat(e.getRequest().getHeader("Authorization"))
                .isEqualTo("Bearer sk-test-openai-key"));

        // the draft is kept with the lead
        JsonNode row =
                api.get("/api/leads?size=500&sort=id,desc").json().path("items").get(0);
        assertThat(row.path("username").asString()).isEqualTo(user);
        assertThat(row.path("draftSubject").asString()).isEqualTo("Yoga in Kreuzberg – kurze Idee");
    }

    @Test
    void aRateLimitIsRetriedAfterItsDelay() {
        OPENAI.stubFor(post(urlPathEqualTo(COMPLETIONS))
                .inScenario("rl")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("retry-after", "1")
                        .withBody(OpenAiBodies.rateLimited()))
                .willSetStateTo("ok"));
        OPENAI.stubFor(post(urlPathEqualTo(COMPLETIONS))
                .inScenario("rl")
                .whenScenarioStateIs("ok")
                .willReturn(json(200, OpenAiBodies.completion("{\"subject\": \"S\", \"body\": \"B\"}"))));

        Api.Reply reply = api.postJson("/draft/" + user, "");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<ServeEvent> calls = calls();
        assertThat(calls).hasSize(2);
        assertThat(calls.get(1).getRequest().getLoggedDate().getTime()
                        - calls.get(0).getRequest().getLoggedDate().getTime())
                .isGreaterThanOrEqualTo(950);
    }

    @Test
    void anEmptyAccountIsNotRetriedAndSaysWhatIsWrong() {
        OPENAI.stubFor(post(urlPathEqualTo(COMPLETIONS)).willReturn(json(429, OpenAiBodies.quotaExceeded())));

        Api.Reply reply = api.postJson("/draft/" + user, "");

        assertThat(reply.status()).isEqualTo(502);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("detail").asString()).contains("Guthaben", "insufficient_quota");
        assertThat(calls()).hasSize(1);
    }

    @Test
    void aWrongKeyIsNotRetried() {
        OPENAI.stubFor(post(urlPathEqualTo(COMPLETIONS)).willReturn(json(401, OpenAiBodies.invalidKey())));

        Api.Reply reply = api.postJson("/draft/" + user, "");

        assertThat(reply.status()).isEqualTo(502);
        assertThat(reply.json().path("detail").asString()).contains("OPENAI_API_KEY");
        assertThat(calls()).hasSize(1);
    }

    @Test
    void anAnswerWithoutSubjectAndBodyIsAClearError() {
        answer(OpenAiBodies.completion("Gerne! Hier ist Ihr Entwurf: Hallo …"));

        Api.Reply reply = api.postJson("/draft/" + user, "");

        assertThat(reply.status()).isEqualTo(502);
        assertThat(reply.json().path("detail").asString()).contains("keinen brauchbaren Betreff");
    }

    @Test
    void unknownUsernameIs404() {
        Api.Reply reply = api.postJson("/draft/nobody_here_xyz", "");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(calls()).isEmpty();
    }

    @Test
    void promptSettingsHaveAGermanDefaultAndRejectTypos() {
        JsonNode prompts = api.get("/api/settings/prompts").json();
        assertThat(prompts.path("system").asString()).isNotBlank();
        assertThat(prompts.path("user").asString()).contains("{username}", "{bio}");

        Api.Reply typo = api.putJson("/api/settings/prompts", "{\"system\": \"x\", \"user\": \"Hallo {fullname}\"}");
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.json().path("detail").asString()).contains("{fullname}", "{fullName}");
        assertThat(api.putJson("/api/settings/prompts", "{\"system\": \" \", \"user\": \"x\"}")
                        .status())
                .isEqualTo(400);
        assertThat(api.putJson("/api/settings/ai", "{\"model\": \"gpt 4; drop\"}")
                        .status())
                .isEqualTo(400);
    }

    private void answer(String body) {
        OPENAI.stubFor(post(urlPathEqualTo(COMPLETIONS)).willReturn(json(200, body)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    private static List<ServeEvent> calls() {
        return OPENAI.getAllServeEvents().stream()
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .toList();
    }

    private static JsonNode onlyRequest() {
        List<ServeEvent> calls = calls();
        assertThat(calls).hasSize(1);
        return JSON.readTree(calls.get(0).getRequest().getBodyAsString());
    }
}
