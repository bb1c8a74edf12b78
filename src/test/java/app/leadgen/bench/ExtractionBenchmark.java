package app.leadgen.bench;

import app.leadgen.testing.LocalWeb;
import app.leadgen.websites.ContactExtractor;
import app.leadgen.websites.EmailDomainCheck;
import app.leadgen.websites.SiteContacts;
import app.leadgen.websites.WebsiteContacts;
import app.leadgen.websites.WebsitesProperties;
import app.leadgen.websites.fetch.HttpSafeFetcher;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.util.unit.DataSize;

/**
 * Benchmark harness (not a test; surefire excludes {@code **}{@code /bench/**}): contact
 * extraction throughput of {@link WebsiteContacts} against {@code bench.sites} (100) generated
 * small-business sites on one local JDK HTTP server. Each site is a home page (~30 KB with inline
 * CSS and script, like a typical builder page) linking to an Impressum (~7 KB) with an obfuscated
 * address, a phone, a fax and register numbers. Sites have their own host names (resolved to
 * 127.0.0.1 and routed to the server), so the fetcher keeps one connection pool entry per site as
 * it would in production. E-mail domains are "checked" by a function that answers at once: DNS
 * time is not part of the numbers.
 *
 * <p>Measured: all sites read once sequentially and once with {@code bench.threads} (8) threads,
 * {@code bench.runs} (3) times each after {@code bench.warmup} (4) warm-up passes (half sequential, half threaded; C2 keeps compiling for a
 * while on 2 busy cores), plus the pure extractor on the same
 * pages in memory (no HTTP), to tell parsing cost from fetching cost. Every run checks that each
 * site gave its address and phone.
 *
 * <pre>
 * ./mvnw -B -q -o test-compile exec:java -Dexec.mainClass=app.leadgen.bench.ExtractionBenchmark -Dexec.classpathScope=test
 * </pre>
 */
public final class ExtractionBenchmark {

    private static final int SITES = Integer.getInteger("bench.sites", 100);
    private static final int THREADS = Integer.getInteger("bench.threads", 8);
    private static final int RUNS = Integer.getInteger("bench.runs", 3);
    private static final ThreadMXBean THREAD_CPU = ManagementFactory.getThreadMXBean();
    private static final int WARMUP = Integer.getInteger("bench.warmup", 4);

    private record Run(
            String mode,
            int threads,
            double seconds,
            List<Long> siteMillis,
            double cpuSeconds,
            double workerCpuSeconds,
            String load) {
        double sitesPerSecond() {
            return siteMillis.size() / seconds;
        }

        long percentile(double p) {
            List<Long> sorted = new ArrayList<>(siteMillis);
            Collections.sort(sorted);
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
        }
    }

