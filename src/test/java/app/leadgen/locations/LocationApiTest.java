package app.leadgen.locations;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.Api;
import app.leadgen.testing.Api.Reply;
import app.leadgen.testing.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code /api/locations}: the round trip, every validation rule with its problem detail, and 404s. */
class LocationApiTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    TargetLocations targetLocations;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    private static String unique(String city) {
        return city + " " + System.nanoTime() % 1_000_000_000L;
    }

    @Test
    void createReadUpdateListAndDelete() {
        String city = unique("Berlin");
        HttpResponse<String> raw = send(
                "POST",
                "/api/locations",
                """
                {"city": "  %s ", "state": "Berlin", "country": "Deutschland",
                 "latitude": 52.52, "longitude": 13.405,
                 "categories": ["bakery", " Florist ", "bakery", "clothing_store"]}
                """
                        .formatted(city));
        assertThat(raw.statusCode()).as(raw.body()).isEqualTo(201);
        JsonNode json = new Reply(raw.statusCode(), "", raw.body()).json();
        long id = json.path("id").asLong();
        assertThat(raw.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/api/locations/" + id));
        assertThat(json.path("city").asString()).isEqualTo(city);
        assertThat(json.path("state").asString()).isEqualTo("Berlin");
        assertThat(json.path("country").asString()).isEqualTo("Deutschland");
        assertThat(json.path("latitude").asDouble()).isEqualTo(52.52);
        assertThat(json.path("longitude").asDouble()).isEqualTo(13.405);
        assertThat(json.path("radiusMeters").asInt())
                .as("default radius with coordinates")
                .isEqualTo(5000);
        assertThat(texts(json.path("categories"))).containsExactly("bakery", "florist", "clothing_store");
        assertThat(json.path("active").asBoolean()).isTrue();
        assertThat(names(json))
                .containsExactlyInAnyOrder(
                        "id",
                        "city",
                        "state",
                        "country",
                        "latitude",
                        "longitude",
                        "radiusMeters",
                        "categories",
                        "active");

        assertThat(api.get("/api/locations/" + id).json()).isEqualTo(json);
        assertThat(api.get("/api/locations").json().valueStream().map(n -> n.path("id")
                        .asLong()))
                .contains(id);

        Reply updated = api.putJson(
                "/api/locations/" + id,
                """
                {"city": "%s", "categories": ["gym"], "active": false}
                """
                        .formatted(city + " Mitte"));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        JsonNode changed = updated.json();
        assertThat(changed.path("city").asString()).isEqualTo(city + " Mitte");
        assertThat(changed.path("state").isNull())
                .as("PUT replaces: no state any more")
                .isTrue();
        assertThat(changed.path("latitude").isNull()).isTrue();
        assertThat(changed.path("radiusMeters").isNull()).isTrue();
        assertThat(texts(changed.path("categories"))).containsExactly("gym");
        assertThat(changed.path("active").asBoolean()).isFalse();

        // what the Places run reads: inactive locations are left out of active()
        assertThat(targetLocations.active()).extracting(TargetLocation::id).doesNotContain(id);
        assertThat(targetLocations.byIds(List.of(id))).singleElement().satisfies(l -> {
            assertThat(l.active()).isFalse();
            assertThat(l.categories()).containsExactly("gym");
        });

        // active left out keeps the current value
        Reply kept = api.putJson(
                "/api/locations/" + id,
                """
                {"city": "%s", "categories": ["gym", "pet_store"], "latitude": -33.9, "longitude": 151.2,
                 "radiusMeters": 800}
                """
                        .formatted(city));
        assertThat(kept.json().path("active").asBoolean()).isFalse();
        assertThat(kept.json().path("radiusMeters").asInt()).isEqualTo(800);
        Reply activated = api.putJson(
                "/api/locations/" + id,
                """
                {"city": "%s", "categories": ["gym"], "active": true}
                """
                        .formatted(city));
        assertThat(activated.json().path("active").asBoolean()).isTrue();
        assertThat(targetLocations.active()).extracting(TargetLocation::id).contains(id);

        Reply deleted = delete("/api/locations/" + id);
        assertThat(deleted.status()).isEqualTo(204);
        assertProblem(api.get("/api/locations/" + id), 404, "Einen Ort mit der Nummer " + id + " gibt es nicht.");
        assertThat(api.get("/api/locations").json().valueStream().map(n -> n.path("id")
                        .asLong()))
                .doesNotContain(id);
    }

    @Test
    void unknownIdsAre404() {
        assertProblem(api.get("/api/locations/987654321"), 404, "Einen Ort mit der Nummer 987654321 gibt es nicht.");
        assertProblem(
                api.putJson("/api/locations/987654321", "{\"city\": \"X\", \"categories\": [\"gym\"]}"),
                404,
                "987654321");
        assertProblem(delete("/api/locations/987654321"), 404, "987654321");
        assertThat(api.get("/api/locations/abc").status()).isEqualTo(400);
    }

    @Test
    void everyRuleHasItsProblemDetail() {
        String ok = "\"categories\": [\"bakery\"]";
        assertProblem(post("{" + ok + "}"), 400, "Bitte eine Stadt angeben.");
        assertProblem(post("{\"city\": \"   \", " + ok + "}"), 400, "Bitte eine Stadt angeben.");
        assertProblem(
                post("{\"city\": \"" + "x".repeat(101) + "\", " + ok + "}"),
                400,
                "Der Name der Stadt ist zu lang (höchstens 100 Zeichen).");
        assertProblem(post("{\"city\": \"Ber\\nlin\", " + ok + "}"), 400, "Steuerzeichen");
        assertProblem(post("{\"city\": \"Ber\\u0000lin\", " + ok + "}"), 400, "Steuerzeichen");
        assertProblem(
                post("{\"city\": \"Köln\", \"state\": \"" + "x".repeat(101) + "\", " + ok + "}"),
                400,
                "Bundesland / Region ist zu lang");
        assertProblem(post("{\"city\": \"Köln\", \"country\": \"D\\tE\", " + ok + "}"), 400, "Das Land ist zu lang");
        assertProblem(
                post("{\"city\": \"Köln\", \"latitude\": 50.9, " + ok + "}"),
                400,
                "Breiten- und Längengrad gehören zusammen");
        assertProblem(
                post("{\"city\": \"Köln\", \"longitude\": 6.9, " + ok + "}"),
                400,
                "Breiten- und Längengrad gehören zusammen");
        assertProblem(
                post("{\"city\": \"Köln\", \"latitude\": 90.01, \"longitude\": 6.9, " + ok + "}"),
                400,
                "Der Breitengrad muss zwischen -90 und 90 liegen.");
        assertProblem(
                post("{\"city\": \"Köln\", \"latitude\": 50.9, \"longitude\": -180.5, " + ok + "}"),
                400,
                "Der Längengrad muss zwischen -180 und 180 liegen.");
        assertProblem(
                post("{\"city\": \"Köln\", \"latitude\": 50.9, \"longitude\": 6.9, \"radiusMeters\": 0, " + ok + "}"),
                400,
                "Der Radius muss zwischen 1 und 50000 Metern liegen.");
        assertProblem(
                post("{\"city\": \"Köln\", \"latitude\": 50.9, \"longitude\": 6.9, \"radiusMeters\": 50001, " + ok
                        + "}"),
                400,
                "Der Radius muss zwischen 1 und 50000 Metern liegen.");
        assertProblem(
                post("{\"city\": \"Köln\", \"radiusMeters\": 1000, " + ok + "}"),
                400,
                "Ein Radius gilt nur mit Koordinaten");
        assertProblem(post("{\"city\": \"Köln\"}"), 400, "Bitte mindestens eine Kategorie wählen.");
        assertProblem(post("{\"city\": \"Köln\", \"categories\": []}"), 400, "Bitte mindestens eine Kategorie wählen.");
        assertProblem(
                post("{\"city\": \"Köln\", \"categories\": [\"bakery\", \"Bäckerei\"]}"),
                400,
                "„Bäckerei“ ist keine gültige Kategorie");
        assertProblem(
                post("{\"city\": \"Köln\", \"categories\": [\"book-store\"]}"),
                400,
                "„book-store“ ist keine gültige Kategorie: erlaubt sind Kleinbuchstaben a–z und _");
        assertProblem(
                post("{\"city\": \"Köln\", \"categories\": [\"" + "a".repeat(51) + "\"]}"),
                400,
                "keine gültige Kategorie");
        assertProblem(post("{\"city\": \"Köln\", \"categories\": [null]}"), 400, "„null“ ist keine gültige Kategorie");
        assertProblem(post("{\"city\": \"Köln\", \"categories\": [\"\"]}"), 400, "keine gültige Kategorie");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 21; i++) {
            many.append(i == 0 ? "" : ",")
                    .append("\"type_")
                    .append((char) ('a' + i))
                    .append('"');
        }
        assertProblem(
                post("{\"city\": \"Köln\", \"categories\": [" + many + "]}"), 400, "Höchstens 20 Kategorien pro Ort.");
        assertProblem(post("{\"city\": \"Köln\", \"latitude\": \"north\", " + ok + "}"), 400, "kein gültiges JSON");
        assertProblem(post("{\"city\": "), 400, "kein gültiges JSON");
        assertProblem(post(""), 400, "kein gültiges JSON");

        // a rejected update changes nothing
        String city = unique("Köln");
        long id = post("{\"city\": \"" + city + "\", " + ok + "}")
                .json()
                .path("id")
                .asLong();
        assertProblem(api.putJson("/api/locations/" + id, "{\"city\": \"\", " + ok + "}"), 400, "Stadt");
        assertThat(api.get("/api/locations/" + id).json().path("city").asString())
                .isEqualTo(city);
    }

    @Test
    void twentyDistinctCategoriesAreFineAndDuplicatesDoNotCount() {
        StringBuilder twenty = new StringBuilder("\"bakery\", \"bakery\"");
        for (int i = 0; i < 19; i++) {
            twenty.append(", \"type_").append((char) ('a' + i)).append('"');
        }
        Reply created = post("{\"city\": \"" + unique("Essen") + "\", \"categories\": [" + twenty + "]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("categories").size()).isEqualTo(20);
        assertThat(created.json().path("latitude").isNull()).isTrue();
        assertThat(created.json().path("radiusMeters").isNull()).isTrue();
    }

    @Test
    void problemsAreEnglishWithLangEn() {
        assertProblem(api.get("/api/locations/987654322?lang=en"), 404, "There is no location with the id 987654322.");
        assertProblem(
                api.postJson("/api/locations?lang=en", "{\"city\": \"Köln\"}"),
                400,
                "Please choose at least one category.");
    }

    private Reply post(String json) {
        return api.postJson("/api/locations", json);
    }

    private Reply delete(String path) {
        HttpResponse<String> r = send("DELETE", path, null);
        return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    /** For what {@link Api} does not offer: DELETE and the response headers. */
    private HttpResponse<String> send(String method, String path, String json) {
        HttpRequest.Builder request = Api.withKey(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void assertProblem(Reply reply, int status, String detail) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("status").asInt()).isEqualTo(status);
        assertThat(reply.json().path("detail").asString()).contains(detail);
    }

    private static List<String> texts(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private static List<String> names(JsonNode object) {
        return object.propertyNames().stream().toList();
    }
}
