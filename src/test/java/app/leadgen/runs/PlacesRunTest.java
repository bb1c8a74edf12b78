package app.leadgen.runs;

import static app.leadgen.testing.PlacesBodies.PATH;
import static app.leadgen.testing.PlacesBodies.error;
import static app.leadgen.testing.PlacesBodies.json;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.Api;
import app.leadgen.testing.Fakes;
import app.leadgen.testing.IntegrationTest;
import app.leadgen.testing.PlacesBodies;
import app.leadgen.testing.PlacesScenario;
import app.leadgen.testing.SearchItems;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Places runs through the API: Google Places fake in the real format, the businesses' websites on
 * the local web server, the real pipeline, qualification and contact extraction.
 */
class PlacesRunTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    private long startPlaces(long... locationIds) {
        String ids = java.util.Arrays.stream(locationIds)
                .mapToObj(String::valueOf)
                .reduce((a, b) -> a + "," + b)
                .orElse("");
        Api.Reply reply = api.postJson("/api/runs", "{\"source\": \"places\", \"locationIds\": [" + ids + "]}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        assertThat(reply.json().path("source").asString()).isEqualTo("places");
        return reply.json().path("id").asLong();
    }

    private Map<String, JsonNode> placesOf(long runId) {
        JsonNode page = api.get("/api/leads?source=places&runId=" + runId + "&size=100&sort=name,asc")
                .json();
        Map<String, JsonNode> byId = new HashMap<>();
        page.path("items").forEach(item -> byId.put(item.path("placeId").asString(), item));
        assertThat(page.path("total").asLong()).isEqualTo(byId.size());
        return byId;
    }

