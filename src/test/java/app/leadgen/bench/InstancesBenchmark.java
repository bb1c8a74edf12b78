package app.leadgen.bench;

import static app.leadgen.testing.Fakes.INSTAGRAM;

import app.leadgen.LeadGenApplication;
import app.leadgen.testing.Api;
import app.leadgen.testing.Fakes;
import app.leadgen.testing.SearchItems;
import app.leadgen.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Benchmark harness (not a test): throughput of one Instagram run with one and with two app
 * instances on one PostgreSQL database, against the fakes answering profile and chat calls after
 * {@code bench.latency} (400) ms. The instances are two Spring contexts in this JVM (each with its
 * own JobRunr server, web server and call limits), started for the measurement and stopped after it.
 *
 * <pre>
 * LEADGEN_TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:5432/postgres \
 * ./mvnw -B -q -o test-compile exec:java -Dexec.mainClass=app.leadgen.bench.InstancesBenchmark -Dexec.classpathScope=test
 * </pre>
 */
public final class InstancesBenchmark {

    private static final int USERNAMES = Integer.getInteger("bench.usernames", 400);
    private static final int LATENCY_MS = Integer.getInteger("bench.latency", 400);
    private static final int BATCH = Integer.getInteger("bench.batch", 20);
    private static final int RUNS = Integer.getInteger("bench.runs", 2);

    private InstancesBenchmark() {}

    public static void main(String[] args) throws Exception {
        StringBuilder report = new StringBuilder();
        line(report, "# InstancesBenchmark " + Instant.now());
        line(
                report,
                "%d usernames per run (none lists a website, so every one also goes to the web search), batches of %d, fake latency %d ms,"
                        + " profile batch size 5, limits 10 Apify / 5 Perplexity calls per instance, %d runs each",
                USERNAMES,
                BATCH,
                LATENCY_MS,
                RUNS);
        line(report, "");
        line(report, "| instances | run | wall (s) | profiles/s | batches by instance | Apify calls | max in flight |");
        line(report, "|---|---|---|---|---|---|---|");
        Fakes.reset();
        try {
            for (int instances = 1; instances <= 2; instances++) {
                List<ConfigurableApplicationContext> apps = new ArrayList<>();
                for (int i = 0; i < instances; i++) {
                    apps.add(start());
                }
                try {
                    Api api = new Api(port(apps.get(0)));
                    api.putJson("/api/settings/runs", "{\"batchSize\": " + BATCH + ", \"batchPauseSeconds\": 0}");
                    JdbcClient jdbc = apps.get(0).getBean(JdbcClient.class);
                    for (int run = 1; run <= RUNS; run++) {
                        measure(report, api, jdbc, instances, run);
                    }
                } finally {
                    apps.forEach(ConfigurableApplicationContext::close);
                }
            }
        } finally {
            Fakes.APIFY.stop();
            Fakes.PERPLEXITY_SERVER.stop();
        }
        System.out.println(report);
        Path out = Path.of("target", "benchmarks", "instances-benchmark.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println("(also written to " + out + ")");
        System.exit(0);
    }

    private static void measure(StringBuilder report, Api api, JdbcClient jdbc, int instances, int run) {
        Fakes.reset();
        Fakes.profileLatency(LATENCY_MS);
        Fakes.chatLatency(LATENCY_MS);
        String prefix = "i" + instances + "r" + run + "n" + System.nanoTime() % 10_000 + "_";
        List<String> owners =
                IntStream.range(0, USERNAMES).mapToObj(i -> prefix + i).toList();
        Fakes.searchAnswers(SearchItems.create()
                .hashtag("bench", USERNAMES, new String[] {}, owners.toArray(String[]::new))
                .json());
        for (int i = 0; i < owners.size(); i++) {
            String u = owners.get(i);
            boolean complete = i % 4 != 0;
            INSTAGRAM.profile(u, u, "", complete ? u + "@example.de" : "", complete ? "+4930777777" : "", "", 1);
        }
        long t0 = System.nanoTime();
        long id = api.startRun("bench" + prefix.replace("_", ""));
        JsonNode done = api.awaitRun(id, r -> r.path("finishedAt").isString(), Duration.ofMinutes(15));
        double wall = (System.nanoTime() - t0) / 1e9;
        Map<String, Integer> byInstance = new HashMap<>();
        jdbc.sql("select owner from run_batches where run_id = :id and owner is not null")
                .param("id", id)
                .query(String.class)
                .list()
                .forEach(owner -> byInstance.merge(owner.substring(0, owner.indexOf('/')), 1, Integer::sum));
        line(
                report,
                "| %d | %d | %.1f | %.1f | %s | %d | %d |",
                instances,
                run,
                wall,
                done.path("counts").path("profilesEnriched").asInt() / wall,
                byInstance.values().stream().sorted().toList(),
                INSTAGRAM.inputs().size(),
                Fakes.APIFY_METER.maxInFlight(Fakes.PROFILE_PATH));
        if (!"COMPLETED".equals(done.path("status").asString())) {
            line(report, "run %d ended %s: %s", id, done.path("status").asString(), done.path("error"));
        }
    }

    private static ConfigurableApplicationContext start() {
        TestPostgres.Database db = TestPostgres.database();
        return new SpringApplicationBuilder(LeadGenApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN",
                        "--logging.level.app.leadgen=WARN",
                        "--spring.datasource.url=" + db.url(),
                        "--spring.datasource.username=" + db.username(),
                        "--spring.datasource.password=" + db.password(),
                        "--leadgen.apify.base-url=" + Fakes.apifyUrl(),
                        "--leadgen.perplexity.base-url=" + Fakes.perplexityUrl(),
                        "--leadgen.apify.profile-batch-size=5",
                        "--leadgen.apify.max-concurrent-calls=10",
                        "--leadgen.perplexity.max-concurrent-calls=5",
                        "--jobrunr.background-job-server.worker-count=4",
                        "--leadgen.apify.read-timeout=120s",
                        "--leadgen.perplexity.timeout=60s");
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(java.util.Locale.ROOT, format, args)).append('\n');
    }
}
