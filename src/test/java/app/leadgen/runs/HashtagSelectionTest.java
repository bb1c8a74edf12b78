package app.leadgen.runs;

import static app.leadgen.testing.Fakes.INSTAGRAM;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.Api;
import app.leadgen.testing.Fakes;
import app.leadgen.testing.IntegrationTest;
import app.leadgen.testing.SearchItems;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** seed 001: after the crawl the user picks hashtags; only their accounts are enriched. */
class HashtagSelectionTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void theRunWaitsForTheChoiceAndEnrichesOnlyTheChosenHashtags() {
        String p = "sel" + System.nanoTime() % 100_000 + "_";
        Fakes.searchAnswers(SearchItems.create()
                .hashtag("yogaberlin", 5200, new String[] {}, p + "a", p + "b")
                .hashtag("yogamemes", 90000, new String[] {}, p + "c", p + "d", p + "e")
                .json());
        for (String u : List.of("a", "b", "c", "d", "e")) {
            INSTAGRAM.profile(p + u, u, "", u + "@" + p + ".de", "+4930888888", "https://x.de", 1);
        }
        Api api = new Api(port);
        Api.Reply started = api.postJson("/api/runs", "{\"keyword\": \"yoga\", \"selectHashtags\": true}");
        long id = started.json().path("id").asLong();

        JsonNode waiting =
                api.awaitRun(id, r -> r.path("status").asString().equals("AWAITING_SELECTION"), Duration.ofSeconds(60));
        assertThat(waiting.path("hashtags")).hasSize(2);
        JsonNode memes = waiting.path("hashtags").get(0);
        assertThat(memes.path("name").asString()).isEqualTo("yogamemes");
        assertThat(memes.path("posts").asLong()).isEqualTo(90000);
        assertThat(memes.path("newUsernames").asInt()).isEqualTo(3);
        assertThat(INSTAGRAM.inputs()).isEmpty(); // nothing is bought before the choice
        assertThat(api.get("/api/leads?runId=" + id).json().path("total").asInt())
                .isZero();

        assertThat(api.postJson("/api/runs/" + id + "/hashtags", "{\"selected\": []}")
                        .status())
                .isEqualTo(400);
        assertThat(api.postJson("/api/runs/" + id + "/hashtags", "{\"selected\": [\"nope\"]}")
                        .status())
                .isEqualTo(400);
        assertThat(api.postJson("/api/runs/" + id + "/hashtags", "{\"selected\": [\"yogaberlin\"]}")
                        .status())
                .isEqualTo(202);
        JsonNode done = api.awaitFinished(id);

        assertThat(done.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.path("counts").path("findings").asInt()).isEqualTo(2);
        List<String> scraped = new ArrayList<>();
        INSTAGRAM.inputs().forEach(i -> i.path("usernames").forEach(u -> scraped.add(u.asString())));
        assertThat(scraped).containsExactlyInAnyOrder(p + "a", p + "b");
        assertThat(api.get("/api/leads?runId=" + id).json().path("total").asInt())
                .isEqualTo(2);
        assertThat(api.postJson("/api/runs/" + id + "/hashtags", "{\"selected\": [\"yogaberlin\"]}")
                        .status())
                .isEqualTo(409);
    }
}
