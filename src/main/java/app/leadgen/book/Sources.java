package app.leadgen.book;

import java.util.HashMap;
import java.util.Map;

/**
 * Which source sets the fields of one merge: a default ({@code places}, {@code csv:12:40}, {@code
 * user}) and, per field, another where it differs ({@code email} from {@code perplexity:sonar}).
 */
public record Sources(String fallback, Map<String, String> byField) {

    public static Sources of(String source) {
        return new Sources(source, Map.of());
    }

    public Sources with(String field, String source) {
        if (source == null || source.isBlank()) {
            return this;
        }
        Map<String, String> copy = new HashMap<>(byField);
        copy.put(field, source);
        return new Sources(fallback, Map.copyOf(copy));
    }

    String forField(String field) {
        return byField.getOrDefault(field, fallback);
    }
}
