package app.leadgen.accounts;

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
 * The Content-Security-Policy allows no inline script or style: every template keeps its script in
 * a module under /js (a {@code <script type="application/json">} holds data, not code) and has no
 * event handler or style attribute.
 */
class PagesHaveNoInlineScriptTest {

    private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern HANDLER = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern STYLE = Pattern.compile("\\s(th:)?style\\s*=|<style\\b", Pattern.CASE_INSENSITIVE);

    @Test
    void noTemplateHasInlineScriptHandlersOrStyles() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String html = Files.readString(file);
                Matcher script = SCRIPT.matcher(html);
                while (script.find()) {
                    String attributes = script.group(1);
                    boolean external = attributes.contains("src=");
                    boolean data = attributes.contains("application/json");
                    boolean replaced = attributes.contains("th:replace");
                    if (!external && !data && !replaced) {
                        found.add(file + ": inline <script" + attributes + ">");
                    }
                }
                if (HANDLER.matcher(html).find()) {
                    found.add(file + ": event handler attribute");
                }
                if (STYLE.matcher(html).find()) {
                    found.add(file + ": inline style");
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
