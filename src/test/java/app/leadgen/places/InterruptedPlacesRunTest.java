package app.leadgen.places;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.Api;
import app.leadgen.testing.Fakes;
import app.leadgen.testing.IntegrationTest;
import app.leadgen.testing.LocalWeb;
import app.leadgen.testing.PlacesBodies;
import app.leadgen.testing.PlacesScenario;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.jobrunr.jobs.states.FailedState;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A Places job interrupted without a stop while it reads websites (what a shutdown or JobRunr giving
 * up its worker does to the job's thread) must not end the run COMPLETED with places unchecked: the
 * job fails, JobRunr runs it again, and the run goes on with the places left. In the end every
 * place is checked exactly once.
 */
class InterruptedPlacesRunTest extends IntegrationTest {

    private static final int SLOW_SITES = 4; // as many as a run reads at once

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StorageProvider storage;

    @Test
    void anInterruptedJobIsRunAgainAndChecksEveryPlaceExactlyOnce() {
        String u = Long.toString(System.nanoTime(), 36);
        String city = "Unterbrochen-" + u;
        List<Map<String, Object>> found = new ArrayList<>();
        // checked first and at once: it must not be checked again after the interruption
        found.add(
                PlacesBodies.place("ChIJnone_" + u, "Ohne Website", "Weg 0, " + city, "+49 30 1000000", null, 4.5, 9));
        List<LocalWeb.Trickle> sites = new ArrayList<>();
        for (int i = 1; i <= SLOW_SITES; i++) {
            String host = "langsam" + i + "-" + u + ".test";
            // headers at once, then a space every 100 ms for 2 s: the read is in flight for a while
            sites.add(Fakes.WEB.trickling(
                    host, "/", Duration.ofSeconds(2), "<html><body><p>Post an info@" + host + "</p></body></html>"));
            Fakes.MAIL_DOMAINS.add(host);
            found.add(PlacesBodies.place(
                    "ChIJslow" + i + "_" + u,
                    "Langsam " + i,
                    "Weg " + i + ", " + city,
                    null,
                    "http://" + host + "/",
                    4.2,
                    20));
        }
        PlacesBodies.answer(Fakes.PLACES, "bakery in " + city, List.of(found));
        // inactive: a daily routine run by another test in this shared context leaves it out
        long location = PlacesScenario.insertLocation(jdbc, city, "bakery", false);
        Api api = new Api(port);

        Api.Reply started = api.postJson("/api/runs", "{\"source\": \"places\", \"locationIds\": [" + location + "]}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        long id = started.json().path("id").asLong();
        await(() -> sites.stream().allMatch(s -> s.started() == 1), "every slow site being read");

        Thread worker = jobThread();
        worker.interrupt();

        await(() -> sites.stream().allMatch(s -> s.droppedByClient() == 1), "the reads in flight aborted");
        JsonNode run = api.awaitRun(id, r -> r.path("finishedAt").isString(), Duration.ofSeconds(90));

        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("COMPLETED");
        assertThat(run.path("error").isString()).isFalse();
        JsonNode counts = run.path("counts");
        assertThat(counts.path("placesNew").asInt()).isEqualTo(1 + SLOW_SITES);
        // each place scored once: a place checked twice would count twice
        assertThat(counts.path("qualified").asInt()
                        + counts.path("disqualified").asInt())
                .isEqualTo(1 + SLOW_SITES);
        assertThat(counts.path("sitesChecked").asInt()).isEqualTo(SLOW_SITES);
        assertThat(counts.path("emailsFound").asInt()).isEqualTo(SLOW_SITES);
        assertThat(jdbc.sql("select count(*) from places where run_id = :id and status <> 'discovered'"
                                + " and score is not null")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1 + SLOW_SITES);
        // the sites aborted by the interruption were read again, in full, by the job's next attempt
        sites.forEach(s -> assertThat(s.started()).isEqualTo(2));
        assertThat(jdbc.sql("select count(*) from places where run_id = :id and email like 'info@langsam%'")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(SLOW_SITES);
        // it was JobRunr that ran the job again (the first attempt failed), not a new run
        String jobId = jdbc.sql("select job_id from runs where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        assertThat(storage.getJobById(UUID.fromString(jobId)).getJobStatesOfType(FailedState.class))
                .hasSize(1);
    }

    /** The JobRunr worker thread that runs the Places check (not one of the site readers it started). */
    private static Thread jobThread() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> !e.getKey().getName().startsWith("places-sites-"))
                .filter(e -> java.util.Arrays.stream(e.getValue())
                        .anyMatch(f -> f.getClassName().equals(PlaceChecks.class.getName())))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no job thread checks places"));
    }

    private static void await(BooleanSupplier condition, String what) {
        Instant end = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("not within 30 s: " + what);
            }
            Api.sleep(20);
        }
    }
}
