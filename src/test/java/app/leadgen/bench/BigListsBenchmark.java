package app.leadgen.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark harness of issue #13 (not a test): times a running app (started by {@code
 * perf/big-lists.sh} from the packaged jar with the README's production options, on data from
 * {@link BigListsData}) over HTTP: the first page of every sort column of {@code /api/leads},
 * {@code /api/contacts} and {@code /api/companies} and a few filters (p50/p95 of {@code bench.reps}
 * requests after one warm-up), a deep page by OFFSET and by cursor, searches, and exports with the
 * app's peak resident memory (VmHWM of {@code bench.pid}).
 *
 * <pre>
 * java -cp ... app.leadgen.bench.BigListsBenchmark http://127.0.0.1:PORT KEY PID LABEL
 * </pre>
 */
public final class BigListsBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int REPS = Integer.getInteger("bench.reps", 10);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static String base;
    private static String key;
    private static long pid;
    private static final StringBuilder REPORT = new StringBuilder();

    private BigListsBenchmark() {}

    public static void main(String[] args) throws Exception {
        base = args[0];
        key = args[1];
        pid = Long.parseLong(args[2]);
        String label = args[3];
        List<String> exports =
                Arrays.asList(System.getProperty("bench.exports", "").split(","));
        line("# Big lists: %s (load average %s)", label, load());
        if (!Boolean.getBoolean("bench.exports-only")) {
            lists();
        }
        for (String export : exports) {
            if (!export.isBlank()) {
                export(export.strip());
            }
        }
        line("");
        line("load average at the end: %s; VmHWM (peak RSS) of the app: %d MiB", load(), hwm());
        Path out = Path.of("target", "benchmarks", "big-lists-" + label + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, REPORT);
    }

    private static void lists() throws Exception {
        JsonNode first = json("/api/leads?size=1");
        line("leads: total %s (estimate: %s)", first.path("total"), first.path("totalIsEstimate"));
        line("");
        line("| request (first page, size=50) | p50 | p95 |");
        line("|---|---|---|");
        for (String field : List.of(
                "foundAt",
                "username",
                "fullName",
                "bio",
                "email",
                "phone",
                "website",
                "followers",
                "hashtag",
                "keyword",
                "runId",
                "duplicate",
                "source",
                "sentAt",
                "name",
                "category",
                "city",
                "rating",
                "reviewCount",
                "status",
                "score",
                "id")) {
            row("/api/leads?size=50&sort=" + field + ",desc");
        }
        row("/api/leads?size=50&sort=email,asc");
        long run = first.path("items").path(0).path("runId").asLong();
        row("/api/leads?size=50&source=places&sort=foundAt,desc");
        row("/api/leads?size=50&runId=" + run + "&sort=email,desc");
        row("/api/leads?size=50&runId=" + run + "&source=instagram&sort=followers,desc");

        JsonNode total = json("/api/leads?size=1&sort=foundAt,desc");
        long middle = Math.min(total.path("total").asLong() / 2, 999_000);
        long page = middle / 50;
        String deep = "/api/leads?size=50&sort=foundAt,desc&page=" + page;
        row(deep + " (OFFSET " + page * 50 + ")", deep);
        JsonNode at = json(deep);
        JsonNode last = at.path("items").path(49);
        // the app before issue #13 had no cursor (and ignores the parameter)
        if (!last.isMissingNode() && first.has("totalIsEstimate")) {
            String cursor = cursor(
                    "foundAt,desc",
                    last.path("id").asLong(),
                    last.path("foundAt").asString());
            row(
                    "/api/leads?size=50&sort=foundAt,desc&cursor=… (same depth)",
                    "/api/leads?size=50&sort=foundAt,desc&cursor=" + cursor);
            walk("/api/leads?size=50&sort=foundAt,desc", cursor);
        }

        JsonNode contacts = json("/api/contacts?size=1");
        line("");
        line("contacts: total %s (estimate: %s)", contacts.path("total"), contacts.path("totalIsEstimate"));
        line("");
        line("| request (first page, size=50) | p50 | p95 |");
        line("|---|---|---|");
        for (String field : List.of(
                "updatedAt",
                "id",
                "fullName",
                "firstName",
                "lastName",
                "title",
                "position",
                "email",
                "emailCheck",
                "phone",
                "instagram",
                "companyName",
                "city",
                "status",
                "createdAt")) {
            row("/api/contacts?size=50&sort=" + field + ",desc");
        }
        row("/api/contacts?size=50&status=replied&sort=companyName,asc");
        for (String q : List.of("müller", "firma kaffee 12", "p123456@", "insta98765", "zz-nothing")) {
            row("/api/contacts?size=50&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        }
        line("");
        line("| request (first page, size=50) | p50 | p95 |");
        line("|---|---|---|");
        for (String field : List.of(
                "updatedAt",
                "name",
                "domain",
                "city",
                "postalCode",
                "country",
                "category",
                "rating",
                "reviewCount",
                "createdAt")) {
            row("/api/companies?size=50&sort=" + field + ",desc");
        }
        row("/api/companies?size=50&q=yoga");
    }

    /** 20 pages one after the other by cursor, from a deep position. */
    private static void walk(String path, String cursor) throws Exception {
        double[] ms = new double[20];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            JsonNode page = json(path + "&cursor=" + cursor);
            ms[i] = (System.nanoTime() - t) / 1e6;
            cursor = page.path("next").asString();
        }
        Arrays.sort(ms);
        line("| %s, 20 pages on by cursor | %.0f ms | %.0f ms |", path, p(ms, 50), p(ms, 95));
    }

    private static void export(String what) throws Exception {
        String path =
                what.startsWith("contacts") ? "/export/contacts?format=" + what.substring(9) : "/export?format=" + what;
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(rss(), Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        long t = System.nanoTime();
        HttpResponse<InputStream> r = HTTP.send(request(path), HttpResponse.BodyHandlers.ofInputStream());
        long bytes;
        try (InputStream in = r.body()) {
            bytes = in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        double s = (System.nanoTime() - t) / 1e9;
        sampler.interrupt();
        sampler.join();
        line("");
        line(
                "export %s: HTTP %d, %.1f s, %,d bytes; peak RSS during it %d MiB; load average %s",
                path, r.statusCode(), s, bytes, peak.get(), load());
    }

    private static void row(String path) throws Exception {
        row(path, path);
    }

    private static void row(String label, String path) throws Exception {
        json(path);
        double[] ms = new double[REPS];
        for (int i = 0; i < REPS; i++) {
            long t = System.nanoTime();
            json(path);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        line("| `%s` | %.0f ms | %.0f ms |", label, p(ms, 50), p(ms, 95));
    }

    private static double p(double[] sorted, int percent) {
        int i = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static String cursor(String sort, long id, String value) {
        String text = sort + "\n" + "v" + "\n" + id + "\n" + value;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode json(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(request(path), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private static HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("X-API-Key", key)
                .timeout(java.time.Duration.ofMinutes(10))
                .build();
    }

    private static long rss() {
        return status("VmRSS");
    }

    private static long hwm() {
        return status("VmHWM");
    }

    private static long status(String field) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (l.startsWith(field + ":")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }

    private static String load() {
        try {
            return String.join(
                    " ",
                    Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (Exception e) {
            return "?";
        }
    }

    private static void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        System.out.println(text);
        REPORT.append(text).append('\n');
    }
}
