package app.leadgen.runs;

import static app.leadgen.testing.Fakes.INSTAGRAM;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.Api;
import app.leadgen.testing.Fakes;
import app.leadgen.testing.HangingServer;
import app.leadgen.testing.LocalWebsites;
import app.leadgen.testing.SearchItems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * NOTFALL STOPP while Perplexity answers are pending: the web search calls are aborted (the server
 * sees the connections close) and the run is STOPPED within two seconds, although Perplexity would
 * keep us waiting for a minute.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(LocalWebsites.class)
class WebsearchEmergencyStopTest {

    private static final Duration PROMISED = Duration.ofSeconds(2);
    private static final HangingServer PERPLEXITY = start();

    @DynamicPropertySource
    static void fakes(DynamicPropertyRegistry registry) {
        registry.add("leadgen.apify.base-url", Fakes::apifyUrl);
        registry.add("leadgen.perplexity.base-url", PERPLEXITY::baseUrl);
        registry.add("leadgen.perplexity.timeout", () -> "60s");
        registry.add("leadgen.perplexity.max-retries", () -> "0");
    }

    @LocalServerPort
    int port;

    @BeforeEach
    void resetFakes() {
        Fakes.reset();
    }

    @AfterAll
    static void close() throws IOException {
        PERPLEXITY.close();
    }

    @Test
    void pendingWebSearchesAreAbortedAndTheRunStopsWithinTwoSeconds() {
        String u = Long.toString(System.nanoTime(), 36);
        Fakes.searchAnswers(SearchItems.create()
                .hashtag("hangsearch", 3, new String[] {}, "ws1_" + u, "ws2_" + u, "ws3_" + u)
                .json());
        for (int i = 1; i <= 3; i++) {
            // no e-mail, no phone: every one of them goes on to the web search
            INSTAGRAM.profile("ws" + i + "_" + u, "WS " + i, "", "", "", "", 10);
        }
        Api api = new Api(port);
        long id = api.startRun("hangsearch");
        assertThat(HangingServer.await(PERPLEXITY::connections, 3, Duration.ofSeconds(60)))
                .as("three web searches waiting for Perplexity")
                .isTrue();
        int closedBefore = PERPLEXITY.closedByClient();

        Instant pressed = Instant.now();
        api.postJson("/api/runs/" + id + "/emergency-stop", "");
        JsonNode run = api.awaitRun(id, r -> r.path("finishedAt").isString(), Duration.ofSeconds(10));
        Duration took = Duration.between(pressed, Instant.now());
        boolean closed = HangingServer.await(PERPLEXITY::closedByClient, closedBefore + 3, PROMISED);
        Duration closedAfter = Duration.between(pressed, Instant.now());

        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("STOPPED");
        assertThat(took).isLessThan(PROMISED);
        assertThat(closed).as("Perplexity connections closed by the app").isTrue();
        assertThat(closedAfter).isLessThan(PROMISED);
        // aborted is neither done nor failed; the profiles stored before stay
        assertThat(run.path("counts").path("websearchFailed").asInt()).isZero();
        assertThat(run.path("counts").path("profilesEnriched").asInt()).isEqualTo(3);
        System.out.println("emergency stop during web search: STOPPED " + took.toMillis() + " ms, connections closed "
                + closedAfter.toMillis() + " ms after the request");
    }

    private static HangingServer start() {
        try {
            return new HangingServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
