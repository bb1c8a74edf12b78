package app.leadgen.bench;

import app.leadgen.LeadGenApplication;
import app.leadgen.testing.Api;
import app.leadgen.testing.LocalWebsites;
import java.io.ByteArrayOutputStream;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark harness (not a test): a generated {@code bench.rows} (100,000) row, 12-column German
 * CSV imported through the API (upload, run of source csv: parse, validate, MX check per domain
 * against a fake DNS, lead-book merge) into an empty database, side by side with PostgreSQL {@code
 * COPY} of the same file into a plain table. {@code -Dbench.db=postgres} (default) or {@code h2}.
 *
 * <pre>
 * ./mvnw -B -q test-compile exec:java -Dexec.mainClass=app.leadgen.bench.ImportRunBenchmark -Dexec.classpathScope=test -Dbench.rows=100000
 * </pre>
 */
public final class ImportRunBenchmark {

    private static final int ROWS = Integer.getInteger("bench.rows", 100_000);
    private static final String DB = System.getProperty("bench.db", "postgres");
    private static final String SERVER =
            System.getProperty("bench.postgres", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ImportRunBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path file = Files.createTempFile("import-bench-", ".csv");
        ImportBenchmark.generate(file, ROWS);
        System.out.printf(
                "ImportRunBenchmark %s: %,d rows, %.1f MB, %s, load %s%n",
                Instant.now(),
                ROWS,
                Files.size(file) / 1e6,
                DB,
                Files.readString(Path.of("/proc/loadavg")).strip());
        String name = "leadgen_bench_import_" + ProcessHandle.current().pid();
        String url;
        Path h2 = Path.of("target", "bench-import-db");
        if (DB.equals("postgres")) {
            try (Connection c = DriverManager.getConnection(SERVER, "postgres", "")) {
                c.createStatement().execute("create database " + name);
            }
            url = SERVER.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
        } else {
            FileSystemUtils.deleteRecursively(h2);
            url = "jdbc:h2:file:./" + h2 + "/leadgen;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        }
        try {
            double importSeconds = importThroughApi(url, file);
            System.out.printf("import through the API: %.1f s, %,.0f rows/s%n", importSeconds, ROWS / importSeconds);
            if (DB.equals("postgres")) {
                double copySeconds = copy(url, file);
                System.out.printf(
                        "PostgreSQL COPY of the same file: %.2f s; import / COPY = %.1f×%n",
                        copySeconds, importSeconds / copySeconds);
            }
        } finally {
            Files.deleteIfExists(file);
            if (DB.equals("postgres")) {
                try (Connection c = DriverManager.getConnection(SERVER, "postgres", "")) {
                    c.createStatement().execute("drop database if exists " + name + " with (force)");
                }
            }
        }
        // the fake websites' server threads would keep exec:java waiting
        System.exit(0);
    }

    private static double importThroughApi(String url, Path file) throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(
                        LeadGenApplication.class, LocalWebsites.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + (DB.equals("postgres") ? "postgres" : "sa"),
                        "--logging.level.app.leadgen=WARN",
                        "--leadgen.imports.llm=none")) {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            Api api = new Api(port);
            long start = System.nanoTime();
            JsonNode started = upload(port, file);
            long id = started.path("id").asLong();
            JsonNode imp;
            do {
                Thread.sleep(250);
                imp = api.get("/api/imports/" + id).json();
            } while (imp.path("status").asString().equals("RUNNING"));
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.println("counts: " + imp.path("counts") + ", status "
                    + imp.path("status").asString());
            return seconds;
        }
    }

    private static JsonNode upload(int port, Path file) throws Exception {
        String boundary = "----bench" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench.csv\"\r\n"
                                + "Content-Type: text/csv\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(Files.readAllBytes(file));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/imports?start=true"))
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .header("X-API-Key", Api.KEY)
                                .timeout(Duration.ofMinutes(5))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private static double copy(String url, Path file) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            StringBuilder columns = new StringBuilder();
            for (int i = 1; i <= 12; i++) {
                columns.append(i > 1 ? ", " : "").append("c").append(i).append(" text");
            }
            c.createStatement().execute("create table copy_target (" + columns + ")");
            long start = System.nanoTime();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                c.unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn("copy copy_target from stdin with (format csv, delimiter ';', header true)", in);
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }
}
