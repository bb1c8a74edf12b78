package app.leadgen.bench;

import app.leadgen.LeadGenApplication;
import app.leadgen.testing.Api;
import app.leadgen.testing.Fakes;
import app.leadgen.testing.LocalWebsites;
import app.leadgen.testing.SearchItems;
import app.leadgen.testing.TestPostgres;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Benchmark harness (not a test; surefire excludes {@code **}{@code /bench/**}): how soon a run
 * starts after {@code POST /api/runs} answered. JobRunr polls its queue every 5 s; {@code RunQueue}
 * wakes this instance's job server at once, so the goal is well under a second.
 *
 * <p>Starts the real app (test profile, fakes for Apify and Perplexity) on H2, and on PostgreSQL too
 * when {@code LEADGEN_TEST_POSTGRES_URL} is set. Per database it posts {@code bench.warmup} (1)
 * unmeasured and then {@code bench.runs} (10) measured Instagram runs one after the other (each one
 * small: one username with a complete profile, waited for until it has finished, so a worker is
 * free at every start) and reports per run the time from the POST's answer (client clock) to the
 * run's {@code startedAt} and to the first request at the Apify fake (the crawl's search), with
 * min / median / max. The app runs in this JVM, so all three clocks are one.
 *
 * <pre>
 * LEADGEN_TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:5432/postgres \
 * ./mvnw -B -q -o test-compile exec:java -Dexec.mainClass=app.leadgen.bench.StartLatencyBenchmark -Dexec.classpathScope=test
 * </pre>
 */
public final class StartLatencyBenchmark {

    private static final int WARMUP = Integer.getInteger("bench.warmup", 1);
    private static final int RUNS = Integer.getInteger("bench.runs", 10);

    /** One measured run; all times in milliseconds, from the moment the POST's answer was read. */
    private record Result(int run, String status, long toStarted, long toFirstApifyCall, long createdToStarted) {}

    private StartLatencyBenchmark() {}

    public static void main(String[] args) throws Exception {
        StringBuilder report = new StringBuilder();
        line(report, "# StartLatencyBenchmark " + Instant.now());
        line(
                report,
                "JVM %s %s, %d CPUs; %d warm-up + %d measured runs per database, one after the other;"
                        + " load average at the start %s",
                System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"),
                Runtime.getRuntime().availableProcessors(),
                WARMUP,
                RUNS,
                loadAverage());
        Fakes.reset(); // starts the fakes
        try {
            measure(report, "H2 (in memory)", List.of());
            String postgres = System.getenv("LEADGEN_TEST_POSTGRES_URL");
            if (postgres != null && !postgres.isBlank()) {
                TestPostgres.Database db = TestPostgres.database();
                measure(
                        report,
                        "PostgreSQL (" + postgres.replaceFirst("\\?.*", "") + ")",
                        List.of(
                                "--spring.datasource.url=" + db.url(),
                                "--spring.datasource.username=" + db.username(),
                                "--spring.datasource.password=" + db.password()));
            } else {
                line(report, "");
                line(report, "(LEADGEN_TEST_POSTGRES_URL is not set: PostgreSQL skipped)");
            }
        } finally {
            Path out = Path.of("target", "benchmarks", "start-latency.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            System.out.println("(also written to " + out + ")");
        }
        System.exit(0); // the fakes' threads are not daemons
    }

    private static void measure(StringBuilder report, String database, List<String> databaseArgs) {
        ConfigurableApplicationContext app = start(databaseArgs);
        try {
            Api api = new Api(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
            for (int i = 1; i <= WARMUP; i++) {
                once(api, "warm" + i);
            }
            List<Result> results = new ArrayList<>();
            for (int i = 1; i <= RUNS; i++) {
                results.add(once(api, "m" + i));
            }
            line(report, "");
            line(report, "## %s", database);
            line(report, "");
            line(
                    report,
                    "| run | status | POST answered → startedAt (ms) | POST answered → first Apify request (ms) |"
                            + " createdAt → startedAt (ms) |");
            line(report, "|---|---|---|---|---|");
            for (Result r : results) {
                line(
                        report,
                        "| %d | %s | %d | %d | %d |",
                        r.run,
                        r.status,
                        r.toStarted,
                        r.toFirstApifyCall,
                        r.createdToStarted);
            }
            line(report, "");
            line(report, "| from the POST's answer (ms) | min | median | max |");
            line(report, "|---|---|---|---|");
            summary(report, "to `startedAt`", results, Result::toStarted);
            summary(report, "to the first Apify request", results, Result::toFirstApifyCall);
            summary(report, "(server only) `createdAt` to `startedAt`", results, Result::createdToStarted);
        } finally {
            app.close();
        }
    }

    private static Result once(Api api, String tag) {
        Fakes.reset();
        String owner = "lat_" + tag + "_" + Long.toString(System.nanoTime(), 36);
        Fakes.searchAnswers(SearchItems.create()
                .hashtag("lat" + tag, 1, new String[] {}, owner)
                .json());
        Fakes.INSTAGRAM.profile(owner, "Start " + tag, "", owner + "@mail.example", "+49 30 1234567", "", 10);

        Api.Reply reply = api.postJson("/api/runs", "{\"keyword\": \"lat" + tag + "\"}");
        Instant answered = Instant.now();
        if (reply.status() != 202) {
            throw new IllegalStateException("run not accepted: " + reply.status() + " " + reply.body());
        }
        long id = reply.json().path("id").asLong();
        JsonNode run = api.awaitRun(id, r -> r.path("finishedAt").isString(), Duration.ofMinutes(2));
        Instant created = Instant.parse(run.path("createdAt").asString());
        Instant started = Instant.parse(run.path("startedAt").asString());
        Instant firstCall = Fakes.APIFY.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith(Fakes.SEARCH_PATH))
                .map(ServeEvent::getRequest)
                .map(r -> r.getLoggedDate().toInstant())
                .min(Instant::compareTo)
                .orElseThrow(() -> new IllegalStateException("run " + id + " made no Apify request: " + run));
        return new Result(
                Integer.parseInt(tag.replaceAll("\\D", "")),
                run.path("status").asString(),
                Duration.between(answered, started).toMillis(),
                Duration.between(answered, firstCall).toMillis(),
                Duration.between(created, started).toMillis());
    }

    private static ConfigurableApplicationContext start(List<String> databaseArgs) {
        // command-line arguments win over application.properties and the test profile
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--logging.level.app.leadgen=WARN",
                "--leadgen.apify.base-url=" + Fakes.apifyUrl(),
                "--leadgen.perplexity.base-url=" + Fakes.perplexityUrl(),
                "--leadgen.places.base-url=" + Fakes.placesUrl()));
        args.addAll(databaseArgs);
        return new SpringApplicationBuilder(LeadGenApplication.class, LocalWebsites.class)
                .profiles("test")
                .run(args.toArray(String[]::new));
    }

    private static void summary(StringBuilder out, String name, List<Result> results, ToLongFunction<Result> f) {
        long[] v = results.stream().mapToLong(f).sorted().toArray();
        long median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        line(
                out,
                "| %s | %d | %d | %d |",
                name,
                v[0],
                median,
                Arrays.stream(v).max().orElse(0));
    }

    /** The machine's load averages: other processes count too, the machine is shared. */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "?";
        }
    }

    private static void line(StringBuilder out, String format, Object... args) {
        String s = String.format(Locale.ROOT, format, args);
        out.append(s).append('\n');
        System.out.println(s);
    }
}
