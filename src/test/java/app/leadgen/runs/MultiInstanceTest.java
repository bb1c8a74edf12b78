package app.leadgen.runs;

import static app.leadgen.testing.Fakes.INSTAGRAM;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.Api;
import app.leadgen.testing.Fakes;
import app.leadgen.testing.IntegrationTest;
import app.leadgen.testing.OnPostgres;
import app.leadgen.testing.SearchItems;
import app.leadgen.testing.SecondInstance;
import app.leadgen.testing.TestPostgres;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Two instances on one PostgreSQL database: this test's context and a second JVM process. They
 * share one run's batches through JobRunr and the database, never buy a profile twice, and a run
 * whose instance is killed with {@code kill -9} completes on the other one with every row once.
 */
@OnPostgres
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiInstanceTest extends IntegrationTest {

    private static final int BATCH = 5;
    private static SecondInstance other;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Instance instance;

    @BeforeAll
    static void startSecondInstance() throws Exception {
        TestPostgres.Database db = TestPostgres.database();
        other = SecondInstance.start(Map.of(
                "spring.datasource.url", db.url(),
                "spring.datasource.username", db.username(),
                "spring.datasource.password", db.password(),
                "leadgen.apify.base-url", Fakes.apifyUrl(),
                "leadgen.perplexity.base-url", Fakes.perplexityUrl(),
                "leadgen.apify.read-timeout", "10s"));
    }

    @AfterAll
    static void stopSecondInstance() throws Exception {
        if (other != null) {
            other.close();
        }
    }

    @AfterEach
    void restoreDefaults() {
        new Api(port).putJson("/api/settings/runs", "{\"batchSize\": 50, \"batchPauseSeconds\": 0}");
    }

    @Test
    @Order(1)
    void twoInstancesShareOneRunAndBuyNoProfileTwice() {
        Api api = new Api(port);
        List<String> owners = prepare("share", 200, 400);

        JsonNode run = api.awaitRun(
                api.startRun("sharetag" + owners.get(0).hashCode() % 1000),
                r -> r.path("finishedAt").isString(),
                Duration.ofMinutes(3));

        assertThat(run.path("status").asString()).isEqualTo("COMPLETED");
        long id = run.path("id").asLong();
        assertThat(workers(id)).as("instances that worked on the run's batches").hasSize(2);
        assertThat(scrapes())
                .as("profile scrapes per username")
                .allSatisfy((u, n) -> assertThat(n).as(u).isEqualTo(1));
        assertThat(scrapes().keySet()).containsExactlyInAnyOrderElementsOf(owners);
        assertThat(run.path("counts").path("profilesEnriched").asInt()).isEqualTo(owners.size());
        assertThat(rowsOf(id)).isEqualTo(owners.size());
    }

    @Test
    @Order(2)
    void aRunWhoseInstanceIsKilledCompletesWithEveryRowOnce() throws Exception {
        List<String> owners = prepare("crash", 100, 500);
        long id = other.api().startRun("crashtag" + owners.get(0).hashCode() % 1000);

        // kill -9 the other instance while it holds a batch, with work done and work left
        Api api = new Api(port);
        api.awaitRun(
                id,
                r -> r.path("counts").path("profilesEnriched").asInt() >= 20 && otherHoldsABatch(id),
                Duration.ofMinutes(2));
        other.kill();

        JsonNode run = api.awaitRun(id, r -> r.path("finishedAt").isString(), Duration.ofMinutes(3));

        assertThat(run.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(rowsOf(id)).as("every finding once").isEqualTo(owners.size());
        assertThat(jdbc.sql("select count(distinct username) from leads where run_id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(owners.size());
        assertThat(jdbc.sql("select count(*) from ig_profiles where username in (:u) and enriched_at is not null")
                        .param("u", owners)
                        .query(Integer.class)
                        .single())
                .as("every profile enriched")
                .isEqualTo(owners.size());
        Map<String, Integer> scrapes = scrapes();
        assertThat(scrapes.keySet()).containsExactlyInAnyOrderElementsOf(owners);
        long twice = scrapes.values().stream().filter(n -> n > 1).count();
        assertThat(twice)
                .as("usernames scraped again: only the batch in flight at the kill")
                .isLessThanOrEqualTo(BATCH);
        assertThat(scrapes.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));
        assertThat(jdbc.sql("select max(attempts) from run_batches where run_id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .as("the killed instance's batch was taken over")
                .isGreaterThanOrEqualTo(2);
    }

    /** Registers {@code count} profiles found under one hashtag; the fake answers after {@code latency} ms. */
    private List<String> prepare(String prefix, int count, int latency) {
        new Api(port).putJson("/api/settings/runs", "{\"batchSize\": " + BATCH + ", \"batchPauseSeconds\": 0}");
        String p = prefix + System.nanoTime() % 100_000 + "_";
        List<String> owners = IntStream.range(0, count).mapToObj(i -> p + i).toList();
        Fakes.searchAnswers(SearchItems.create()
                .hashtag(prefix + "tag", count, new String[] {}, owners.toArray(String[]::new))
                .json());
        for (String u : owners) {
            INSTAGRAM.profile(u, u, "", u + "@example.de", "+4930777777", "https://example.de", 1);
        }
        Fakes.profileLatency(latency);
        return owners;
    }

    private Map<String, Integer> scrapes() {
        Map<String, Integer> n = new HashMap<>();
        INSTAGRAM.inputs().forEach(input -> input.path("usernames")
                .forEach(u -> n.merge(u.asString(), 1, Integer::sum)));
        return n;
    }

    private List<String> workers(long runId) {
        return jdbc
                .sql("select distinct owner from run_batches where run_id = :id and owner is not null")
                .param("id", runId)
                .query(String.class)
                .list()
                .stream()
                .map(owner -> owner.substring(0, owner.indexOf('/')))
                .distinct()
                .toList();
    }

    private boolean otherHoldsABatch(long runId) {
        return jdbc.sql("select count(*) from run_batches where run_id = :id and state = 'CLAIMED'"
                                + " and owner not like :mine")
                        .param("id", runId)
                        .param("mine", instance.id() + "/%")
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private int rowsOf(long runId) {
        return jdbc.sql("select count(*) from leads where run_id = :id")
                .param("id", runId)
                .query(Integer.class)
                .single();
    }
}