    @Test
    void locationsBecomeScoredLeadsWithContactsAndNoPlaceIsStoredTwice() {
        PlacesScenario town = new PlacesScenario().install();
        long location = town.insertLocation(jdbc, "bakery,florist", true);

        long runId = startPlaces(location);
        JsonNode run = api.awaitFinished(runId);

        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("COMPLETED");
        assertThat(run.path("stage").asString()).isEqualTo("DONE");
        assertThat(run.path("keyword").asString()).isEqualTo(town.city);
        assertThat(run.path("locationIds").get(0).asLong()).isEqualTo(location);
        JsonNode counts = run.path("counts");
        assertThat(counts.path("placesSearches").asInt()).isEqualTo(2);
        assertThat(counts.path("placesSearchesTotal").asInt()).isEqualTo(2);
        assertThat(counts.path("placesFound").asInt()).isEqualTo(6);
        assertThat(counts.path("placesNew").asInt()).isEqualTo(5);
        assertThat(counts.path("placesKnown").asInt()).isEqualTo(1); // the bakery, found again as a florist
        assertThat(counts.path("qualified").asInt()).isEqualTo(2);
        assertThat(counts.path("disqualified").asInt()).isEqualTo(3);
        assertThat(counts.path("sitesChecked").asInt()).isEqualTo(4);
        assertThat(counts.path("emailsFound").asInt()).isEqualTo(2);
        assertThat(run.path("calls").path("places").asInt()).isEqualTo(3); // two pages + one page
        Fakes.PLACES.verify(
                3,
                postRequestedFor(urlPathEqualTo(PATH))
                        .withHeader("X-Goog-Api-Key", equalTo(Fakes.PLACES_KEY))
                        .withHeader(
                                "X-Goog-FieldMask",
                                com.github.tomakehurst.wiremock.client.WireMock.containing("nextPageToken")));
        assertThat(jdbc.sql("select count(*) from external_calls where run_id = :r and service = 'places'"
                                + " and operation = 'text-search' and outcome = 'ok'")
                        .param("r", runId)
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);

        Map<String, JsonNode> leads = placesOf(runId);
        assertThat(leads).hasSize(5);

        JsonNode bakery = leads.get(town.id("bakery"));
        assertThat(bakery.path("source").asString()).isEqualTo("places");
        assertThat(bakery.path("name").asString()).isEqualTo("Bäckerei Korn <b>");
        assertThat(bakery.path("category").asString()).isEqualTo("bakery");
        assertThat(bakery.path("city").asString()).isEqualTo(town.city);
        assertThat(bakery.path("address").asString()).isEqualTo("Hauptstraße 1, " + town.city);
        assertThat(bakery.path("rating").asDouble()).isEqualTo(4.6);
        assertThat(bakery.path("reviewCount").asInt()).isEqualTo(312);
        assertThat(bakery.path("mapsUrl").asString()).startsWith("https://maps.google.com/?cid=");
        assertThat(bakery.path("status").asString()).isEqualTo("disqualified");
        assertThat(bakery.path("score").asInt()).isEqualTo(25);
        assertThat(reasons(bakery)).containsExactly("no-social-profile:10", "good-rating:10", "phone-present:5");
        assertThat(bakery.path("email").asString()).isEqualTo("backstube@" + town.bakeryHost);
        assertThat(bakery.path("emailSource").asString()).isEqualTo("website:http://" + town.bakeryHost + "/impressum");
        assertThat(bakery.path("emailCheck").asString()).isEqualTo("ok");
        assertThat(bakery.path("emailGuessed").asBoolean()).isFalse();
        assertThat(bakery.path("phone").asString()).isEqualTo("+49 30 1234567"); // Places' number is kept
        assertThat(bakery.path("phoneSource").asString()).isEqualTo("places");
        assertThat(bakery.path("website").asString()).isEqualTo("http://" + town.bakeryHost + "/");
        assertThat(bakery.path("websiteSource").asString()).isEqualTo("places");
        assertThat(bakery.path("username").isNull()).isTrue();
        assertThat(bakery.path("runId").asLong()).isEqualTo(runId);

        JsonNode florist = leads.get(town.id("florist"));
        assertThat(florist.path("score").asInt()).isEqualTo(65);
        assertThat(reasons(florist))
                .containsExactly("no-website:40", "no-social-profile:10", "good-rating:10", "phone-present:5");
        assertThat(florist.path("status").asString()).isEqualTo("no_email");
        assertThat(florist.path("email").isNull()).isTrue();

        JsonNode hair = leads.get(town.id("hair"));
        assertThat(hair.path("score").asInt()).isEqualTo(50);
        assertThat(reasons(hair))
                .containsExactly("website-error:25", "no-social-profile:10", "good-rating:10", "phone-present:5");
        assertThat(hair.path("status").asString()).isEqualTo("qualified");
        assertThat(hair.path("email").asString()).isEqualTo("info@" + town.hairHost);
        assertThat(hair.path("emailGuessed").asBoolean()).isTrue();
        assertThat(hair.path("emailSource").asString()).isEqualTo("guessed");
        assertThat(hair.path("emailCheck").asString()).isEqualTo("ok");

        JsonNode cafe = leads.get(town.id("cafe"));
        assertThat(reasons(cafe)).containsExactly("domain-not-resolving:30", "no-social-profile:10");
        assertThat(cafe.path("status").asString()).isEqualTo("disqualified");
        assertThat(cafe.path("email").isNull()).isTrue(); // no guess on a domain that takes no mail

        JsonNode carpenter = leads.get(town.id("carpenter"));
        assertThat(reasons(carpenter)).containsExactly("no-meta-tags:15", "phone-present:5");
        assertThat(carpenter.path("email").asString()).isEqualTo("werkstatt@" + town.carpenterHost);
        assertThat(carpenter.path("phone").asString()).isEqualTo("+49405551234");
        assertThat(carpenter.path("phoneSource").asString()).isEqualTo("website:http://" + town.carpenterHost + "/");

        // sorted by score in the database, Places leads in the same list as Instagram leads
        JsonNode byScore =
                api.get("/api/leads?runId=" + runId + "&sort=score,desc").json();
        assertThat(byScore.path("items").get(0).path("placeId").asString()).isEqualTo(town.id("florist"));
        assertThat(api.get("/api/leads?source=tiktok").status()).isEqualTo(400);
        assertThat(api.get("/api/leads?runId=" + runId + "&source=instagram")
                        .json()
                        .path("total")
                        .asInt())
                .isZero();

        // the export has the Places columns, with the same filter
        Api.Reply csv = api.get("/export?format=csv&source=places&runId=" + runId + "&sort=score,desc");
        assertThat(csv.status()).isEqualTo(200);
        String firstRow = csv.body().split("\r\n")[1];
        assertThat(firstRow)
                .contains("Blumen Meier", "places", "4.8", "no_email", "65")
                .contains("\"no-website +40, no-social-profile +10, good-rating +10, phone-present +5\"");

        // a second run finds the same places again: none is stored, scored or fetched twice
        int requestsBefore = Fakes.WEB.requests().size();
        long second = startPlaces(location);
        JsonNode again = api.awaitFinished(second);
        assertThat(again.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(again.path("counts").path("placesFound").asInt()).isEqualTo(6);
        assertThat(again.path("counts").path("placesNew").asInt()).isZero();
        assertThat(again.path("counts").path("placesKnown").asInt()).isEqualTo(6);
        assertThat(again.path("counts").path("sitesChecked").asInt()).isZero();
        assertThat(placesOf(second)).isEmpty();
        assertThat(Fakes.WEB.requests()).hasSize(requestsBefore);
        assertThat(jdbc.sql("select count(*) from leads where place_id like :p")
                        .param("p", "%_" + town.u)
                        .query(Integer.class)
                        .single())
                .isEqualTo(5);
        assertThat(jdbc.sql("select count(*) from places where place_id like :p")
                        .param("p", "%_" + town.u)
                        .query(Integer.class)
                        .single())
                .isEqualTo(5);
    }

    private static List<String> reasons(JsonNode lead) {
        List<String> out = new java.util.ArrayList<>();
        lead.path("scoreReasons")
                .forEach(r -> out.add(
                        r.path("rule").asString() + ":" + r.path("points").asInt()));
        return out;
    }

    @Test
    void stopEndsTheRunBetweenSearchesAndKeepsWhatItFound() {
        String u = Long.toString(System.nanoTime(), 36);
        String city = "Stoppstadt-" + u;
        List<String> categories = List.of("bakery", "florist", "gym", "cafe", "bar", "spa");
        for (String category : categories) {
            PlacesBodies.answer(
                    Fakes.PLACES,
                    category + " in " + city,
                    600,
                    List.of(List.of(PlacesBodies.place(
                            category + "-" + u, category + " " + u, "Weg 1, " + city, null, null, null, null))));
        }
        long location = PlacesScenario.insertLocation(jdbc, city, String.join(",", categories), true);

        long runId = startPlaces(location);
        api.awaitRun(runId, r -> r.path("counts").path("placesSearches").asInt() >= 1, Duration.ofSeconds(20));
        assertThat(api.postJson("/api/runs/" + runId + "/stop", "{}").status()).isEqualTo(200);
        JsonNode run = api.awaitFinished(runId);

        assertThat(run.path("status").asString()).isEqualTo("STOPPED");
        int searched = run.path("counts").path("placesSearches").asInt();
        assertThat(searched).isBetween(1, categories.size() - 1);
        assertThat(run.path("counts").path("placesSearchesTotal").asInt()).isEqualTo(categories.size());
        assertThat(run.path("calls").path("places").asInt()).isEqualTo(searched);
        // what was found before the stop stays
        assertThat(placesOf(runId)).hasSize(run.path("counts").path("placesNew").asInt());
        assertThat(run.path("counts").path("placesNew").asInt()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void rejectedKeyFailsTheRunWithAGermanMessage() {
        String city = "Sperrstadt-" + Long.toString(System.nanoTime(), 36);
        Fakes.PLACES.stubFor(post(urlPathEqualTo(PATH))
                .willReturn(json(
                        403,
                        error(403, "PERMISSION_DENIED", "Places API (New) has not been used in project 4711 before"))));
        long location = PlacesScenario.insertLocation(jdbc, city, "gym,bakery", true);

        JsonNode run = api.awaitFinished(startPlaces(location));

        assertThat(run.path("status").asString()).isEqualTo("FAILED");
        assertThat(run.path("error").asString())
                .contains("Google Places hat den API-Key abgelehnt", "GOOGLE_PLACES_API_KEY", "HTTP 403");
        assertThat(run.path("calls").path("places").asInt()).isEqualTo(1); // not retried, no second search
    }

    @Test
    void failingSearchesAreSkippedWithAWarning() {
        String city = "Wackelstadt-" + Long.toString(System.nanoTime(), 36);
        Fakes.PLACES.stubFor(post(urlPathEqualTo(PATH))
                .willReturn(json(503, error(503, "UNAVAILABLE", "The service is currently unavailable."))));
        PlacesBodies.answer(
                Fakes.PLACES,
                "gym in " + city,
                List.of(List.of(PlacesBodies.place("gym-" + city, "Gym " + city, city, null, null, null, null))));
        long location = PlacesScenario.insertLocation(jdbc, city, "gym,spa", true);

        JsonNode run = api.awaitFinished(startPlaces(location));

        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("COMPLETED");
        assertThat(run.path("warning").asString()).contains("1 von 2 Places-Suchen sind fehlgeschlagen");
        assertThat(run.path("counts").path("placesNew").asInt()).isEqualTo(1);
    }

    @Test
    void badStartsAreProblems() {
        Api.Reply unknown = api.postJson("/api/runs", "{\"source\": \"places\", \"locationIds\": [987654321]}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.json().path("detail").asString()).contains("987654321");

        long empty = PlacesScenario.insertLocation(jdbc, "Leerstadt-" + System.nanoTime(), "", true);
        Api.Reply none = api.postJson("/api/runs", "{\"source\": \"places\", \"locationIds\": [" + empty + "]}");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().path("detail").asString()).contains("Zielort");

        Api.Reply source = api.postJson("/api/runs", "{\"source\": \"tiktok\"}");
        assertThat(source.status()).isEqualTo(400);
    }

    @Test
    void instagramAccountsGetContactsFromTheirWebsite() {
        String u = Long.toString(System.nanoTime(), 36);
        String account = "studio_" + u;
        String host = "studio-" + u + ".test";
        Fakes.WEB
                .page(host, "/", "<html><body><a href=\"/kontakt\">Kontakt</a></body></html>")
                .page(host, "/kontakt", "<p>Schreib an hallo@" + host + " oder ruf an: 040 1234567</p>");
        Fakes.MAIL_DOMAINS.add(host);
        Fakes.searchAnswers(SearchItems.create()
                .hashtag("yoga" + u, 10, new String[] {account})
                .json());
        Fakes.INSTAGRAM.profile(account, "Studio", "Yoga", "", "", "http://" + host + "/", 100);
        Fakes.PERPLEXITY.answer(account, "{\"email\": \"N/A\", \"phone\": \"N/A\", \"website\": \"N/A\"}");

        long runId = api.startRun("yoga" + u);
        JsonNode run = api.awaitFinished(runId);

        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("COMPLETED");
        assertThat(run.path("counts").path("sitesChecked").asInt()).isEqualTo(1);
        assertThat(run.path("counts").path("emailsFound").asInt()).isEqualTo(1);
        JsonNode lead =
                api.get("/api/leads?runId=" + runId).json().path("items").get(0);
        assertThat(lead.path("source").asString()).isEqualTo("instagram");
        assertThat(lead.path("username").asString()).isEqualTo(account);
        assertThat(lead.path("email").asString()).isEqualTo("hallo@" + host);
        assertThat(lead.path("emailSource").asString()).isEqualTo("website:http://" + host + "/kontakt");
        assertThat(lead.path("phone").asString()).isEqualTo("+49401234567");
        assertThat(lead.path("phoneSource").asString()).isEqualTo("website:http://" + host + "/kontakt");
        assertThat(lead.path("website").asString()).isEqualTo("http://" + host + "/");
        assertThat(lead.path("websiteSource").asString()).startsWith("apify:");
        assertThat(lead.path("profileUrl").asString()).isEqualTo("https://www.instagram.com/" + account + "/");
    }
}
