package app.leadgen.runs;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.Api;
import app.leadgen.testing.IntegrationTest;
import app.leadgen.testing.PlacesScenario;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * „Jetzt ausführen" runs the daily routine: the schedule publishes {@code DailyRoutineDue}, the Places
 * module hears it and starts one Places run over every active location, like any other run; the
 * schedule hears that run's {@code RunFinished} and shows its result.
 */
class DailyRoutineTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void runNowStartsAPlacesRunOverTheActiveLocations() {
        Api api = new Api(port);
        // the routine searches every active location: those that other tests in this shared context
        // left active have no answers at the fake any more (404 fails the run before it gets here)
        jdbc.sql("update target_locations set active = false where active").update();
        PlacesScenario town = new PlacesScenario().install();
        long active = town.insertLocation(jdbc, "bakery,florist", true);
        long inactive = PlacesScenario.insertLocation(jdbc, "Ruhestadt-" + town.u, "bakery", false);
        assertThat(api.get("/api/settings/schedule").json().path("available").asBoolean())
                .isTrue();

        Api.Reply accepted = api.postJson("/api/schedule/run-now", "");

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        JsonNode run = awaitPlacesRunWith(api, active);
        assertThat(ids(run.path("locationIds"))).doesNotContain(inactive);
        JsonNode done = api.awaitFinished(run.path("id").asLong());
        JsonNode leads = api.get(
                        "/api/leads?source=places&runId=" + done.path("id").asLong() + "&size=100")
                .json();
        List<String> placeIds = new ArrayList<>();
        leads.path("items").forEach(item -> placeIds.add(item.path("placeId").asString()));
        assertThat(placeIds).contains(town.id("bakery"), town.id("florist"));
        leads.path("items").forEach(item -> {
            if (item.path("placeId").asString().equals(town.id("bakery"))) {
                assertThat(item.path("scoreReasons").size()).isPositive();
            }
        });

        // the schedule heard the run's end (RunFinished, through the event publication registry)
        JsonNode last = awaitLastRun(api, done.path("id").asLong());
        assertThat(last.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(last.path("counters").path("placesNew").asInt())
                .isEqualTo(done.path("counts").path("placesNew").asInt());
        assertThat(last.path("message").isNull()).isTrue();
        // every publication was handled: completed ones are deleted from the registry
        awaitNoIncompletePublications();
    }

    @Test
    void aRoutineThatCannotStartARunSaysWhyInTheReadersLanguage() {
        Api api = new Api(port);
        jdbc.sql("update target_locations set active = false where active").update();

        assertThat(api.postJson("/api/schedule/run-now", "").status()).isEqualTo(202);

        JsonNode last = awaitLastRunStatus(api, "NOT_STARTED");
        assertThat(last.path("runId").isNull()).isTrue();
        assertThat(last.path("message").asString()).contains("aktiv");
        JsonNode english = api.get("/api/settings/schedule?lang=en").json().path("lastRun");
        assertThat(english.path("message").asString()).contains("active").doesNotContain("aktiv");
        awaitNoIncompletePublications();
    }

    private static JsonNode awaitLastRun(Api api, long runId) {
        Instant end = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(end)) {
            JsonNode last = api.get("/api/settings/schedule").json().path("lastRun");
            if (last.path("runId").asLong() == runId) {
                return last;
            }
            Api.sleep(100);
        }
        throw new AssertionError("the schedule never showed run " + runId + " as the routine's last run");
    }

    private static JsonNode awaitLastRunStatus(Api api, String status) {
        Instant end = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(end)) {
            JsonNode last = api.get("/api/settings/schedule").json().path("lastRun");
            if (status.equals(last.path("status").asString(""))) {
                return last;
            }
            Api.sleep(100);
        }
        throw new AssertionError("the schedule never showed a last run " + status);
    }

    private void awaitNoIncompletePublications() {
        Instant end = Instant.now().plus(Duration.ofSeconds(20));
        String sql = "select count(*) from event_publication where event_type like '%DailyRoutineDue%'";
        while (jdbc.sql(sql).query(Long.class).single() > 0 && Instant.now().isBefore(end)) {
            Api.sleep(100);
        }
        assertThat(jdbc.sql(sql).query(Long.class).single()).isZero();
    }

    private static JsonNode awaitPlacesRunWith(Api api, long locationId) {
        Instant end = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(end)) {
            for (JsonNode run : api.get("/api/runs").json()) {
                if ("places".equals(run.path("source").asString())
                        && ids(run.path("locationIds")).contains(locationId)) {
                    return run;
                }
            }
            Api.sleep(200);
        }
        throw new AssertionError("no Places run over location " + locationId + " was started");
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.asLong()));
        return ids;
    }
}
