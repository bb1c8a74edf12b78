package app.leadgen.places;

import static app.leadgen.testing.PlacesBodies.PATH;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.Api;
import app.leadgen.testing.Fakes;
import app.leadgen.testing.IntegrationTest;
import app.leadgen.testing.PlacesBodies;
import app.leadgen.testing.PlacesScenario;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seed 002 §11: a Text Search is bought once per (location, category) within 24 hours. A repeated
 * run and a resumed run answer from what was stored; a location whose city or circle changed, or a
 * search older than 24 hours, is asked again.
 */
class PlacesSearchCacheTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void aSecondRunWithin24HoursBuysNoSearchAndAChangedLocationOrAnOldSearchIsAskedAgain() {
        PlacesScenario town = new PlacesScenario().install();
        // inactive: a daily routine run by another test in this shared context leaves it out
        long location = town.insertLocation(jdbc, "bakery,florist", false);

        JsonNode first = api.awaitFinished(start(location));
        assertThat(first.path("status").asString()).as(first.toString()).isEqualTo("COMPLETED");
        assertThat(first.path("calls").path("places").asInt()).isEqualTo(3); // two pages + one page
        assertThat(first.path("cacheHits").asInt()).isZero();
        assertThat(textSearches()).isEqualTo(3);

        JsonNode second = api.awaitFinished(start(location));

        assertThat(second.path("status").asString()).as(second.toString()).isEqualTo("COMPLETED");
        assertThat(textSearches()).as("Text Search requests at the fake").isEqualTo(3);
        assertThat(second.path("calls").path("places").asInt()).isZero();
        assertThat(second.path("cacheHits").asInt()).isEqualTo(2);
        JsonNode counts = second.path("counts");
        assertThat(counts.path("placesSearches").asInt()).isEqualTo(2);
        assertThat(counts.path("placesFound").asInt()).isEqualTo(6); // the same results as the first run
        assertThat(counts.path("placesKnown").asInt()).isEqualTo(6);
        assertThat(second.path("costs").asString()).contains("0 × Google Places", "2 Suchen aus dem 24-Stunden-Cache");
        // the places stay stored once, with the scores of the first run
        assertThat(jdbc.sql("select count(*) from places where place_id like :p and score is not null"
                                + " and status <> 'discovered'")
                        .param("p", "%_" + town.u)
                        .query(Integer.class)
                        .single())
                .isEqualTo(5);