    public static void main(String[] args) throws Exception {
        // The JDK test server leaves Nagle's algorithm on by default; with the client's delayed ACKs
        // that adds ~40 ms to every response on loopback and would be measured as our time.
        // Must be set before the server's classes load.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try (LocalWeb web = LocalWeb.start()) {
            List<String> hosts = new ArrayList<>();
            long homeBytes = 0;
            long impressumBytes = 0;
            for (int i = 0; i < SITES; i++) {
                String host = String.format(Locale.ROOT, "betrieb-%03d.de", i);
                String home = home(i, host);
                String impressum = impressum(i, host);
                homeBytes += home.length();
                impressumBytes += impressum.length();
                web.page(host, "/", home).page(host, "/impressum/", impressum);
                hosts.add(host);
            }
            WebsitesProperties properties = new WebsitesProperties(
                    true,
                    4,
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(20),
                    5,
                    DataSize.ofMegabytes(2),
                    32,
                    "LeadGen-Benchmark",
                    "DE",
                    Duration.ofSeconds(5));
            EmailDomainCheck instantDns = new EmailDomainCheck((domain, type) -> EmailDomainCheck.Answer.FOUND);
            StringBuilder report = new StringBuilder();
            try (HttpSafeFetcher fetcher = new HttpSafeFetcher(properties, web.resolver(), web.router())) {
                WebsiteContacts contacts =
                        new WebsiteContacts(properties.maxPages(), fetcher, new ContactExtractor("DE"), instantDns);
                report.append(String.format(
                        Locale.ROOT,
                        "%d sites, home %.1f KB and Impressum %.1f KB on average; JVM %s, %d processors%n%n",
                        SITES,
                        homeBytes / 1024.0 / SITES,
                        impressumBytes / 1024.0 / SITES,
                        System.getProperty("java.version"),
                        Runtime.getRuntime().availableProcessors()));
                for (int w = 0; w < WARMUP; w++) { // JIT, connection pool, class loading
                    run(contacts, hosts, w % 2 == 0 ? 1 : THREADS, "warm-up");
                }
                List<Run> runs = new ArrayList<>();
                for (int r = 0; r < RUNS; r++) {
                    runs.add(run(contacts, hosts, 1, "sequential"));
                    runs.add(run(contacts, hosts, THREADS, THREADS + " threads"));
                }
                report.append(
                        "| run | mode | wall s | sites/s | pages/s | per site ms p50 / p95 / max | worker CPU ms per site"
                                + " | JVM CPU s | load avg 1/5/15 |\n");
                report.append("|---|---|---|---|---|---|---|---|---|\n");
                for (int r = 0; r < runs.size(); r++) {
                    Run run = runs.get(r);
                    report.append(String.format(
                            Locale.ROOT,
                            "| %d | %s | %.2f | %.1f | %.1f | %d / %d / %d | %.1f | %.2f | %s |%n",
                            r + 1,
                            run.mode(),
                            run.seconds(),
                            run.sitesPerSecond(),
                            2 * run.sitesPerSecond(),
                            run.percentile(0.5),
                            run.percentile(0.95),
                            run.percentile(1.0),
                            run.workerCpuSeconds() * 1000 / SITES,
                            run.cpuSeconds(),
                            run.load()));
                }
                report.append('\n');
                for (int threads : new int[] {1, THREADS}) {
                    List<Double> rates = runs.stream()
                            .filter(r -> r.threads() == threads)
                            .map(Run::sitesPerSecond)
                            .sorted()
                            .toList();
                    List<Double> cpu = runs.stream()
                            .filter(r -> r.threads() == threads)
                            .map(r -> r.workerCpuSeconds() * 1000 / SITES)
                            .sorted()
                            .toList();
                    report.append(String.format(
                            Locale.ROOT,
                            "%s: sites/s min %.1f / median %.1f / max %.1f; worker CPU per site median %.1f ms%n",
                            threads == 1 ? "sequential" : threads + " threads",
                            rates.get(0),
                            rates.get(rates.size() / 2),
                            rates.get(rates.size() - 1),
                            cpu.get(cpu.size() / 2)));
                }
                report.append('\n').append(extractorOnly(hosts)).append('\n');
            }
            System.out.print(report);
            Path out = Path.of("target/benchmarks/extraction-benchmark.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
        }
    }

