package app.leadgen.bench;

import app.leadgen.LeadGenApplication;
import app.leadgen.testing.Api;
import app.leadgen.testing.Fakes;
import app.leadgen.testing.SearchItems;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Benchmark harness (not a test; surefire excludes {@code **}{@code /bench/**}): one Instagram run of
 * {@code bench.usernames} (200) unique usernames through the real app (HTTP API, JobRunr, H2,
 * Apify and Perplexity clients) against the WireMock fakes answering after {@code bench.latency}
 * (300) ms. Half of the profiles come back without email and phone, so they go to the web search.
 *
 * <p>Per configuration (profile batch size 5 and 1, at most 10 Apify / 5 Perplexity calls in
 * flight) it starts the app once, does {@code bench.warmup} (1) unmeasured runs, then
 * {@code bench.runs} (3) measured runs, each with fresh usernames, and prints a Markdown report:
 * wall times, per-stage times derived from the fakes' request journals, the most requests in
 * flight at the fakes, the lower bound set by the concurrency limits, RSS, heap and row counts.
 *
 * <pre>
 * ./mvnw -B -q -o test-compile exec:java -Dexec.mainClass=app.leadgen.bench.RunBenchmark -Dexec.classpathScope=test
 * </pre>
 */
public final class RunBenchmark {

    private static final int USERNAMES = Integer.getInteger("bench.usernames", 200);
    private static final int LATENCY_MS = Integer.getInteger("bench.latency", 300);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 1);
    private static final int RUNS = Integer.getInteger("bench.runs", 3);
    private static final int APIFY_MAX = 10;
    private static final int PERPLEXITY_MAX = 5;
    private static final String CHAT_PATH = "/chat/completions";

    private record Config(String name, int batchSize) {}

    /** The span of one stage as the fakes saw it: first request in to last response out. */
    private record Span(long start, long end, int calls, long busyMillis) {
        double seconds() {
            return (end - start) / 1000.0;
        }

        /** Time-averaged number of calls in flight during the span. */
        double avgInFlight() {
            return end > start ? (double) busyMillis / (end - start) : 0;
        }

        static Span of(List<ServeEvent> events) {
            long start = Long.MAX_VALUE;
            long end = Long.MIN_VALUE;
            long busy = 0;
            for (ServeEvent e : events) {
                long in = e.getRequest().getLoggedDate().getTime();
                long total = e.getTiming().getTotalTime();
                start = Math.min(start, in);
                end = Math.max(end, in + total);
                busy += total;
            }
            return events.isEmpty() ? new Span(0, 0, 0, 0) : new Span(start, end, events.size(), busy);
        }
    }

    private record Result(
            int run,
            String status,
            double postToFinished,
            double startedToFinished,
            double queued,
            Span search,
            Span profiles,
            Span websearch,
            double beforeSearch,
            double searchToProfiles,
            double profilesToWebsearch,
            double afterWebsearch,
            int maxProfilesInFlight,
            int maxChatInFlight,
            int leadsOfRun,
            int completeProfiles,
            int websearchTotal,
            int profilesFailed,
            int websearchFailed,
            double cpuSeconds,
            String loadAverage) {}

    private RunBenchmark() {}

    public static void main(String[] args) throws Exception {
        List<Config> configs = new ArrayList<>();
        for (String size : System.getProperty("bench.batch-sizes", "5,1").split(",")) {
            configs.add(new Config("batch " + size.strip(), Integer.parseInt(size.strip())));
        }
        int incomplete = USERNAMES / 2;
        StringBuilder report = new StringBuilder();
        line(report, "# RunBenchmark " + Instant.now());
        line(
                report,
                "JVM %s %s, %d CPUs, max heap %d MiB, GC %s",
                System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(b -> b.getName())
                        .toList());
        line(
                report,
                "%d usernames per run, %d of them incomplete (web search), fake latency %d ms on search,"
                        + " profile and chat calls; limits %d Apify / %d Perplexity; %d warm-up + %d measured runs",
                USERNAMES,
                incomplete,
                LATENCY_MS,
                APIFY_MAX,
                PERPLEXITY_MAX,
                WARMUP,
                RUNS);
        Fakes.reset(); // starts the fakes
        try {
            benchmark(configs, incomplete, report);
        } finally {
            // their threads are not daemons: exec:java would wait for them forever
            Fakes.APIFY.stop();
            Fakes.PERPLEXITY_SERVER.stop();
        }
    }

    private static void benchmark(List<Config> configs, int incomplete, StringBuilder report) throws IOException {
        line(report, "RSS before the app starts (Maven JVM + fakes): %d MiB", rssKib() >> 10);

        int seq = 0;
        for (Config config : configs) {
            ConfigurableApplicationContext app = start(config);
            try {
                Api api = new Api(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
                JdbcClient jdbc = app.getBean(JdbcClient.class);
                List<Result> results = new ArrayList<>();
                for (int i = 0; i < WARMUP + RUNS; i++) {
                    Result r = runOnce(api, jdbc, ++seq, incomplete);
                    if (i >= WARMUP) {
                        results.add(r);
                    } else {
                        line(
                                report,
                                "%s warm-up run: POST→finished %.2f s, started→finished %.2f s",
                                config.name,
                                r.postToFinished,
                                r.startedToFinished);
                    }
                }
                report(report, config, incomplete, results, app, jdbc);
            } finally {
                app.close();
            }
        }
        Path out = Path.of("target", "benchmarks", "run-benchmark.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println("(also written to " + out + ")");
    }

    private static ConfigurableApplicationContext start(Config config) {
        // command-line arguments, so they win over application.properties and the test profile
        // the profiles' websites are read from the local fake web, never resolved on the internet
        return new SpringApplicationBuilder(LeadGenApplication.class, app.leadgen.testing.LocalWebsites.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN",
                        "--logging.level.app.leadgen=WARN",
                        "--leadgen.apify.base-url=" + Fakes.apifyUrl(),
                        "--leadgen.perplexity.base-url=" + Fakes.perplexityUrl(),
                        "--leadgen.apify.profile-batch-size=" + config.batchSize,
                        "--leadgen.apify.max-concurrent-calls=" + APIFY_MAX,
                        "--leadgen.perplexity.max-concurrent-calls=" + PERPLEXITY_MAX,
                        // production timeouts: a slow answer on a busy machine must not become a retry
                        "--leadgen.apify.read-timeout=320s",
                        "--leadgen.perplexity.timeout=90s");
    }

    private static Result runOnce(Api api, JdbcClient jdbc, int seq, int incomplete) {
        Fakes.reset();
        Fakes.profileLatency(LATENCY_MS);
        Fakes.chatLatency(LATENCY_MS);
        String prefix = "r" + seq + "x"; // "r1x" is no prefix of "r10x"
        String[] owners = new String[USERNAMES];
        int missing = 0;
        for (int i = 0; i < USERNAMES; i++) {
            String u = prefix + String.format(Locale.ROOT, "user%03d", i);
            owners[i] = u;
            // every other profile lacks email and phone, spread over all batches
            boolean complete = i % 2 == 0 || missing >= incomplete;
            if (complete) {
                Fakes.INSTAGRAM.profile(
                        u,
                        "Name " + i,
                        "Bio " + i,
                        u + "@mail.example",
                        "+49 30 " + (100000 + i),
                        "https://" + u + ".example",
                        1000 + i);
            } else {
                missing++;
                Fakes.INSTAGRAM.profile(u, "Name " + i, "Bio " + i, "", "", "https://" + u + ".example", 1000 + i);
                Fakes.PERPLEXITY.answer(
                        u,
                        "{\"email\": \"info@" + u.replace('_', '-') + ".example\", \"phone\": \"+49 40 " + (200000 + i)
                                + "\", \"website\": \"N/A\"}");
            }
        }
        Fakes.searchAnswers(
                SearchItems.create()
                        .hashtag("bench" + seq, 1_000_000, new String[] {}, owners)
                        .json(),
                LATENCY_MS);

        String load = loadAverage();
        long cpuBefore = processCpuNanos();
        Instant posted = Instant.now();
        long id = api.startRun("bench" + seq);
        JsonNode run = api.awaitRun(id, r -> r.path("finishedAt").isString(), Duration.ofMinutes(5));
        Instant created = Instant.parse(run.path("createdAt").asString());
        Instant started = Instant.parse(run.path("startedAt").asString());
        Instant finished = Instant.parse(run.path("finishedAt").asString());
        double cpu = (processCpuNanos() - cpuBefore) / 1e9;

        Span search = Span.of(events(Fakes.APIFY, Fakes.SEARCH_PATH));
        Span profiles = Span.of(events(Fakes.APIFY, Fakes.PROFILE_PATH));
        Span websearch = Span.of(events(Fakes.PERPLEXITY_SERVER, CHAT_PATH));
        long startedMs = started.toEpochMilli();
        long finishedMs = finished.toEpochMilli();
        long lastCallEnd = websearch.calls > 0 ? websearch.end : profiles.end;

        int leads = jdbc.sql("select count(*) from leads where run_id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
        int complete = jdbc.sql("select count(*) from ig_profiles where username like :p and email is not null"
                        + " and phone is not null and website is not null")
                .param("p", prefix + "%")
                .query(Integer.class)
                .single();
        if (!"COMPLETED".equals(run.path("status").asString())) {
            throw new IllegalStateException("run " + id + " did not complete: " + run);
        }
        JsonNode counts = run.path("counts");
        return new Result(
                seq,
                run.path("status").asString(),
                seconds(posted.toEpochMilli(), finishedMs),
                seconds(startedMs, finishedMs),
                seconds(created.toEpochMilli(), startedMs),
                search,
                profiles,
                websearch,
                seconds(startedMs, search.start),
                seconds(search.end, profiles.start),
                websearch.calls > 0 ? seconds(profiles.end, websearch.start) : 0,
                seconds(lastCallEnd, finishedMs),
                Fakes.APIFY_METER.maxInFlight(Fakes.PROFILE_PATH),
                Fakes.PERPLEXITY_METER.maxInFlight(CHAT_PATH),
                leads,
                complete,
                counts.path("websearchTotal").asInt(),
                counts.path("profilesFailed").asInt(),
                counts.path("websearchFailed").asInt(),
                cpu,
                load);
    }

    private static void report(
            StringBuilder out,
            Config config,
            int incomplete,
            List<Result> results,
            ConfigurableApplicationContext app,
            JdbcClient jdbc) {
        int profileCalls = ceilDiv(USERNAMES, config.batchSize);
        int profileWaves = ceilDiv(profileCalls, APIFY_MAX);
        int chatWaves = ceilDiv(incomplete, PERPLEXITY_MAX);
        double lat = LATENCY_MS / 1000.0;
        double sequential = lat + profileWaves * lat + chatWaves * lat;
        // stages overlap: the web search can start once the first profile wave is back, and the last
        // profile wave's incomplete accounts still need their searches after it
        int lastWaveIncomplete = ceilDiv(
                Math.min(incomplete, Math.max(1, incomplete * APIFY_MAX * config.batchSize / USERNAMES)),
                PERPLEXITY_MAX);
        double bound = lat + Math.max(lat + chatWaves * lat, profileWaves * lat + lastWaveIncomplete * lat);

        line(out, "");
        line(out, "## %s (profile-batch-size=%d)", config.name, config.batchSize);
        line(
                out,
                "Bound: search %.1f s + profiles ceil(%d/%d)=%d calls / %d in flight = %d waves × %.1f s = %.1f s"
                        + " + web search ceil(%d/%d) = %d waves × %.1f s = %.1f s → %.1f s one after the other;"
                        + " overlapped (the web search starts with the first profile wave): %.1f s",
                lat,
                USERNAMES,
                config.batchSize,
                profileCalls,
                APIFY_MAX,
                profileWaves,
                lat,
                profileWaves * lat,
                incomplete,
                PERPLEXITY_MAX,
                chatWaves,
                lat,
                chatWaves * lat,
                sequential,
                bound);
        line(out, "");
        line(
                out,
                "| run | status | POST→finished s | queued s | started→finished s | search s | profiles s (calls, avg/max in flight) | web search s (calls, avg/max in flight) | gaps s: start→search / search→profiles / profiles→web / web→finish | leads | complete profiles | failed p/w | JVM CPU s (POST→seen finished) | load avg 1/5/15 min at POST |");
        line(out, "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Result r : results) {
            line(
                    out,
                    "| %d | %s | %.2f | %.2f | %.2f | %.2f | %.2f (%d, %.1f/%d) | %.2f (%d, %.1f/%d) | %.3f / %.3f / %.3f / %.3f | %d | %d | %d/%d | %.1f | %s |",
                    r.run,
                    r.status,
                    r.postToFinished,
                    r.queued,
                    r.startedToFinished,
                    r.search.seconds(),
                    r.profiles.seconds(),
                    r.profiles.calls,
                    r.profiles.avgInFlight(),
                    r.maxProfilesInFlight,
                    r.websearch.seconds(),
                    r.websearch.calls,
                    r.websearch.avgInFlight(),
                    r.maxChatInFlight,
                    r.beforeSearch,
                    r.searchToProfiles,
                    r.profilesToWebsearch,
                    r.afterWebsearch,
                    r.leadsOfRun,
                    r.completeProfiles,
                    r.profilesFailed,
                    r.websearchFailed,
                    r.cpuSeconds,
                    r.loadAverage);
        }
        line(out, "");
        line(out, "| metric | min | median | bound |");
        line(out, "|---|---|---|---|");
        summary(out, "POST→finished (s), includes JobRunr's poll (≤ 5 s)", results, r -> r.postToFinished, 0);
        summary(out, "started→finished (s)", results, r -> r.startedToFinished, bound);
        summary(out, "search stage (s)", results, r -> r.search.seconds(), lat);
        summary(out, "profiles stage (s)", results, r -> r.profiles.seconds(), profileWaves * lat);
        summary(out, "web search stage (s)", results, r -> r.websearch.seconds(), chatWaves * lat);
        summary(
                out,
                "started→finished minus the three stages (s)",
                results,
                r -> r.startedToFinished - r.search.seconds() - r.profiles.seconds() - r.websearch.seconds(),
                0);
        summary(
                out,
                "profiles: overhead per wave (ms)",
                results,
                r -> (r.profiles.seconds() - profileWaves * lat) * 1000 / profileWaves,
                0);
        summary(
                out,
                "web search: overhead per wave (ms)",
                results,
                r -> (r.websearch.seconds() - chatWaves * lat) * 1000 / chatWaves,
                0);
        summary(out, "max profile calls in flight", results, r -> r.maxProfilesInFlight, APIFY_MAX);
        summary(out, "max chat calls in flight", results, r -> r.maxChatInFlight, PERPLEXITY_MAX);

        Runtime rt = Runtime.getRuntime();
        long heapBefore = rt.totalMemory() - rt.freeMemory();
        System.gc();
        long heapAfter = rt.totalMemory() - rt.freeMemory();
        int leads = jdbc.sql("select count(*) from leads").query(Integer.class).single();
        int profiles = jdbc.sql("select count(*) from ig_profiles")
                .query(Integer.class)
                .single();
        int runs = jdbc.sql("select count(*) from runs").query(Integer.class).single();
        line(out, "");
        line(
                out,
                "After the last run: RSS %d MiB, heap used %d MiB (after System.gc(): %d MiB, committed %d MiB);"
                        + " this app's DB holds %d runs, %d leads, %d profiles",
                rssKib() >> 10,
                heapBefore >> 20,
                heapAfter >> 20,
                rt.totalMemory() >> 20,
                runs,
                leads,
                profiles);
    }

    private static void summary(
            StringBuilder out, String name, List<Result> results, ToDoubleFunction<Result> f, double bound) {
        double[] v = results.stream().mapToDouble(f).sorted().toArray();
        double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        line(
                out,
                "| %s | %.2f | %.2f | %s |",
                name,
                v[0],
                median,
                bound == 0 ? "" : String.format(Locale.ROOT, "%.2f", bound));
    }

    private static List<ServeEvent> events(WireMockServer server, String path) {
        return server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith(path))
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .toList();
    }

    /** CPU time of this whole JVM (Maven, fakes, app, poller), in nanoseconds. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : 0;
    }

    /** The machine's load averages: other processes count too, the machine is shared. */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static long rssKib() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmRSS:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: no RSS
        }
        return -1;
    }

    private static double seconds(long fromMillis, long toMillis) {
        return (toMillis - fromMillis) / 1000.0;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private static void line(StringBuilder out, String format, Object... args) {
        String s = String.format(Locale.ROOT, format, args);
        out.append(s).append('\n');
        System.out.println(s);
    }
}
