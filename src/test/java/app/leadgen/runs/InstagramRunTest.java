package app.leadgen.runs;

import static app.leadgen.testing.Fakes.INSTAGRAM;
import static app.leadgen.testing.Fakes.PERPLEXITY;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.Api;
import app.leadgen.testing.Fakes;
import app.leadgen.testing.IntegrationTest;
import app.leadgen.testing.SearchItems;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The whole Instagram flow through the API, against fakes in Apify's and Perplexity's formats. */
class InstagramRunTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void keywordBecomesEnrichedDeduplicatedLeads() {
        Fakes.searchAnswers(SearchItems.create()
                .hashtag("fitness", 1510549, new String[] {"alpha_gym"}, "alpha_gym", "Beta.Studio", null, "ALPHA_GYM")
                .hashtag("fitnessberlin", 3200, new String[] {}, "beta.studio", "gamma_coach")
                .json());
        INSTAGRAM.profile(
                "alpha_gym",
                "Alpha Gym",
                "Training • info@alpha.de",
                "info@alpha.de",
                "+4930111",
                "https://alpha.de",
                5400);
        INSTAGRAM.profile("beta.studio", "Beta Studio", "Yoga", "", "", "https://beta-studio.de", 800);
        // gamma_coach is not returned by the actor (private account)
        PERPLEXITY.answer(
                "beta.studio",
                "```json\n{\"email\": \"hallo@beta-studio.de\", \"phone\": \"N/A\", \"website\": \"https://other.example\"}\n```");
        PERPLEXITY.answer(
                "gamma_coach",
                "Ich habe Folgendes gefunden: {\"email\": \"gamma@coach.de\", \"phone\": \"+49 170 1234567\", \"website\": \"gamma-coach.de\"} Hoffe, das hilft.");

        long id = api.startRun("fitness");
        JsonNode run = api.awaitFinished(id);

        assertThat(run.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(run.path("stage").asString()).isEqualTo("DONE");
        JsonNode counts = run.path("counts");
        assertThat(counts.path("hashtags").asInt()).isEqualTo(2);
        assertThat(counts.path("findings").asInt())
                .isEqualTo(4); // fitness|alpha_gym, fitness|beta.studio, fitnessberlin|beta.studio,
        // fitnessberlin|gamma_coach
        assertThat(counts.path("usernames").asInt()).isEqualTo(3);
        assertThat(counts.path("profilesEnriched").asInt()).isEqualTo(2);
        assertThat(counts.path("profilesNotFound").asInt()).isEqualTo(1);
        assertThat(counts.path("websearchTotal").asInt()).isEqualTo(2);
        assertThat(counts.path("websearchDone").asInt()).isEqualTo(2);

        Map<String, JsonNode> rows = rowsOfRun(id);
        assertThat(rows)
                .containsOnlyKeys(
                        "fitness|alpha_gym",
                        "fitness|beta.studio",
                        "fitnessberlin|beta.studio",
                        "fitnessberlin|gamma_coach");

        JsonNode alpha = rows.get("fitness|alpha_gym");
        assertThat(alpha.path("fullName").asString()).isEqualTo("Alpha Gym");
        assertThat(alpha.path("email").asString()).isEqualTo("info@alpha.de");
        assertThat(alpha.path("emailSource").asString()).isEqualTo("apify:8WEn9FvZnhE7lM3oA");
        assertThat(alpha.path("followers").asLong()).isEqualTo(5400);
        assertThat(alpha.path("keyword").asString()).isEqualTo("fitness");
        assertThat(alpha.path("runId").asLong()).isEqualTo(id);
        assertThat(alpha.path("duplicate").asBoolean()).isFalse();

        JsonNode beta = rows.get("fitnessberlin|beta.studio");
        assertThat(beta.path("duplicate").asBoolean()).isTrue();
        assertThat(beta.path("email").asString()).isEqualTo("hallo@beta-studio.de");
        assertThat(beta.path("emailSource").asString()).isEqualTo("perplexity:sonar");
        // the scraped website is never overwritten by the web search's answer
        assertThat(beta.path("website").asString()).isEqualTo("https://beta-studio.de");
        assertThat(beta.path("websiteSource").asString()).isEqualTo("apify:8WEn9FvZnhE7lM3oA");
        assertThat(beta.path("phone").isNull()).isTrue();

        JsonNode gamma = rows.get("fitnessberlin|gamma_coach");
        assertThat(gamma.path("email").asString()).isEqualTo("gamma@coach.de");
        assertThat(gamma.path("phone").asString()).isEqualTo("+49 170 1234567");
        assertThat(gamma.path("website").asString()).isEqualTo("https://gamma-coach.de");
        assertThat(gamma.path("phoneSource").asString()).isEqualTo("perplexity:sonar");
    }

