package app.leadgen.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guardrail of issue #9: the run lifecycle knows no concrete pipeline. Sources plug in as {@link
 * Pipeline}s; nothing under {@code runs/} (code, comments, API descriptions) names one of them, their
 * stages or the services they call, so a new source needs no change here.
 */
class RunsKnowNoPipelineTest {

    private static final Path RUNS = Path.of("src/main/java/app/leadgen/runs");

    /** Whole words, any case: the sources, their stages and parameters, the services they call. */
    private static final Pattern NAMES = Pattern.compile(
            "\\b(instagram|ig|places|google|apify|perplexity|hashtags?|selectHashtags|sessionId|locationIds?"
                    + "|profiles?|crawl|websearch|websites?|qualify|scraper|actor)\\b",
            Pattern.CASE_INSENSITIVE);

    @Test
    void noFileOfTheLifecycleNamesAPipelineItsStagesOrItsServices() throws IOException {
        List<String> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(RUNS)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = NAMES.matcher(lines.get(i));
                    while (m.find()) {
                        hits.add(RUNS.relativize(file) + ":" + (i + 1) + " \"" + m.group() + "\": "
                                + lines.get(i).strip());
                    }
                }
            }
        }
        assertThat(Files.isDirectory(RUNS)).isTrue();
        assertThat(hits).as("names of pipelines in the run lifecycle").isEmpty();
    }

    @Test
    void theGuardrailSeesWhatItLooksFor() {
        // the pattern itself: it must catch the names however they are written, and only whole words
        assertThat(NAMES.matcher("Start an Instagram run").find()).isTrue();
        assertThat(NAMES.matcher("stage PROFILES").find()).isTrue();
        assertThat(NAMES.matcher("@Value(\"${x:places}\")").find()).isTrue();
        assertThat(NAMES.matcher("replaces the stage").find()).isFalse();
        assertThat(NAMES.matcher("actors").find()).isFalse();
    }
}
