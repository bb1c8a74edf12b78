package app.leadgen.runs;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.Api;
import app.leadgen.testing.Fakes;
import app.leadgen.testing.HangingApify;
import app.leadgen.testing.HangingPlaces;
import app.leadgen.testing.LocalWeb;
import app.leadgen.testing.LocalWebsites;
import app.leadgen.testing.PlacesBodies;
import app.leadgen.testing.PlacesScenario;
import app.leadgen.testing.SearchItems;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The emergency stop cancels the calls in flight — Apify for Instagram runs, the Places Text Search
 * and the website reads for Places runs: the fakes see their connections closed, the run is STOPPED
 * within two seconds, and what was stored before stays. A normal stop lets calls in flight finish.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(LocalWebsites.class)
class EmergencyStopTest {

    /** The issue's promise: STOPPED within two seconds of the emergency stop. */
    private static final Duration PROMISED = Duration.ofSeconds(2);

    private static final HangingApify APIFY = start();
    private static final HangingPlaces PLACES = startPlaces();

    @DynamicPropertySource
    static void hangingFakes(DynamicPropertyRegistry registry) {
        registry.add("leadgen.apify.base-url", APIFY::baseUrl);
        registry.add("leadgen.apify.read-timeout", () -> "60s");
        registry.add("leadgen.places.base-url", PLACES::baseUrl);
        registry.add("leadgen.places.read-timeout", () -> "60s");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void stop() throws IOException {
        APIFY.close();
        PLACES.close();
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

    @Test
    void placesSearchInFlightIsAbortedAndThePlacesFoundBeforeStay() {
        String u = Long.toString(System.nanoTime(), 36);
        String city = "Notstadt-" + u;
        // the first search answers at once, the second never does
        PLACES.answer(
                "bakery in " + city,
                List.of(
                        PlacesBodies.place("ChIJnot1_" + u, "Backhaus Eins", "Ring 1, " + city, null, null, 4.5, 9),
                        PlacesBodies.place(
                                "ChIJnot2_" + u, "Backhaus Zwei", "Ring 2, " + city, null, null, null, null)));
        long location = PlacesScenario.insertLocation(jdbc, city, "bakery,florist", true);
        int hangingBefore = PLACES.hanging();
        int closedBefore = PLACES.closedByClient();
        Api api = new Api(port);

        long id = startPlacesRun(api, location);
        await(() -> PLACES.hanging() > hangingBefore, Duration.ofSeconds(30), "the florist search in flight");

        Instant pressed = Instant.now();
        assertThat(api.postJson("/api/runs/" + id + "/emergency-stop", "").status())
                .isEqualTo(200);
        JsonNode run = api.awaitRun(id, r -> r.path("finishedAt").isString(), Duration.ofSeconds(10));
        Duration took = Duration.between(pressed, Instant.now());
        await(() -> PLACES.closedByClient() > closedBefore, Duration.ofSeconds(5), "the search connection closed");
        Duration closed = Duration.between(pressed, Instant.now());

        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("STOPPED");
        assertThat(run.path("error").isString()).as("cancelled is not failed").isFalse();
        // the fake never answers and the read timeout is 60 s: only the cancellation ends the call this early
        assertThat(took).isLessThan(PROMISED);
        assertThat(closed).isLessThan(PROMISED);
        assertThat(run.path("counts").path("placesSearches").asInt()).isEqualTo(1);
        // the places of the search that had answered stay, waiting (unscored) for a resume
        Map<String, JsonNode> stored = placesOf(api, id);
        assertThat(stored).containsOnlyKeys("ChIJnot1_" + u, "ChIJnot2_" + u);
        stored.values().forEach(p -> {
            assertThat(p.path("status").asString()).isEqualTo("discovered");
            assertThat(p.path("score").isNumber()).isFalse();
        });
        System.out.println("emergency stop (Places search): STOPPED " + took.toMillis() + " ms, connection closed "
                + closed.toMillis() + " ms after the request");
    }

    @Test
    void websiteReadsInFlightAreAbortedAndNothingHalfReadIsStored() {
        String u = Long.toString(System.nanoTime(), 36);
        String city = "Funkstadt-" + u;
        String stalledHost = "stockend-" + u + ".test";
        // the site sends a space every 100 ms and never finishes its page: no read timeout fires
        LocalWeb.Trickle stalled = Fakes.WEB.trickling(stalledHost, "/", null, "");
        PLACES.answer(
                "bakery in " + city,
                List.of(
                        PlacesBodies.place(
                                "ChIJnosite_" + u, "Ohne Netz", "Weg 1, " + city, "+49 30 1111111", null, 4.7, 30),
                        PlacesBodies.place(
                                "ChIJstalled_" + u,
                                "Stockend",
                                "Weg 2, " + city,
                                null,
                                "http://" + stalledHost + "/",
                                4.1,
                                12)));
        long location = PlacesScenario.insertLocation(jdbc, city, "bakery", true);
        Api api = new Api(port);

        long id = startPlacesRun(api, location);
        await(() -> stalled.started() == 1, Duration.ofSeconds(30), "the website read in flight");
        // the place without a website is checked at once: it is stored before the stop
        await(
                () -> placesOf(api, id).containsKey("ChIJnosite_" + u)
                        && placesOf(api, id)
                                .get("ChIJnosite_" + u)
                                .path("score")
                                .isNumber(),
                Duration.ofSeconds(10),
                "the place without a website scored");

        Instant pressed = Instant.now();
        assertThat(api.postJson("/api/runs/emergency-stop", "")
                        .json()
                        .path("stopped")
                        .asInt())
                .isGreaterThanOrEqualTo(1);
        JsonNode run = api.awaitRun(id, r -> r.path("finishedAt").isString(), Duration.ofSeconds(10));
        Duration took = Duration.between(pressed, Instant.now());
        await(() -> stalled.droppedByClient() == 1, Duration.ofSeconds(5), "the website connection closed");
        Duration closed = Duration.between(pressed, Instant.now());

        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("STOPPED");
        assertThat(run.path("stage").asString()).isEqualTo("QUALIFY");
        assertThat(took).isLessThan(PROMISED);
        assertThat(closed).isLessThan(PROMISED);
        Api.sleep(500); // a read that went on would store its place (as an unreachable site) about now
        Map<String, JsonNode> stored = placesOf(api, id);
        assertThat(stored.get("ChIJnosite_" + u).path("score").isNumber()).isTrue();
        assertThat(stored.get("ChIJnosite_" + u).path("status").asString()).isEqualTo("no_email");
        JsonNode half = stored.get("ChIJstalled_" + u);
        assertThat(half.path("status").asString()).isEqualTo("discovered");
        assertThat(half.path("score").isNumber()).isFalse();
        assertThat(half.path("email").isString()).isFalse();
        JsonNode after = api.get("/api/runs/" + id).json();
        assertThat(after.path("status").asString()).isEqualTo("STOPPED");
        assertThat(after.path("counts").path("sitesChecked").asInt()).isZero();
        assertThat(after.path("counts").path("qualified").asInt()
                        + after.path("counts").path("disqualified").asInt())
                .isEqualTo(1);
        System.out.println("emergency stop (website reads): STOPPED " + took.toMillis() + " ms, connection closed "
                + closed.toMillis() + " ms after the request");
    }

    @Test
    void aNormalStopLetsTheWebsiteReadInFlightFinish() {
        String u = Long.toString(System.nanoTime(), 36);
        String city = "Ruhstadt-" + u;
        String slowHost = "gemaechlich-" + u + ".test";
        LocalWeb.Trickle slow = Fakes.WEB.trickling(
                slowHost,
                "/",
                Duration.ofMillis(1500),
                "<html><body><p>Post an kontakt@" + slowHost + "</p></body></html>");
        Fakes.MAIL_DOMAINS.add(slowHost);
        PLACES.answer(
                "bakery in " + city,
                List.of(PlacesBodies.place(
                        "ChIJslow_" + u, "Gemächlich", "Weg 3, " + city, null, "http://" + slowHost + "/", 4.4, 20)));
        long location = PlacesScenario.insertLocation(jdbc, city, "bakery", true);
        Api api = new Api(port);

        long id = startPlacesRun(api, location);
        await(() -> slow.started() == 1, Duration.ofSeconds(30), "the website read in flight");
        assertThat(api.postJson("/api/runs/" + id + "/stop", "").status()).isEqualTo(200);
        JsonNode run = api.awaitRun(id, r -> r.path("finishedAt").isString(), Duration.ofSeconds(10));

        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("STOPPED");
        assertThat(slow.droppedByClient()).isZero();
        assertThat(run.path("counts").path("sitesChecked").asInt()).isEqualTo(1);
        JsonNode place = placesOf(api, id).get("ChIJslow_" + u);
        assertThat(place.path("score").isNumber()).isTrue();
        assertThat(place.path("email").asString()).isEqualTo("kontakt@" + slowHost);
        assertThat(place.path("emailSource").asString()).startsWith("website:");
    }

    private static long startPlacesRun(Api api, long location) {
        Api.Reply reply = api.postJson("/api/runs", "{\"source\": \"places\", \"locationIds\": [" + location + "]}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        return reply.json().path("id").asLong();
    }

    private static Map<String, JsonNode> placesOf(Api api, long runId) {
        Map<String, JsonNode> byId = new HashMap<>();
        api.get("/api/leads?source=places&size=100&runId=" + runId)
                .json()
                .path("items")
                .forEach(item -> byId.put(item.path("placeId").asString(), item));
        return byId;
    }

    private static void await(BooleanSupplier condition, Duration timeout, String what) {
        Instant end = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            Api.sleep(20);
        }
    }

    private static HangingPlaces startPlaces() {
        try {
            return new HangingPlaces();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
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
