package app.leadgen.campaigns;

import com.sun.net.httpserver.HttpServer;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Benchmark harness (not a test: no test name): drafting {@code bench.contacts} (1,000) AI messages
 * through {@link Drafter} (Spring AI's OpenAI client, JSON mode, the answer checked) against a fake
 * LLM that answers in OpenAI's wire format after {@code bench.latency} (300) ms, with {@code
 * bench.concurrency} calls in flight (4, as {@code CAMPAIGN_DRAFT_CONCURRENCY}, and more). The bound
 * set by the LLM is {@code concurrency / latency} drafts per second; the numbers say how close our
 * code gets and how much CPU a draft costs.
 *
 * <pre>
 * ./mvnw -B -q test-compile exec:java -Dexec.mainClass=app.leadgen.campaigns.DraftingBenchmark -Dexec.classpathScope=test
 * </pre>
 */
public final class DraftingBenchmark {

    private static final int CONTACTS = Integer.getInteger("bench.contacts", 1000);
    private static final int LATENCY = Integer.getInteger("bench.latency", 300);

    public static void main(String[] args) throws Exception {
        HttpServer llm = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        llm.setExecutor(Executors.newFixedThreadPool(128));
        byte[] answer = app.leadgen.testing.OpenAiBodies.completion(
                        "{\"subject\": \"Bäckerei Muster: mehr Kunden online\", \"body_html\": \"<p>Guten Tag,</p>"
                                + "<p>eine eigene Website bringt Bestellungen.</p>\", \"benefits\": [\"Mehr"
                                + " Bestellungen\", \"Weniger Anrufe\", \"Bessere Bewertungen\"]}")
                .getBytes(StandardCharsets.UTF_8);
        llm.createContext("/v1/chat/completions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            try {
                Thread.sleep(LATENCY);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        llm.start();
        String url = "http://127.0.0.1:" + llm.getAddress().getPort() + "/v1";
        Drafter drafter = new Drafter(
                "",
                url,
                "gpt-4.1-mini",
                Duration.ofSeconds(30),
                "gsk-bench",
                url,
                "llama-3.1-8b-instant",
                Duration.ofSeconds(30),
                Clock.systemUTC());
        String user = "Business: Bäckerei Muster\nCategory: bakery\nLocation: Köln";
        run(drafter, user, 8, 40); // warm-up
        System.out.printf("%d drafts, fake LLM latency %d ms%n", CONTACTS, LATENCY);
        System.out.println("concurrency | seconds | drafts/s | LLM bound drafts/s | share of bound | CPU ms/draft");
        for (int concurrency : new int[] {4, 16, 64}) {
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            run(drafter, user, concurrency, CONTACTS);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6;
            double rate = CONTACTS / seconds;
            double bound = concurrency * 1000.0 / LATENCY;
            System.out.printf(
                    "%11d | %7.1f | %8.1f | %18.1f | %13.0f%% | %.2f%n",
                    concurrency, seconds, rate, bound, 100 * rate / bound, cpuMs / CONTACTS);
        }
        llm.stop(0);
        System.exit(0);
    }

    private static void run(Drafter drafter, String user, int concurrency, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<Drafter.AiDraft>> drafts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            drafts.add(pool.submit(() -> drafter.draft("groq", null, "system", user)));
        }
        for (Future<Drafter.AiDraft> d : drafts) {
            if (d.get().benefits().size() != 3) {
                throw new IllegalStateException("bad draft");
            }
        }
        pool.shutdown();
    }
}
