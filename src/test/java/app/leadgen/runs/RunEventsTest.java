package app.leadgen.runs;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.Api;
import app.leadgen.testing.Fakes;
import app.leadgen.testing.IntegrationTest;
import app.leadgen.testing.SearchItems;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Live progress is pushed as Server-Sent Events until the run ends. */
class RunEventsTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    @Timeout(120) // a stalled stream must fail the test, not hang the build
    void streamsEveryChangeUntilTheRunEnds() throws Exception {
        String[] owners = IntStream.range(0, 60)
                .mapToObj(i -> "sse" + System.nanoTime() % 10000 + "_" + i)
                .toArray(String[]::new);
        Fakes.searchAnswers(
                SearchItems.create().hashtag("sse", 60, new String[] {}, owners).json());
        Fakes.profileLatency(400); // the fake knows none of them: progress shows as profilesNotFound
        long id = new Api(port).startRun("sse");

        HttpResponse<java.util.stream.Stream<String>> response = HttpClient.newHttpClient()
                .send(
                        app.leadgen.testing.Api.withKey(HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + port + "/api/runs/" + id + "/events")))
                                .header("Accept", "text/event-stream")
                                .timeout(Duration.ofSeconds(90))
                                .build(),
                        HttpResponse.BodyHandlers.ofLines());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        List<JsonNode> events = response.body()
                .filter(line -> line.startsWith("data:"))
                .map(line -> JSON.readTree(line.substring(5)))
                .toList(); // the server ends the stream when the run has finished
        assertThat(events.size()).isGreaterThanOrEqualTo(3);
        assertThat(events.get(0).path("id").asLong()).isEqualTo(id);
        assertThat(events.get(events.size() - 1).path("status").asString()).isEqualTo("COMPLETED");
        assertThat(events.stream()
                        .map(e -> e.path("counts").path("profilesNotFound").asInt())
                        .distinct()
                        .count())
                .as("progress counts are pushed as they change: %s", events)
                .isGreaterThan(2);
        assertThat(new Api(port).get("/api/runs/987654/events").status()).isEqualTo(404);
    }
}
