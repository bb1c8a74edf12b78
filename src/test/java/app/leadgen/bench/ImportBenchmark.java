package app.leadgen.bench;

import app.leadgen.imports.CsvFormat;
import app.leadgen.imports.CsvRow;
import app.leadgen.imports.CsvRows;
import app.leadgen.imports.CsvSniffer;
import app.leadgen.imports.Field;
import app.leadgen.imports.HeaderSynonyms;
import app.leadgen.imports.ParsedRow;
import app.leadgen.imports.RowParser;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark harness (not a test; surefire excludes {@code **}{@code /bench/**}): the CSV import
 * engine on generated files of {@code bench.rows} (100,000) and {@code bench.large} (1,000,000) rows
 * with 12 columns (a German Excel list: UTF-8, {@code ;}, quoted notes with line breaks, 2 % invalid
 * and 1 % placeholder e-mails, 1 % rows without identity). Each file is measured in its own JVM
 * with {@code bench.jvm} ({@code -Xmx256m -XX:+UseSerialGC}, the README's production options):
 * sniffing, reading the records alone, and reading, parsing and validating them with
 * {@link RowParser} (names split, e-mails, phones, links normalised). Memory: the heap's peak, the
 * old generation's peak (what survives collections: flat when nothing is held) and the collections.
 *
 * <pre>
 * ./mvnw -B -q -o test-compile exec:java -Dexec.mainClass=app.leadgen.bench.ImportBenchmark -Dexec.classpathScope=test
 * </pre>
 *
 * The report goes to stdout and {@code target/benchmarks/import-benchmark.md}; the generated files
 * stay in {@code target/bench-import/} (about 11 MB and 110 MB).
 */
public final class ImportBenchmark {

    private static final int ROWS = Integer.getInteger("bench.rows", 100_000);
    private static final int LARGE = Integer.getInteger("bench.large", 1_000_000);
    private static final int RUNS = Integer.getInteger("bench.runs", 3);
    private static final String JVM = System.getProperty("bench.jvm", "-Xmx256m -XX:+UseSerialGC");
    private static final Path DIR = Path.of("target", "bench-import");
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static final String[] FIRST = {
        "Max",
        "Erika",
        "Jürgen",
        "Anna-Lena",
        "Hans-Peter",
        "Özlem",
        "Björn",
        "Sophie",
        "Lukas",
        "Marie",
        "Jonas",
        "Lea"
    };
    private static final String[] LAST = {
        "Müller",
        "Schmidt",
        "Schneider",
        "Fischer",
        "Weber",
        "Meyer",
        "Wagner",
        "Becker",
        "Schulz",
        "Hoffmann",
        "von der Heide",
        "Yılmaz"
    };
    private static final String[] TRADES = {
        "Bäckerei",
        "Friseursalon",
        "Zahnarztpraxis",
        "Autohaus",
        "Blumen",
        "Kanzlei",
        "Café",
        "Fitnessstudio",
        "Tischlerei",
        "Physiotherapie"
    };
    private static final String[] AREA_CODES = {
        "030", "040", "089", "0221", "0211", "069", "0711", "0341", "0911", "0251"
    };
    private static final String[] CITIES = {
        "Berlin",
        "München",
        "Köln",
        "Düsseldorf",
        "Hamburg",
        "Frankfurt am Main",
        "Stuttgart",
        "Leipzig",
        "Nürnberg",
        "Münster"
    };

    private ImportBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 2) {
            measure(Path.of(args[0]), Integer.parseInt(args[1]));
            return;
        }
        Files.createDirectories(DIR);
        StringBuilder report = new StringBuilder();
        report.append(String.format(
                Locale.ROOT,
                "# ImportBenchmark %s%nJVM %s, %d CPUs, child JVM options: %s; load average at start: %s%n%n",
                Instant.now(),
                System.getProperty("java.runtime.version"),
                Runtime.getRuntime().availableProcessors(),
                JVM,
                loadAverage()));
        report.append("| file | rows | MB | run | sniff ms | read only s | read rows/s | parse+validate s"
                + " | rows/s | MB/s | CPU s | rows per CPU s | accepted | rejected | warnings | heap peak MiB"
                + " | old gen peak MiB | GCs (ms) | load avg |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (int rows : new int[] {ROWS, LARGE}) {
            Path file = DIR.resolve("leads-" + rows + ".csv");
            if (!Files.exists(file)) {
                generate(file, rows);
            }
            report.append(fork(file, rows == LARGE ? 1 : RUNS));
        }
        System.out.println(report);
        Path out = Path.of("target", "benchmarks", "import-benchmark.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
    }

    /** Runs {@link #measure} in a JVM of its own, so the heap limit is the import's, not Maven's. */
    private static String fork(Path file, int runs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(JVM.trim().split("\\s+")));
        command.add("-cp");
        command.add(classpath());
        command.add(ImportBenchmark.class.getName());
        command.add(file.toAbsolutePath().toString());
        command.add(String.valueOf(runs));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the measuring JVM failed:\n" + output);
        }
        return output;
    }

    /** exec:java runs the harness in a class loader of its own: its URLs are the test class path. */
    private static String classpath() {
        List<String> entries = new ArrayList<>();
        for (ClassLoader loader = ImportBenchmark.class.getClassLoader(); loader != null; loader = loader.getParent()) {
            if (loader instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    entries.add(new File(url.getPath()).getPath());
                }
            }
        }
        return entries.isEmpty() ? System.getProperty("java.class.path") : String.join(File.pathSeparator, entries);
    }

    private static void measure(Path file, int runs) throws IOException {
        double megabytes = Files.size(file) / 1e6;
        for (int run = 1; run <= runs; run++) {
            long t0 = System.nanoTime();
            CsvFormat format = CsvSniffer.sniff(file);
            long sniffNanos = System.nanoTime() - t0;

            long t1 = System.nanoTime();
            long read = 0;
            try (CsvRows rows = CsvRows.open(file, format)) {
                for (CsvRow row : rows) {
                    read += row.fields().size() > 0 ? 1 : 0;
                }
            }
            double readSeconds = (System.nanoTime() - t1) / 1e9;

            System.gc();
            resetPeaks();
            long gcCount = gcCount();
            long gcMillis = gcMillis();
            long t2 = System.nanoTime();
            long cpu2 = THREADS.getCurrentThreadCpuTime();
            long accepted = 0;
            long rejected = 0;
            long warnings = 0;
            try (CsvRows rows = CsvRows.open(file, format)) {
                RowParser parser = new RowParser(rows.header(), mapping(rows.header()), "DE");
                for (CsvRow row : rows) {
                    ParsedRow parsed = parser.parse(row);
                    if (parsed.rejected()) {
                        rejected++;
                    } else {
                        accepted++;
                    }
                    warnings += parsed.warnings().size();
                }
            }
            double seconds = (System.nanoTime() - t2) / 1e9;
            double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpu2) / 1e9;
            if (accepted + rejected != read) {
                throw new IllegalStateException(read + " rows read, " + (accepted + rejected) + " parsed");
            }
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %,d | %.1f | %d | %.0f | %.2f | %,.0f | %.2f | %,.0f | %.1f | %.2f | %,.0f | %,d | %,d | %,d | %.0f | %.0f | %d (%d) | %s |%n",
                    file.getFileName(),
                    read,
                    megabytes,
                    run,
                    sniffNanos / 1e6,
                    readSeconds,
                    read / readSeconds,
                    seconds,
                    read / seconds,
                    megabytes / seconds,
                    cpuSeconds,
                    read / cpuSeconds,
                    accepted,
                    rejected,
                    warnings,
                    heapPeak() / 1048576.0,
                    oldGenPeak() / 1048576.0,
                    gcCount() - gcCount,
                    gcMillis() - gcMillis,
                    loadAverage());
        }
    }

    /** The mapping an import without an LLM proposes: header synonyms (all twelve columns are known). */
    private static Map<String, Field> mapping(List<String> header) {
        Map<String, Field> mapping = new HashMap<>();
        for (String column : header) {
            mapping.put(column, HeaderSynonyms.field(column).orElse(null));
        }
        return mapping;
    }

    static void generate(Path file, int rows) throws IOException {
        Random random = new Random(42);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("Anrede;Vorname;Nachname;Firma;E-Mail;Telefon;Straße;PLZ;Ort;Branche;Webseite;Notiz\n");
            for (int i = 0; i < rows; i++) {
                String first = FIRST[random.nextInt(FIRST.length)];
                String last = LAST[random.nextInt(LAST.length)];
                String trade = TRADES[random.nextInt(TRADES.length)];
                String domain = ascii(last) + (i % 50_000) + ".de";
                int kind = random.nextInt(100);
                String email = kind < 2
                        ? first + "@"
                        : kind < 3 ? "max@mustermann.de" : ascii(first) + "." + ascii(last) + "@" + domain;
                String phone = random.nextInt(3) == 0
                        ? String.format(Locale.ROOT, "+49 171 %07d", random.nextInt(10_000_000))
                        : AREA_CODES[random.nextInt(AREA_CODES.length)] + " " + (1_000_000 + random.nextInt(9_000_000));
                boolean anonymous = kind == 99; // no e-mail, no phone, no company
                String note = random.nextInt(20) == 0 ? "\"Rückruf erbeten; Termin\nim März\"" : "";
                out.write(String.join(
                        ";",
                        random.nextBoolean() ? "Herr" : "Frau",
                        first,
                        last,
                        anonymous ? "" : trade + " " + last,
                        anonymous ? "" : email,
                        anonymous ? "" : phone,
                        "Hauptstraße " + (1 + random.nextInt(200)),
                        String.format(Locale.ROOT, "%05d", 1000 + random.nextInt(98_000)),
                        CITIES[random.nextInt(CITIES.length)],
                        trade,
                        "www." + domain,
                        note));
                out.write('\n');
            }
        }
    }

    private static String ascii(String text) {
        return text.toLowerCase(Locale.ROOT)
                .replace("ä", "ae")
                .replace("ö", "oe")
                .replace("ü", "ue")
                .replace("ß", "ss")
                .replace("é", "e")
                .replace("ı", "i")
                .replace(' ', '-');
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Sum of the heap pools' peaks: an upper bound of the heap in use at any one time. */
    private static long heapPeak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed())
                .sum();
    }

    /** Peak of the old generation: what outlived young collections; flat when the engine holds nothing. */
    private static long oldGenPeak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .filter(p -> p.getName().contains("Old") || p.getName().contains("Tenured"))
                .mapToLong(p -> p.getPeakUsage().getUsed())
                .sum();
    }

    private static long gcCount() {
        AtomicLong sum = new AtomicLong();
        ManagementFactory.getGarbageCollectorMXBeans().forEach(gc -> sum.addAndGet(gc.getCollectionCount()));
        return sum.get();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime)
                .sum();
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
