package app.leadgen.runs;

import static app.leadgen.testing.Fakes.INSTAGRAM;
import static app.leadgen.testing.Fakes.PERPLEXITY;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.Api;
import app.leadgen.testing.Fakes;
import app.leadgen.testing.IntegrationTest;
import app.leadgen.testing.SearchItems;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** No double spend: what was bought within the freshness window is reused; every call is in the ledger. */
class CacheAndLedgerTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void aSecondRunReusesStoredProfilesAndCallsNothingButTheSearch() {
        String p = "cache" + System.nanoTime() % 100_000 + "_";
        Fakes.searchAnswers(SearchItems.create()
                .hashtag("cachetag", 4, new String[] {}, p + "c1", p + "c2", p + "c3", p + "c4")
                .json());
        INSTAGRAM.profile(p + "c1", "C1", "", "c1@x.de", "+4930111111", "https://c1.de", 1);
        INSTAGRAM.profile(p + "c2", "C2", "", "", "+4930222222", "https://c2.de", 2); // no email: web search
        // c3 is not returned by the actor: web search
        INSTAGRAM.profile(p + "c4", "C4", "", "c4@x.de", "+4930444444", "https://c4.de", 4);
        PERPLEXITY.answer(p + "c2", "{\"email\": \"c2@x.de\", \"phone\": \"\", \"website\": \"\"}");
        Api api = new Api(port);

        JsonNode first = api.awaitFinished(api.startRun("cachetag"));

        assertThat(first.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(first.path("cacheHits").asInt()).isZero();
        // ledger: 1 search + 2 profile batches of two; 2 web searches — as the fakes saw them
        assertThat(first.path("calls").path("apify").asInt())
                .isEqualTo(3)
                .isEqualTo(Fakes.APIFY.getAllServeEvents().size());
        assertThat(first.path("calls").path("perplexity").asInt())
                .isEqualTo(2)
                .isEqualTo(PERPLEXITY.requests().size());

        int profileCallsBefore = INSTAGRAM.inputs().size();
        int searchesBefore = PERPLEXITY.requests().size();
        JsonNode second = api.awaitFinished(api.startRun("cachetag"));

        assertThat(second.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(INSTAGRAM.inputs()).hasSize(profileCallsBefore);
        assertThat(PERPLEXITY.requests()).hasSize(searchesBefore);
        assertThat(second.path("calls").path("apify").asInt()).isEqualTo(1);
        assertThat(second.path("calls").path("perplexity").asInt()).isZero();
        assertThat(second.path("counts").path("profilesCached").asInt()).isEqualTo(4);
        // 4 profiles + 1 web search (c3: searched, still nothing) saved; c2 is complete now
        assertThat(second.path("cacheHits").asInt()).isEqualTo(5);

        // the second run's rows reuse the stored profiles
        JsonNode rows = api.get("/api/leads?runId=" + second.path("id").asLong() + "&sort=username,asc")
                .json();
        assertThat(rows.path("total").asInt()).isEqualTo(4);
        assertThat(rows.path("items").get(0).path("email").asString()).isEqualTo("c1@x.de");
        assertThat(rows.path("items").get(1).path("email").asString()).isEqualTo("c2@x.de");
    }
}
