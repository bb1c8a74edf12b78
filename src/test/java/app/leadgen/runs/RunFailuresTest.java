package app.leadgen.runs;

import static app.leadgen.testing.Fakes.APIFY;
import static app.leadgen.testing.Fakes.INSTAGRAM;
import static app.leadgen.testing.Fakes.PERPLEXITY;
import static app.leadgen.testing.Fakes.SEARCH_PATH;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.Api;
import app.leadgen.testing.ApifyBodies;
import app.leadgen.testing.Fakes;
import app.leadgen.testing.IntegrationTest;
import app.leadgen.testing.SearchItems;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** What a run does when the services fail, answer slowly, or answer nonsense. */
class RunFailuresTest extends IntegrationTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void aWrongApifyTokenFailsTheRunWithAMessageThatSaysSoAndIsNotRetried() {
        APIFY.stubFor(post(urlPathEqualTo(SEARCH_PATH)).willReturn(jsonError(401)));

        JsonNode run = api.awaitFinished(api.startRun("fitness"));

        assertThat(run.path("status").asString()).isEqualTo("FAILED");
        assertThat(run.path("error").asString()).contains("Apify", "abgelehnt", "APIFY_TOKEN");
        assertThat(requests(SEARCH_PATH)).hasSize(1);
    }

    @Test
    void rateLimitIsRetriedAfterTheDelayTheServiceAskedFor() {
        APIFY.stubFor(post(urlPathEqualTo(SEARCH_PATH))
                .inScenario("limit")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(jsonError(429).withHeader("Retry-After", "1"))
                .willSetStateTo("open"));
        APIFY.stubFor(post(urlPathEqualTo(SEARCH_PATH))
                .inScenario("limit")
                .whenScenarioStateIs("open")
                .willReturn(search(SearchItems.create()
                        .hashtag("fit", 1, new String[] {}, "anna_limit")
                        .json())));
        INSTAGRAM.profile("anna_limit", "Anna", "bio", "a@anna.de", "+4930111111", "https://anna.de", 1);

        JsonNode run = api.awaitFinished(api.startRun("fit"));

        assertThat(run.path("status").asString()).isEqualTo("COMPLETED");
        List<ServeEvent> calls = requests(SEARCH_PATH);
        assertThat(calls).hasSize(2);
        long gap = calls.get(1).getRequest().getLoggedDate().getTime()
                - calls.get(0).getRequest().getLoggedDate().getTime();
        assertThat(gap).isGreaterThanOrEqualTo(950);
    }

    @Test
    void aSlowAnswerTimesOutAndIsRetried() {
        APIFY.stubFor(post(urlPathEqualTo(SEARCH_PATH))
                .inScenario("slow")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(search("[]").withFixedDelay(4500)) // read timeout in tests: 3 s
                .willSetStateTo("fast"));
        APIFY.stubFor(post(urlPathEqualTo(SEARCH_PATH))
                .inScenario("slow")
                .whenScenarioStateIs("fast")
                .willReturn(search(SearchItems.create()
                        .hashtag("fit", 1, new String[] {}, "anna_slow")
                        .json())));

        JsonNode run = api.awaitFinished(api.startRun("fit"));

        assertThat(run.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(run.path("counts").path("findings").asInt()).isEqualTo(1);
        assertThat(requests(SEARCH_PATH)).hasSize(2);
    }

    @Test
    void aMalformedAnswerFailsTheRunWithoutInventingData() {
        APIFY.stubFor(post(urlPathEqualTo(SEARCH_PATH)).willReturn(search("{\"items\": [")));

        long id = api.startRun("fit");
        JsonNode run = api.awaitFinished(id);

        assertThat(run.path("status").asString()).isEqualTo("FAILED");
        assertThat(run.path("error").asString()).contains("Apify");
        assertThat(api.get("/api/leads?runId=" + id).json().path("total").asInt())
                .isZero();
    }

    @Test
    void oneFailingProfileBatchNeverFailsTheRun() {
        Fakes.searchAnswers(SearchItems.create()
                .hashtag("fit", 1, new String[] {}, "ok1", "ok2", "broken", "ok3")
                .json());
        INSTAGRAM.profile("ok1", "Ok 1", "", "1@ok.de", "+4930100001", "https://ok1.de", 1);
        INSTAGRAM.profile("ok2", "Ok 2", "", "2@ok.de", "+4930100002", "https://ok2.de", 1);
        INSTAGRAM.profile("ok3", "Ok 3", "", "3@ok.de", "+4930100003", "https://ok3.de", 1);
        INSTAGRAM.failFor("broken", 500);

        JsonNode run = api.awaitFinished(api.startRun("fit"));

        assertThat(run.path("status").asString()).isEqualTo("COMPLETED");
        JsonNode counts = run.path("counts");
        // batches of two: [ok1, ok2] and [broken, ok3]; the second fails after every retry
        assertThat(counts.path("profilesEnriched").asInt()).isEqualTo(2);
        assertThat(counts.path("profilesFailed").asInt()).isEqualTo(2);
        long brokenCalls = INSTAGRAM.inputs().stream()
                .filter(i -> i.path("usernames").toString().contains("broken"))
                .count();
        assertThat(brokenCalls).isEqualTo(4); // leadgen.apify.max-attempts
        // the failed ones still get their web search
        assertThat(counts.path("websearchTotal").asInt()).isEqualTo(2);
    }

    @Test
    void anExhaustedApifyAccountFailsTheRunAndSaysWhy() {
        Fakes.searchAnswers(SearchItems.create()
                .hashtag("fit", 1, new String[] {}, "anna_402", "ben_402", "carl_402")
                .json());
        INSTAGRAM.failFor("anna_402", 402);

        JsonNode run = api.awaitFinished(api.startRun("fit"));

        assertThat(run.path("status").asString()).isEqualTo("FAILED");
        assertThat(run.path("error").asString()).contains("Apify", "402");
        assertThat(INSTAGRAM.inputs().stream()
                        .filter(i -> i.path("usernames").toString().contains("anna_402")))
                .hasSize(1);
    }

    @Test
    void inFlightCallsStayWithinTheLimitsMeasuredAtTheFakes() {
        String[] owners = IntStream.range(0, 40).mapToObj(i -> "user" + i).toArray(String[]::new);
        Fakes.searchAnswers(SearchItems.create()
                .hashtag("crowd", 40, new String[] {}, owners)
                .json());
        Fakes.profileLatency(300);
        Fakes.chatLatency(300);
        for (int i = 0; i < 40; i++) {
            // no email: every one of them goes on to the web search
            INSTAGRAM.profile("user" + i, "User " + i, "", "", "+4930" + (100000 + i), "https://u" + i + ".de", i);
        }

        JsonNode run = api.awaitFinished(api.startRun("crowd"));

        assertThat(run.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(run.path("counts").path("websearchDone").asInt()).isEqualTo(40);
        int apify = Fakes.APIFY_METER.maxInFlight(Fakes.PROFILE_PATH);
        int perplexity = Fakes.PERPLEXITY_METER.maxInFlight("/chat/completions");
        // 20 batches of two on 10 lanes, 40 searches on 5 lanes: the limits are reached, never exceeded
        assertThat(apify).isBetween(8, 10);
        assertThat(perplexity).isBetween(4, 5);
    }

    @Test
    void aRejectedPerplexityKeyKeepsTheRunAndWarns() {
        Fakes.searchAnswers(SearchItems.create()
                .hashtag("fit", 1, new String[] {}, "anna_401", "ben_401")
                .json());
        PERPLEXITY.failAll(401);

        JsonNode run = api.awaitFinished(api.startRun("fit"));

        assertThat(run.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(run.path("warning").asString()).contains("Perplexity", "401", "PERPLEXITY_API_KEY");
        // 401 is not retried by the client: at most one call per username, and the stage stops early
        assertThat(PERPLEXITY.requests()).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void perplexityRateLimitIsRetriedAfterItsDelay() {
        Fakes.searchAnswers(SearchItems.create()
                .hashtag("fit", 1, new String[] {}, "anna_pplx")
                .json());
        PERPLEXITY.fail("anna_pplx", 429, "1", 1);
        PERPLEXITY.answer("anna_pplx", "{\"email\": \"anna@yoga.de\", \"phone\": \"\", \"website\": \"\"}");

        long id = api.startRun("fit");
        JsonNode run = api.awaitFinished(id);

        assertThat(run.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(run.path("counts").path("websearchDone").asInt()).isEqualTo(1);
        assertThat(PERPLEXITY.requests()).hasSize(2);
        List<ServeEvent> calls = Fakes.PERPLEXITY_SERVER.getAllServeEvents().stream()
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .toList();
        long gap = calls.get(1).getRequest().getLoggedDate().getTime()
                - calls.get(0).getRequest().getLoggedDate().getTime();
        assertThat(gap).isGreaterThanOrEqualTo(950);
        assertThat(api.get("/api/leads?runId=" + id)
                        .json()
                        .path("items")
                        .get(0)
                        .path("email")
                        .asString())
                .isEqualTo("anna@yoga.de");
    }

    @Test
    void stopFinishesCallsInFlightKeepsResultsAndEndsStopped() {
        String[] owners = IntStream.range(0, 60).mapToObj(i -> "slow" + i).toArray(String[]::new);
        Fakes.searchAnswers(SearchItems.create()
                .hashtag("slow", 60, new String[] {}, owners)
                .json());
        Fakes.profileLatency(1000);
        for (int i = 0; i < 60; i++) {
            INSTAGRAM.profile(
                    "slow" + i, "Slow " + i, "", "s" + i + "@x.de", "+4930" + (200000 + i), "https://s.de", i);
        }
        long id = api.startRun("slow");
        api.awaitRun(id, r -> r.path("counts").path("profilesEnriched").asInt() > 0, Duration.ofSeconds(60));

        JsonNode stopping = api.postJson("/api/runs/" + id + "/stop", "").json();
        assertThat(stopping.path("stopRequested").asBoolean()).isTrue();
        JsonNode run = api.awaitFinished(id);

        assertThat(run.path("status").asString()).isEqualTo("STOPPED");
        int enriched = run.path("counts").path("profilesEnriched").asInt();
        assertThat(enriched).isLessThan(60);
        assertThat(api.get("/api/leads?runId=" + id).json().path("total").asInt())
                .isEqualTo(60);
        assertThat(INSTAGRAM.inputs().size()).isLessThan(30);
    }

    /** The requests the fake received on a path, oldest first (WireMock lists newest first). */
    private static List<ServeEvent> requests(String path) {
        return APIFY.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith(path))
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .toList();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder jsonError(int status) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(ApifyBodies.error(status));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder search(String body) {
        return aResponse()
                .withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }
}
