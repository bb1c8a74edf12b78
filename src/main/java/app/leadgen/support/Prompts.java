package app.leadgen.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;

/**
 * Prompts are text files under {@code resources/prompts/<module>/}, loaded by name (e.g.
 * {@code "enrichment/perplexity-system.txt"}), without the surrounding whitespace an editor leaves.
 */
public final class Prompts {

    private Prompts() {}

    /** @throws IllegalStateException when the file is missing: a build without its prompts must not start */
    public static String load(String name) {
        ClassPathResource resource = new ClassPathResource("prompts/" + name);
        if (!resource.exists()) {
            throw new IllegalStateException("prompt " + name + " is missing");
        }
        try {
            return resource.getContentAsString(StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("prompt " + name + " cannot be read", e);
        }
    }
}
