package app.leadgen.bench;

import app.leadgen.testing.Api;
import app.leadgen.testing.Fakes;
import app.leadgen.testing.SearchItems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Benchmark harness (not a test): the memory of the packaged app as its own process after the
 * 200-username Instagram run. Unlike {@link RunBenchmark}, which runs the app inside Maven's JVM,
 * this starts {@code target/leadgen.jar} with the JVM options of README.md's production line
 * ({@code java … -jar target/leadgen.jar}) against a fresh H2 directory, points it at the same
 * WireMock fakes (Apify, Perplexity; 300 ms latency, half of the profiles without contact details),
 * does {@code bench.warmup} (1) + {@code bench.runs} (3) runs of {@code bench.usernames} (200) fresh
 * usernames, and reads the process's VmRSS and VmHWM after each. With {@code
 * -XX:NativeMemoryTracking=summary} among the JVM options it adds the JVM's own memory account.
 *
 * <pre>
 * ./mvnw -B -q package -DskipTests
 * ./mvnw -B -q -o test-compile exec:java -Dexec.mainClass=app.leadgen.bench.JarRunBenchmark -Dexec.classpathScope=test
 * </pre>
 *
 * Optional: {@code -Dbench.jvm="-Xmx256m -XX:+UseSerialGC"} (instead of README.md's options),
 * {@code -Dbench.jar=target/leadgen.jar}, {@code -Dbench.batch-size=5}, {@code -Dbench.latency=300},
 * {@code -Dbench.histogram=true} (the live objects after the runs) with {@code -Dbench.histogram-lines=30}.
 */
public final class JarRunBenchmark {

    private static final int USERNAMES = Integer.getInteger("bench.usernames", 200);
    private static final int LATENCY_MS = Integer.getInteger("bench.latency", 300);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 1);
    private static final int RUNS = Integer.getInteger("bench.runs", 3);
    private static final int BATCH_SIZE = Integer.getInteger("bench.batch-size", 5);
    private static final int HISTOGRAM_LINES = Integer.getInteger("bench.histogram-lines", 30);

    private JarRunBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path jar =
                Path.of(System.getProperty("bench.jar", "target/leadgen.jar")).toAbsolutePath();
        List<String> jvm = jvmOptions();
        StringBuilder report = new StringBuilder();
        line(report, "# JarRunBenchmark " + Instant.now());
        line(report, "jar %s (%d MB), JVM options: %s", jar, Files.size(jar) >> 20, String.join(" ", jvm));
        line(
                report,
                "%d usernames per run (half without contact details), fake latency %d ms, profile batch size %d,"
                        + " %d warm-up + %d measured runs",
                USERNAMES,
                LATENCY_MS,
                BATCH_SIZE,
                WARMUP,
                RUNS);
        Fakes.reset(); // starts the fakes
        Path dir = Files.createTempDirectory("leadgen-jar-bench");
        int port = Integer.getInteger(
                "bench.port", 18_000 + (int) (ProcessHandle.current().pid() % 1000));
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(jvm);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("app.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("SERVER_PORT", String.valueOf(port));
        env.put("SECRET_KEY", "jar-benchmark-secret-key");
        // the benchmark calls the API with the test profile's key (Api), as an admin
        env.put("API_KEY", Api.KEY);
        env.put("APIFY_TOKEN", Fakes.APIFY_TOKEN);
        env.put("APIFY_BASE_URL", Fakes.apifyUrl());
        env.put("APIFY_PROFILE_BATCH_SIZE", String.valueOf(BATCH_SIZE));
        env.put("APIFY_MAX_CONCURRENT", "10");
        env.put("PERPLEXITY_API_KEY", "pplx-test-key");
        env.put("PERPLEXITY_BASE_URL", Fakes.perplexityUrl());
        env.put("PERPLEXITY_MAX_CONCURRENT", "5");
        // as RunBenchmark (test profile): no anti-spam pause between the batches of 50 profiles
        env.put("RUN_BATCH_PAUSE", "0s");

        long launched = System.nanoTime();
        Process app = builder.start();
        try {
            Api api = new Api(port);
            awaitPing(api, app, dir);
            line(
                    report,
                    "first /ping OK after %.2f s: %s, load average %s",
                    (System.nanoTime() - launched) / 1e9,
                    memory(app),
                    loadAverage());
            line(report, "");
            line(report, "| run | status | POST→finished s | started→finished s | leads | complete | after the run |");
            line(report, "|---|---|---|---|---|---|---|");
            for (int i = 1; i <= WARMUP + RUNS; i++) {
                runOnce(api, app, i, i <= WARMUP, report);
            }
            Api.sleep(10_000);
            line(report, "");
            line(report, "10 s after the last run: %s, load average %s", memory(app), loadAverage());
            line(report, "");
            line(report, "```");
            line(report, "%s", jcmd(app, "GC.heap_info"));
            line(report, "```");
            if (Boolean.getBoolean("bench.histogram")) { // a full GC first: what stays alive
                line(report, "");
                line(report, "```");
                line(
                        report,
                        "%s",
                        jcmd(app, "GC.class_histogram")
                                .lines()
                                .limit(HISTOGRAM_LINES)
                                .collect(Collectors.joining("\n")));
                line(report, "```");
            }
            if (jvm.stream().anyMatch(o -> o.startsWith("-XX:NativeMemoryTracking"))) {
                line(report, "");
                line(report, "```");
                line(report, "%s", jcmd(app, "VM.native_memory", "summary"));
                line(report, "```");
            }
        } finally {
            app.destroy();
            if (!app.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
            // their threads are not daemons: exec:java would wait for them forever
            Fakes.APIFY.stop();
            Fakes.PERPLEXITY_SERVER.stop();
            Fakes.GOOGLE.stop();
            Fakes.OPENAI.stop();
            Fakes.PLACES.stop();
            Fakes.WEB.close();
        }
        Path out = Path.of("target", "benchmarks", "jar-run-benchmark.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println("(also written to " + out + "; the app's log: " + dir.resolve("app.log") + ")");
    }

    private static void runOnce(Api api, Process app, int seq, boolean warmup, StringBuilder report) {
        Fakes.reset();
        Fakes.profileLatency(LATENCY_MS);
        Fakes.chatLatency(LATENCY_MS);
        String prefix = "j" + seq + "x";
        String[] owners = new String[USERNAMES];
        for (int i = 0; i < USERNAMES; i++) {
            String u = prefix + String.format(Locale.ROOT, "user%03d", i);
            owners[i] = u;
            if (i % 2 == 0) {
                Fakes.INSTAGRAM.profile(
                        u,
                        "Name " + i,
                        "Bio " + i,
                        u + "@mail.example",
                        "+49 30 " + (100000 + i),
                        "https://" + u + ".example",
                        1000 + i);
            } else {
                Fakes.INSTAGRAM.profile(u, "Name " + i, "Bio " + i, "", "", "https://" + u + ".example", 1000 + i);
                Fakes.PERPLEXITY.answer(
                        u,
                        "{\"email\": \"info@" + u + ".example\", \"phone\": \"+49 40 " + (200000 + i)
                                + "\", \"website\": \"N/A\"}");
            }
        }
        Fakes.searchAnswers(
                SearchItems.create()
                        .hashtag("jarbench" + seq, 1_000_000, new String[] {}, owners)
                        .json(),
                LATENCY_MS);

        Instant posted = Instant.now();
        long id = api.startRun("jarbench" + seq);
        JsonNode run = api.awaitRun(id, r -> r.path("finishedAt").isString(), Duration.ofMinutes(10));
        Instant started = Instant.parse(run.path("startedAt").asString());
        Instant finished = Instant.parse(run.path("finishedAt").asString());
        JsonNode leads = api.get("/api/leads?runId=" + id + "&size=500").json();
        long complete = 0;
        for (JsonNode lead : leads.path("items")) {
            if (!lead.path("email").asString("").isBlank()
                    && !lead.path("phone").asString("").isBlank()
                    && !lead.path("website").asString("").isBlank()) {
                complete++;
            }
        }
        String status = run.path("status").asString();
        line(
                report,
                "| %s | %s | %.2f | %.2f | %d | %d | %s |",
                warmup ? seq + " (warm-up)" : String.valueOf(seq),
                status,
                Duration.between(posted, finished).toMillis() / 1000.0,
                Duration.between(started, finished).toMillis() / 1000.0,
                leads.path("total").asLong(),
                complete,
                memory(app));
        if (!"COMPLETED".equals(status) || leads.path("total").asLong() != USERNAMES || complete != USERNAMES) {
            throw new IllegalStateException("run " + id + " did not give " + USERNAMES + " complete leads: " + run);
        }
    }

    private static void awaitPing(Api api, Process app, Path dir) throws IOException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new IllegalStateException("the app ended: " + Files.readString(dir.resolve("app.log")));
            }
            try {
                if ("OK".equals(api.get("/ping").body())) {
                    return;
                }
            } catch (IllegalStateException notListeningYet) {
                // connection refused until Tomcat is up
            }
            Api.sleep(50);
        }
        throw new IllegalStateException("no /ping OK within 5 minutes");
    }

    /** The options between {@code java} and {@code -jar} of README.md's start line, unless bench.jvm is set. */
    static List<String> jvmOptions() throws IOException {
        String given = System.getProperty("bench.jvm");
        if (given != null) {
            return given.isBlank() ? List.of() : Arrays.asList(given.strip().split("\\s+"));
        }
        for (String l : Files.readAllLines(Path.of("README.md"))) {
            if (l.strip().startsWith("java ") && l.contains(" -jar ")) {
                String options = l.strip().substring("java ".length(), l.strip().indexOf(" -jar "));
                return options.isBlank()
                        ? List.of()
                        : Arrays.asList(options.strip().split("\\s+"));
            }
        }
        throw new IllegalStateException("README.md has no line beginning with 'java' and holding '-jar'");
    }

    /** A diagnostic command's answer, e.g. the JVM's own memory account with -XX:NativeMemoryTracking. */
    private static String jcmd(Process app, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("jcmd", String.valueOf(app.pid())));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        jcmd.waitFor();
        return out.strip();
    }

    /** VmRSS, VmHWM and CPU seconds of the app's process. */
    private static String memory(Process app) {
        try {
            long rss = -1;
            long hwm = -1;
            for (String l : Files.readAllLines(Path.of("/proc/" + app.pid() + "/status"))) {
                if (l.startsWith("VmRSS:")) {
                    rss = Long.parseLong(l.replaceAll("[^0-9]", "")) >> 10;
                } else if (l.startsWith("VmHWM:")) {
                    hwm = Long.parseLong(l.replaceAll("[^0-9]", "")) >> 10;
                }
            }
            double cpu = app.info()
                    .totalCpuDuration()
                    .map(d -> d.toMillis() / 1000.0)
                    .orElse(-1.0);
            return String.format(Locale.ROOT, "VmRSS %d MiB, VmHWM %d MiB, CPU %.1f s", rss, hwm, cpu);
        } catch (IOException | RuntimeException e) {
            return "memory unknown (" + e + ")";
        }
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static void line(StringBuilder out, String format, Object... args) {
        String s = String.format(Locale.ROOT, format, args);
        out.append(s).append('\n');
        System.out.println(s);
    }
}
