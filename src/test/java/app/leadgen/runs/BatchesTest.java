package app.leadgen.runs;

import static app.leadgen.testing.Fakes.INSTAGRAM;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.Api;
import app.leadgen.testing.Fakes;
import app.leadgen.testing.IntegrationTest;
import app.leadgen.testing.SearchItems;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Enrichment in batches with an anti-spam pause, as the settings say (seed 001). */
class BatchesTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @AfterEach
    void restoreDefaults() {
        new Api(port).putJson("/api/settings/runs", "{\"batchSize\": 50, \"batchPauseSeconds\": 0}");
    }

    @Test
    void profilesGoInBatchesWithAPauseBetweenThem() {
        Api api = new Api(port);
        Api.Reply saved = api.putJson("/api/settings/runs", "{\"batchSize\": 4, \"batchPauseSeconds\": 1}");
        assertThat(saved.status()).isEqualTo(200);
        assertThat(api.get("/api/settings/runs").json().path("batchSize").asInt())
                .isEqualTo(4);
        String p = "bat" + System.nanoTime() % 100_000 + "_";
        String[] owners = IntStream.range(0, 10).mapToObj(i -> p + i).toArray(String[]::new);
        Fakes.searchAnswers(SearchItems.create()
                .hashtag("batches", 10, new String[] {}, owners)
                .json());
        for (String u : owners) {
            INSTAGRAM.profile(u, u, "", u + "@x.de", "+4930777777", "https://x.de", 1);
        }

        JsonNode run = api.awaitFinished(api.startRun("batches"));

        assertThat(run.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(run.path("counts").path("batches").asInt()).isEqualTo(3); // 4 + 4 + 2
        assertThat(run.path("counts").path("batch").asInt()).isEqualTo(3);
        // at the fake: three groups of profile calls, a pause of at least a second between groups
        List<Long> times = Fakes.APIFY.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith(Fakes.PROFILE_PATH))
                .map(ServeEvent::getRequest)
                .map(r -> r.getLoggedDate().getTime())
                .sorted(Comparator.naturalOrder())
                .toList();
        assertThat(times).hasSize(5); // actor calls of two usernames: 2 + 2 + 1
        long gaps = IntStream.range(1, times.size())
                .filter(i -> times.get(i) - times.get(i - 1) >= 950)
                .count();
        assertThat(gaps).isEqualTo(2);
    }

    @Test
    void badBatchSettingsAreRefused() {
        Api api = new Api(port);
        assertThat(api.putJson("/api/settings/runs", "{\"batchSize\": 51, \"batchPauseSeconds\": 0}")
                        .status())
                .isEqualTo(400);
        assertThat(api.putJson("/api/settings/runs", "{\"batchSize\": 10, \"batchPauseSeconds\": -1}")
                        .status())
                .isEqualTo(400);
        assertThat(api.putJson("/api/settings/runs", "{\"batchSize\": 0, \"batchPauseSeconds\": 0}")
                        .json()
                        .path("detail")
                        .asString())
                .contains("zwischen 1 und 50");
    }
}
