package app.leadgen.runs;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.Api;
import app.leadgen.testing.HangingApify;
import app.leadgen.testing.SearchItems;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The emergency stop cancels the calls in flight: the fake sees its connections closed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EmergencyStopTest {

    private static final HangingApify APIFY = start();

    @DynamicPropertySource
    static void hangingApify(DynamicPropertyRegistry registry) {
        registry.add("leadgen.apify.base-url", APIFY::baseUrl);
        registry.add("leadgen.apify.read-timeout", () -> "60s");
    }

    @LocalServerPort
    int port;

    @AfterAll
    static void stop() throws IOException {
        APIFY.close();
    }

    @Test
    void cancelsCallsInFlightEndsStoppedAndKeepsTheFindings() {
        Api api = new Api(port);
        long id = api.startRun("hang");
        Instant deadline = Instant.now().plusSeconds(60);
        while (APIFY.profileCallsOpen() < 3 && Instant.now().isBefore(deadline)) {
            Api.sleep(50);
        }
        assertThat(APIFY.profileCallsOpen()).as("profile calls in flight").isEqualTo(3);

        Instant pressed = Instant.now();
        JsonNode stopping =
                api.postJson("/api/runs/" + id + "/emergency-stop", "").json();
        assertThat(stopping.path("stopRequested").asBoolean()).isTrue();
        JsonNode run = api.awaitRun(id, r -> r.path("finishedAt").isString(), Duration.ofSeconds(10));
        Duration took = Duration.between(pressed, Instant.now());

        assertThat(run.path("status").asString()).isEqualTo("STOPPED");
        // the fake never answers and the read timeout is 60 s: only a cancellation ends the calls this early
        assertThat(took).isLessThan(Duration.ofSeconds(10));
        Instant closeDeadline = Instant.now().plusSeconds(10);
        while (APIFY.profileCallsClosedByClient() < 3 && Instant.now().isBefore(closeDeadline)) {
            Api.sleep(50);
        }
        assertThat(APIFY.profileCallsClosedByClient())
                .as("connections closed by the app")
                .isEqualTo(3);
        assertThat(run.path("counts").path("profilesFailed").asInt()).isZero(); // cancelled is not failed
        assertThat(api.get("/api/leads?runId=" + id).json().path("total").asInt())
                .isEqualTo(6);
        System.out.println("emergency stop: STOPPED " + took.toMillis() + " ms after the request");
    }

    private static HangingApify start() {
        try {
            String[] owners = IntStream.range(0, 6).mapToObj(i -> "hang" + i).toArray(String[]::new);
            return new HangingApify(SearchItems.create()
                    .hashtag("hang", 6, new String[] {}, owners)
                    .json());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
