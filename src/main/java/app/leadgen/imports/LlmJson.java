package app.leadgen.imports;

import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON object of an LLM answer, defensively: models wrap it in code fences, put a
 * sentence before it or a {@code <think>} block, use single quotes or a trailing comma.
 */
final class LlmJson {

    static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_UNQUOTED_PROPERTY_NAMES)
            .build();

    private static final Pattern THINK = Pattern.compile("(?is)<think>.*?</think>");

    private LlmJson() {}

    /** The first JSON object in the answer, or null when there is none that parses. */
    static JsonNode object(String answer) {
        if (answer == null) {
            return null;
        }
        String text = THINK.matcher(answer).replaceAll("");
        int start = text.indexOf('{');
        int end = text.lastIndexOf('}');
        if (start < 0 || end <= start) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(text.substring(start, end + 1));
            return node != null && node.isObject() ? node : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /** A string value, or null for null, missing, non-text and blank values. */
    static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isString()) {
            return null;
        }
        String text = value.asString().strip();
        return text.isEmpty() || text.equalsIgnoreCase("null") ? null : text;
    }
}
