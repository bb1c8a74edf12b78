package app.leadgen.bench;

import app.leadgen.LeadGenApplication;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * Benchmark harness (not a test; surefire excludes {@code **}{@code /bench/**}): the app with an H2
 * file database (as the default installation runs) filled with {@code bench.leads} (20,000) leads by
 * direct inserts, then timed over HTTP: CSV and Excel exports of the whole table, and pages of
 * {@code GET /api/leads} sorted by several columns. Each measurement is taken {@code bench.runs} (3)
 * times after one unmeasured warm-up; the report gives min and median.
 *
 * <pre>
 * ./mvnw -B -q -o test-compile exec:java -Dexec.mainClass=app.leadgen.bench.ExportBenchmark -Dexec.classpathScope=test
 * </pre>
 */
public final class ExportBenchmark {

    private static final int LEADS = Integer.getInteger("bench.leads", 20_000);
    private static final int RUNS = Integer.getInteger("bench.runs", 3);
    private static final Path DATA = Path.of("target", "bench-export-db");
    private static final List<String> SORTS =
            List.of("foundAt,desc", "username,asc", "followers,desc", "bio,asc", "duplicate,desc");

    private record Timing(double[] millis, long bytes, double firstByteMillis) {}

    private ExportBenchmark() {}

    public static void main(String[] args) throws Exception {
        FileSystemUtils.deleteRecursively(DATA);
        StringBuilder report = new StringBuilder();
        line(report, "# ExportBenchmark " + Instant.now());
        line(
                report,
                "JVM %s %s, %d CPUs, max heap %d MiB; load average at start: %s",
                System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20,
                loadAverage());
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LeadGenApplication.class)
                .profiles("test")
                // arguments, not .properties(...): default properties would lose to the test profile
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:h2:file:./" + DATA
                                + "/leadgen;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                        "--jobrunr.background-job-server.enabled=false",
                        "--leadgen.export.page-size=" + Integer.getInteger("bench.page-size", 1000),
                        "--logging.level.app.leadgen=WARN")) {
            String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            long fillStart = System.nanoTime();
            int usernames = fill(app.getBean(JdbcTemplate.class));
            line(
                    report,
                    "Filled %,d leads (%,d usernames, %s) in %.1f s; database: H2 file, %s",
                    LEADS,
                    usernames,
                    "bios with umlauts, commas, quotes, line breaks and formulas",
                    (System.nanoTime() - fillStart) / 1e9,
                    dbUrl(app.getEnvironment()));
            HttpClient http = HttpClient.newHttpClient();

            line(report, "");
            line(report, "| export (whole table, foundAt,desc) | min | median | first byte (median) | size |");
            line(report, "|---|---|---|---|---|");
            for (String format : List.of("csv", "xlsx")) {
                Timing t = measure(http, base + "/export?format=" + format);
                line(
                        report,
                        "| %s | %.2f s | %.2f s | %.2f s | %,d bytes (%.1f MB) |",
                        format.toUpperCase(Locale.ROOT),
                        min(t.millis()) / 1000,
                        median(t.millis()) / 1000,
                        t.firstByteMillis() / 1000,
                        t.bytes(),
                        t.bytes() / 1e6);
            }

            line(report, "");
            line(
                    report,
                    "| GET /api/leads, size=50 | first page min / median | page 200 min / median | last page min / median |");
            line(report, "|---|---|---|---|");
            int last = (LEADS - 1) / 50;
            for (String sort : SORTS) {
                StringBuilder row = new StringBuilder("| " + sort + " |");
                for (int page : new int[] {0, 200, last}) {
                    Timing t = measure(http, base + "/api/leads?size=50&page=" + page + "&sort=" + sort);
                    row.append(String.format(Locale.ROOT, " %.0f / %.0f ms |", min(t.millis()), median(t.millis())));
                }
                line(report, row.toString());
            }
            line(report, "");
            line(report, "Load average at the end: %s", loadAverage());
        }
        System.out.println(report);
        Path out = Path.of("target", "benchmarks", "export-benchmark.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /** One warm-up, then {@link #RUNS} timed requests reading the whole body. */
    private static Timing measure(HttpClient http, String url) throws IOException, InterruptedException {
        fetch(http, url, new double[2]);
        double[] millis = new double[RUNS];
        double[] firstByte = new double[RUNS];
        long bytes = 0;
        for (int i = 0; i < RUNS; i++) {
            double[] t = new double[2];
            bytes = fetch(http, url, t);
            millis[i] = t[0];
            firstByte[i] = t[1];
        }
        return new Timing(millis, bytes, median(firstByte));
    }

    /** Reads the answer to the end; times[0] = total ms, times[1] = ms until the headers came. */
    private static long fetch(HttpClient http, String url, double[] times) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<InputStream> r = http.send(
                app.leadgen.testing.Api.withKey(HttpRequest.newBuilder(URI.create(url)))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        times[1] = (System.nanoTime() - start) / 1e6;
        long bytes;
        try (InputStream in = r.body()) {
            bytes = in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        times[0] = (System.nanoTime() - start) / 1e6;
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode());
        }
        return bytes;
    }

    /**
     * Two runs; a fifth of the usernames occur in two rows (duplicates), and 90% have a profile. Returns the number of distinct usernames.
     */
    private static int fill(JdbcTemplate jdbc) {
        Random random = new Random(42);
        Timestamp now = Timestamp.from(Instant.now());
        long[] runs = new long[2];
        for (int r = 0; r < 2; r++) {
            jdbc.update("insert into runs (source, keyword, status, stage, created_at) values"
                    + " ('instagram', 'fitness', 'COMPLETED', 'DONE', current_timestamp)");
            runs[r] = jdbc.queryForObject("select max(id) from runs", Long.class);
        }
        int distinct = (int) Math.round(LEADS / 1.2);
        List<Object[]> leads = new ArrayList<>(LEADS);
        for (int i = 0; i < LEADS; i++) {
            int user = i < distinct ? i : i - distinct; // the first usernames get a second row
            String hashtag = i < distinct ? "fitness" + (i % 50) : "fitnessberlin";
            leads.add(new Object[] {
                runs[i % 2], "instagram", hashtag, "user_" + user, "fitness", new Timestamp(now.getTime() - i * 1000L)
            });
        }
        jdbc.batchUpdate(
                "insert into leads (run_id, source, hashtag, username, keyword, found_at) values (?, ?, ?, ?, ?, ?)",
                leads);
        List<Object[]> profiles = new ArrayList<>();
        for (int u = 0; u < distinct; u++) {
            if (u % 10 == 9) {
                continue; // no profile: empty columns
            }
            profiles.add(new Object[] {
                "user_" + u,
                "Studio Müller " + u,
                bio(u),
                "info" + u + "@studio-" + u + ".de",
                "apify:8WEn9FvZnhE7lM3oA",
                u % 3 == 0 ? "+49 30 " + (1_000_000 + u) : null,
                u % 3 == 0 ? "perplexity:sonar" : null,
                "https://studio-" + u + ".de",
                "apify:8WEn9FvZnhE7lM3oA",
                (long) random.nextInt(2_000_000),
                now
            });
        }
        jdbc.batchUpdate(
                "insert into ig_profiles (username, full_name, bio, email, email_source, phone, phone_source,"
                        + " website, website_source, followers, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                profiles);
        return distinct;
    }

    private static String bio(int u) {
        return switch (u % 5) {
            case 0 -> "Personal Training für Größere & Ältere 💪 Berlin-Kreuzberg • Termine per DM";
            case 1 -> "Yoga, Pilates, \"Functional Fitness\"\nMo–Fr 7–21 Uhr, Sa 9–14 Uhr";
            case 2 -> "=HYPERLINK(\"http://evil.example\",\"Jetzt buchen\")";
            case 3 -> "Ernährungsberatung | Coaching | Online-Kurse, Workshops; Kooperationen: info@studio.de";
            default -> "";
        };
    }

    private static String dbUrl(Environment env) {
        return env.getProperty("spring.datasource.url", "").replaceAll(";.*", "");
    }

    private static String loadAverage() {
        try {
            return String.join(
                    " ",
                    Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(0);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static void line(StringBuilder report, String format, Object... args) {
        report.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