    private static Run run(WebsiteContacts contacts, List<String> hosts, int threads, String mode) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long cpuBefore = processCpuNanos();
            String load = loadAverage();
            long start = System.nanoTime();
            List<Future<long[]>> results = new ArrayList<>();
            for (String host : hosts) {
                results.add(pool.submit(() -> {
                    long cpu = THREAD_CPU.getCurrentThreadCpuTime();
                    long t = System.nanoTime();
                    SiteContacts found = contacts.find(host);
                    check(host, found);
                    return new long[] {(System.nanoTime() - t) / 1_000_000, THREAD_CPU.getCurrentThreadCpuTime() - cpu};
                }));
            }
            List<Long> millis = new ArrayList<>();
            long workerCpu = 0;
            for (Future<long[]> f : results) {
                long[] r = f.get();
                millis.add(r[0]);
                workerCpu += r[1];
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Run(
                    mode, threads, seconds, millis, (processCpuNanos() - cpuBefore) / 1e9, workerCpu / 1e9, load);
        } finally {
            pool.shutdown();
        }
    }

    /** The extractor alone on the same pages, in memory: what parsing costs without HTTP. */
    private static String extractorOnly(List<String> hosts) {
        ContactExtractor extractor = new ContactExtractor("DE");
        List<String> pages = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            pages.add(home(i, hosts.get(i)));
            pages.add(impressum(i, hosts.get(i)));
        }
        URI url = URI.create("http://betrieb.de/");
        for (int w = 0; w < 3; w++) {
            pages.forEach(p -> extractor.extract(p, url));
        }
        List<Double> msPerPage = new ArrayList<>();
        for (int r = 0; r < 5; r++) {
            long start = System.nanoTime();
            pages.forEach(p -> extractor.extract(p, url));
            msPerPage.add((System.nanoTime() - start) / 1e6 / pages.size());
        }
        Collections.sort(msPerPage);
        return String.format(
                Locale.ROOT,
                "Extractor alone, one thread, in memory, 5 rounds of %d pages: best %.2f ms per page (%.0f pages/s),"
                        + " median %.2f ms (%.0f pages/s)%n",
                pages.size(),
                msPerPage.get(0),
                1000 / msPerPage.get(0),
                msPerPage.get(2),
                1000 / msPerPage.get(2));
    }

    private static void check(String host, SiteContacts found) {
        String domain = host;
        boolean email = found.emails().stream().anyMatch(e -> e.address().equals("info@" + domain));
        boolean phone = !found.phones().isEmpty();
        if (!email || !phone || found.pagesFetched().size() != 2) {
            throw new IllegalStateException("incomplete result for " + host + ": " + found);
        }
    }

    private static String home(int i, String host) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\">")
                .append("<title>Betrieb ")
                .append(i)
                .append(" – Ihr Fachbetrieb in Musterstadt</title>")
                .append("<meta name=\"description\" content=\"Meisterbetrieb seit 1987.\">")
                .append("<style>");
        for (int r = 0; r < 120; r++) {
            html.append(".block-")
                    .append(r)
                    .append("{margin:0 auto;padding:12px 24px;color:#333;font-family:Helvetica,Arial,sans-serif}\n");
        }
        html.append("</style><script>window.dataLayer=window.dataLayer||[];");
        for (int r = 0; r < 60; r++) {
            html.append("function track").append(r).append("(e){dataLayer.push({event:'click',id:e.target.id});}\n");
        }
        html.append(
                        "</script></head><body><header><nav><a href=\"/\">Start</a> <a href=\"/leistungen/\">Leistungen</a>")
                .append(
                        " <a href=\"/impressum/\">Impressum</a> <a href=\"/datenschutz/\">Datenschutz</a></nav></header><main>");
        for (int r = 0; r < 12; r++) {
            html.append("<section class=\"block-")
                    .append(r)
                    .append("\"><h2>Leistung ")
                    .append(r)
                    .append("</h2><p>Wir beraten Sie gern persönlich in unserer Werkstatt. Qualität, Termintreue und ")
                    .append("faire Preise seit über 30 Jahren. Öffnungszeiten Mo–Fr 08:00–17:00 Uhr.</p></section>");
        }
        html.append("</main><footer><a href=\"https://www.instagram.com/")
                .append(host.replace(".de", ""))
                .append("/\">Instagram</a> <a href=\"https://www.facebook.com/sharer/sharer.php?u=")
                .append(host)
                .append("\">Teilen</a></footer></body></html>");
        return html.toString();
    }

    private static String impressum(int i, String host) {
        String name = host.substring(0, host.length() - 3);
        StringBuilder html = new StringBuilder();
        html.append(
                        "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>Impressum</title></head><body>")
                .append("<nav><a href=\"/\">Start</a> <a href=\"/impressum/\">Impressum</a></nav>")
                .append("<h1>Impressum</h1><p>Angaben gemäß § 5 TMG</p><p>Betrieb ")
                .append(i)
                .append(" GmbH<br>Hauptstraße ")
                .append(i + 1)
                .append("<br>10115 Berlin</p><p>Telefon: 030 ")
                .append(2_000_000 + i)
                .append("<br>Telefax: 030 ")
                .append(3_000_000 + i)
                .append("<br>E-Mail: info [at] ")
                .append(name)
                .append(" [dot] de</p><p>Registergericht: Amtsgericht Charlottenburg, HRB ")
                .append(100_000 + i)
                .append("<br>USt-IdNr.: DE")
                .append(200_000_000 + i)
                .append("</p>");
        for (int r = 0; r < 10; r++) {
            html.append("<h3>Haftung für Inhalte</h3><p>Als Diensteanbieter sind wir gemäß § 7 Abs.1 TMG für eigene ")
                    .append("Inhalte auf diesen Seiten nach den allgemeinen Gesetzen verantwortlich. Nach §§ 8 bis 10 ")
                    .append(
                            "TMG sind wir als Diensteanbieter jedoch nicht verpflichtet, übermittelte oder gespeicherte ")
                    .append("fremde Informationen zu überwachen.</p>");
        }
        return html.append("</body></html>").toString();
    }

    private static long processCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
