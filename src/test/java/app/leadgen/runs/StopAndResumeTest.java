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
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A stopped run can be resumed and does only what is left: no username is scraped twice. */
class StopAndResumeTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void resumeFinishesWhatWasLeftWithoutScrapingAnyoneTwice() {
        String p = "res" + System.nanoTime() % 100_000 + "_";
        String[] owners = IntStream.range(0, 160).mapToObj(i -> p + i).toArray(String[]::new);
        Fakes.searchAnswers(SearchItems.create()
                .hashtag("resume", 160, new String[] {}, owners)
                .json());
        Fakes.profileLatency(700);
        for (String u : owners) {
            INSTAGRAM.profile(u, u, "", u + "@x.de", "+4930555555", "https://" + u + ".de", 1);
        }
        Api api = new Api(port);
        long id = api.startRun("resume");
        api.awaitRun(id, r -> r.path("counts").path("profilesEnriched").asInt() > 0, Duration.ofSeconds(60));
        api.postJson("/api/runs/" + id + "/stop", "");
        JsonNode stopped = api.awaitFinished(id);
        assertThat(stopped.path("status").asString()).isEqualTo("STOPPED");
        int before = stopped.path("counts").path("profilesEnriched").asInt();
        assertThat(before).isLessThan(160);

        assertThat(api.postJson("/api/runs/" + id + "/resume", "").status()).isEqualTo(202);
        JsonNode resumed =
                api.awaitRun(id, r -> r.path("status").asString().equals("COMPLETED"), Duration.ofSeconds(90));

        assertThat(resumed.path("counts").path("profilesCached").asInt()).isEqualTo(before);
        assertThat(resumed.path("counts").path("profilesEnriched").asInt()).isEqualTo(160 - before);
        List<String> scraped = new ArrayList<>();
        INSTAGRAM.inputs().forEach(i -> i.path("usernames").forEach(u -> scraped.add(u.asString())));
        assertThat(scraped).hasSize(160).doesNotHaveDuplicates();
        // the search ran once: the resumed run kept its findings
        assertThat(resumed.path("calls").path("apify").asInt()).isEqualTo(1 + 80);
        assertThat(api.get("/api/leads?runId=" + id).json().path("total").asInt())
                .isEqualTo(160);
    }

    @Test
    void onlyStoppedOrFailedRunsCanBeResumedAndEmergencyStopAllStopsEverything() {
        Fakes.searchAnswers(SearchItems.create()
                .hashtag("busy", 2, new String[] {}, "busy_a" + System.nanoTime() % 10000)
                .json());
        Fakes.profileLatency(3000);
        Api api = new Api(port);
        long id = api.startRun("busy");

        Api.Reply early = api.postJson("/api/runs/" + id + "/resume", "");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().path("detail").asString()).contains("kann nicht fortgesetzt werden");

        JsonNode all = api.postJson("/api/runs/emergency-stop", "").json();
        assertThat(all.path("stopped").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(api.awaitFinished(id).path("status").asString()).isEqualTo("STOPPED");
        assertThat(api.postJson("/api/runs/424242/emergency-stop", "").status()).isEqualTo(404);
    }
}
