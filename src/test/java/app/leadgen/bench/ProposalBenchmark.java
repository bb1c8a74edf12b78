package app.leadgen.bench;

import app.leadgen.proposal.BenchAccess;
import app.leadgen.proposal.ProposalInput;
import java.util.Locale;

/**
 * Benchmark harness (not a test; surefire excludes {@code **}{@code /bench/**}): how many four-page
 * proposals one thread renders per second. {@code bench.renders} (200) renders of varying leads
 * (categories with and without a built-in case study, the default text and a long AI text), after
 * {@code bench.warmup} (200) warm-up renders, {@code bench.runs} (3) times.
 */
public final class ProposalBenchmark {

    private static final String[] CATEGORIES = {"Bäckerei", "Restaurant", "Friseur", "Rechtsanwalt", "Hotel"};

    private ProposalBenchmark() {}

    public static void main(String[] args) {
        int renders = Integer.getInteger("bench.renders", 200);
        int warmup = Integer.getInteger("bench.warmup", 200);
        int runs = Integer.getInteger("bench.runs", 3);
        String aiText =
                "Ihre Brötchen sind in ganz Köln bekannt, und Ihre Stammkundschaft schätzt die Qualität. ".repeat(12);
        long bytes = 0;
        for (int i = 0; i < warmup; i++) {
            bytes += BenchAccess.render(input(i, aiText)).length;
        }
        System.out.printf(Locale.ROOT, "warm-up: %d renders, %d KB average%n", warmup, bytes / warmup / 1024);
        for (int run = 1; run <= runs; run++) {
            long start = System.nanoTime();
            long size = 0;
            for (int i = 0; i < renders; i++) {
                size += BenchAccess.render(input(i, aiText)).length;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "run %d: %d PDFs in %.2f s = %.0f PDFs/s (%.1f ms each, %d bytes average)%n",
                    run,
                    renders,
                    seconds,
                    renders / seconds,
                    seconds * 1000 / renders,
                    size / renders);
        }
    }

    private static ProposalInput input(int i, String aiText) {
        return new ProposalInput(
                "Bäckerei Müller " + i,
                CATEGORIES[i % CATEGORIES.length],
                "Köln",
                "Grete Müller",
                i % 2 == 0 ? null : aiText,
                null,
                "https://cal.example/termin?lead=" + i);
    }
}