        // a wider circle is another search
        ObjectNode edited = (ObjectNode) api.get("/api/locations/" + location).json();
        edited.put("radiusMeters", 3000);
        assertThat(api.putJson("/api/locations/" + location, edited.toString()).status())
                .isEqualTo(200);
        JsonNode widened = api.awaitFinished(start(location));
        assertThat(widened.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(widened.path("cacheHits").asInt()).isZero();
        assertThat(widened.path("calls").path("places").asInt()).isEqualTo(3);
        assertThat(textSearches()).isEqualTo(6);
        assertThat(searchesWithRadius(3000)).isEqualTo(3);

        // another city is another search, too
        String moved = "Neustadt-" + town.u;
        PlacesBodies.answer(
                Fakes.PLACES, "bakery in " + moved, List.of(List.of(place("ChIJmoved_" + town.u, "Neubäcker", moved))));
        PlacesBodies.answer(Fakes.PLACES, "florist in " + moved, List.of(List.of()));
        edited.put("city", moved);
        assertThat(api.putJson("/api/locations/" + location, edited.toString()).status())
                .isEqualTo(200);
        JsonNode movedRun = api.awaitFinished(start(location));
        assertThat(movedRun.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(movedRun.path("cacheHits").asInt()).isZero();
        assertThat(textSearches("bakery in " + moved)).isEqualTo(1);
        assertThat(textSearches("florist in " + moved)).isEqualTo(1);
        assertThat(movedRun.path("counts").path("placesNew").asInt()).isEqualTo(1);

        // 24 hours later the stored answers are too old
        jdbc.sql("update places_search_cache set searched_at = :old where location_id = :loc")
                .param(
                        "old",
                        Timestamp.from(Instant.now().minus(Duration.ofHours(24).plusMinutes(1))))
                .param("loc", location)
                .update();
        JsonNode nextDay = api.awaitFinished(start(location));
        assertThat(nextDay.path("cacheHits").asInt()).isZero();
        assertThat(textSearches("bakery in " + moved)).isEqualTo(2);
    }

    @Test
    void aRunStoppedDuringItsSearchesBuysNoSearchTwiceWhenResumedAndChecksEveryPlace() {
        String u = Long.toString(System.nanoTime(), 36);
        String city = "Haltestadt-" + u;
        String bakeries = "bakery in " + city;
        // three pages of bakeries, the second one slow: the stop comes while it is in flight
        PlacesBodies.answer(
                Fakes.PLACES,
                bakeries,
                List.of(
                        List.of(place("ChIJb1_" + u, "Bäcker Eins", city), place("ChIJb2_" + u, "Bäcker Zwei", city)),
                        List.of(place("ChIJb3_" + u, "Bäcker Drei", city)),
                        List.of(place("ChIJb4_" + u, "Bäcker Vier", city))));
        Fakes.PLACES.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.textQuery", equalTo(bakeries)))
                .withRequestBody(matchingJsonPath("$.pageToken", equalTo(PlacesBodies.token(bakeries, 1))))
                .atPriority(1)
                .willReturn(PlacesBodies.json(
                                200,
                                PlacesBodies.page(
                                        List.of(place("ChIJb3_" + u, "Bäcker Drei", city)),
                                        PlacesBodies.token(bakeries, 2)))
                        .withFixedDelay(1500)));
        PlacesBodies.answer(
                Fakes.PLACES, "florist in " + city, List.of(List.of(place("ChIJf1_" + u, "Blumen Eins", city))));
        // inactive: a daily routine run by another test in this shared context leaves it out
        long location = PlacesScenario.insertLocation(jdbc, city, "bakery,florist", false);

        long id = start(location);
        api.awaitRun(id, r -> r.path("calls").path("places").asInt() >= 1, Duration.ofSeconds(20));
        assertThat(api.postJson("/api/runs/" + id + "/stop", "{}").status()).isEqualTo(200);
        JsonNode stopped = api.awaitFinished(id);
        assertThat(stopped.path("status").asString()).as(stopped.toString()).isEqualTo("STOPPED");
        assertThat(stopped.path("counts").path("placesSearches").asInt()).isEqualTo(1);
        assertThat(textSearches("florist in " + city))
                .as("nothing new starts after a stop")
                .isZero();

        assertThat(api.postJson("/api/runs/" + id + "/resume", "{}").status()).isEqualTo(202);
        JsonNode done = api.awaitRun(id, r -> r.path("status").asString().equals("COMPLETED"), Duration.ofSeconds(60));

        // every page of every search bought exactly once, as by a run that was never stopped
        assertThat(textSearches(bakeries)).isEqualTo(3);
        assertThat(textSearches("florist in " + city)).isEqualTo(1);
        assertThat(done.path("calls").path("places").asInt()).isEqualTo(4);
        assertThat(done.path("cacheHits").asInt()).isEqualTo(1);
        JsonNode counts = done.path("counts");
        assertThat(counts.path("placesSearches").asInt()).isEqualTo(2);
        assertThat(counts.path("placesFound").asInt()).isEqualTo(5);
        assertThat(counts.path("placesNew").asInt()).isEqualTo(5);
        assertThat(counts.path("placesKnown").asInt()).isZero();
        assertThat(counts.path("qualified").asInt()
                        + counts.path("disqualified").asInt())
                .isEqualTo(5);
        assertThat(jdbc.sql("select count(*) from places where run_id = :id and score is not null")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .as("every place found and scored, also the one of the last page")
                .isEqualTo(5);
    }

    private long start(long location) {
        Api.Reply reply = api.postJson("/api/runs", "{\"source\": \"places\", \"locationIds\": [" + location + "]}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        return reply.json().path("id").asLong();
    }

    private static Map<String, Object> place(String id, String name, String city) {
        return PlacesBodies.place(id, name, "Weg 1, " + city, "+49 30 5555555", null, 4.5, 12);
    }

    private static int textSearches() {
        return Fakes.PLACES.findAll(postRequestedFor(urlPathEqualTo(PATH))).size();
    }

    private static int textSearches(String textQuery) {
        return Fakes.PLACES
                .findAll(postRequestedFor(urlPathEqualTo(PATH))
                        .withRequestBody(matchingJsonPath("$.textQuery", equalTo(textQuery))))
                .size();
    }

    /** Text Search requests whose circle has this radius (the location's circle goes along as the bias). */
    private static long searchesWithRadius(double radius) {
        return Fakes.PLACES.findAll(postRequestedFor(urlPathEqualTo(PATH))).stream()
                .map(r -> JSON.readTree(r.getBodyAsString()))
                .filter(b ->
                        b.path("locationBias").path("circle").path("radius").asDouble() == radius)
                .count();
    }
}