    @Test
    void eachUsernameIsScrapedOnceAndTheActorsGetTheirInput() {
        Fakes.searchAnswers(SearchItems.create()
                .hashtag("yoga", 10, new String[] {"u1", "u2"}, "u1", "u3", "u4", "u5")
                .hashtag("yogalife", 10, new String[] {"u2"}, "u1", "u5")
                .json());
        for (String u : List.of("u1", "u2", "u3", "u4", "u5")) {
            INSTAGRAM.profile(u, u, "bio", u + "@mail.de", "+49301234" + u.charAt(1), "https://" + u + ".de", 10);
        }
        api.postForm("/session", "sessionId=ig-session-123");

        long id = api.startRun("#yoga");
        JsonNode run = api.awaitFinished(id);

        assertThat(run.path("keyword").asString()).isEqualTo("yoga");
        JsonNode search = searchInput();
        assertThat(search.path("search").asString()).isEqualTo("yoga");
        assertThat(search.path("searchType").asString()).isEqualTo("hashtag");
        assertThat(search.path("SessionID").asString()).isEqualTo("ig-session-123");

        List<String> scraped = new ArrayList<>();
        for (JsonNode input : INSTAGRAM.inputs()) {
            assertThat(input.path("usernames").size()).isBetween(1, 2);
            assertThat(input.path("SessionID").asString()).isEqualTo("ig-session-123");
            assertThat(input.path("instagram_ids").get(0).asString()).startsWith("https://www.instagram.com/");
            input.path("usernames").forEach(u -> scraped.add(u.asString()));
        }
        assertThat(scraped).containsExactlyInAnyOrder("u1", "u2", "u3", "u4", "u5");
        // every profile is complete: no web search at all
        assertThat(PERPLEXITY.requests()).isEmpty();
        assertThat(run.path("counts").path("websearchTotal").asInt()).isZero();
        // the token travels in the Authorization header, never in the URL
        Fakes.APIFY.getAllServeEvents().forEach(e -> assertThat(e.getRequest().getUrl())
                .doesNotContain("token"));
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void secretsNeverReachTheLogs(CapturedOutput output) {
        Fakes.searchAnswers(SearchItems.create()
                .hashtag("secret", 1, new String[] {}, "s_one", "s_two")
                .json());
        INSTAGRAM.failFor("s_one", 500);
        PERPLEXITY.failAll(401);
        api.postJson("/session", "{\"sessionId\": \"ig-secret-session-42\"}");

        JsonNode run = api.awaitFinished(api.startRun("secret"));

        assertThat(run.path("warning").asString()).contains("401");
        assertThat(output.getAll())
                .contains("Perplexity failed") // the failures were logged ...
                .doesNotContain(Fakes.APIFY_TOKEN, "pplx-test-key", "ig-secret-session-42"); // ... without secrets
        assertThat(api.get("/api/runs/" + run.path("id").asLong()).body()).doesNotContain("ig-secret-session-42");
    }

    @Test
    void perplexityGetsTheSpecPromptsVerbatim() {
        Fakes.searchAnswers(SearchItems.create()
                .hashtag("surf", 5, new String[] {}, "surf_school")
                .json());

        api.awaitFinished(api.startRun("surf"));

        assertThat(PERPLEXITY.requests()).hasSize(1);
        JsonNode request = PERPLEXITY.requests().get(0);
        assertThat(request.path("model").asString()).isEqualTo("sonar");
        assertThat(request.path("messages").get(0).path("role").asString()).isEqualTo("system");
        assertThat(request.path("messages").get(0).path("content").asString())
                .isEqualTo("Du bist ein hilfreicher Recherche‑Assistent, finde öffentlich verfügbare Kontaktinfos.");
        assertThat(request.path("messages").get(1).path("content").asString())
                .isEqualTo("Suche nach E-Mail-Adresse, Telefonnummer oder Website des Instagram-Profils\n"
                        + "https://www.instagram.com/surf_school/\n"
                        + "Antworte nur als JSON:\n"
                        + "{ \"email\": \"…\", \"phone\": \"…\", \"website\": \"…\" }");
        Fakes.PERPLEXITY_SERVER.verify(postRequestedFor(urlPathEqualTo("/chat/completions"))
                .withHeader(
                        "Authorization",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer pplx-test-key")));
    }

    private JsonNode searchInput() {
        return Fakes.APIFY.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith(Fakes.SEARCH_PATH))
                .map(e -> JSON.readTree(e.getRequest().getBodyAsString()))
                .findFirst()
                .orElseThrow();
    }

    private Map<String, JsonNode> rowsOfRun(long id) {
        JsonNode page = api.get("/api/leads?runId=" + id + "&size=500").json();
        Map<String, JsonNode> rows = new HashMap<>();
        page.path("items")
                .forEach(item -> rows.put(
                        item.path("hashtag").asString() + "|"
                                + item.path("username").asString(),
                        item));
        assertThat(page.path("total").asInt()).isEqualTo(rows.size());
        return rows;
    }
}
