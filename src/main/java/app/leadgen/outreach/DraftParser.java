package app.leadgen.outreach;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code {"subject","body"}} from a model's answer. With Structured Outputs the answer is the
 * JSON itself; servers that ignore the schema (some OpenAI-compatible ones) wrap it in fences or prose.
 */
public final class DraftParser {

    /** The answer held no usable subject and body. */
    public static class UnusableAnswer extends RuntimeException {
        UnusableAnswer(String message) {
            super(message);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DraftParser() {}

    public static Draft parse(String answer) {
        if (answer == null || answer.isBlank()) {
            throw new UnusableAnswer("empty answer");
        }
        int start = answer.indexOf('{');
        int end = answer.lastIndexOf('}');
        if (start < 0 || end <= start) {
            throw new UnusableAnswer("no JSON object in the answer");
        }
        try {
            JsonNode node = JSON.readTree(answer.substring(start, end + 1));
            String subject = node.path("subject").asString("").strip();
            String body = node.path("body").asString("").strip();
            if (subject.isEmpty() || body.isEmpty()) {
                throw new UnusableAnswer("subject or body missing");
            }
            return new Draft(subject.replaceAll("[\\r\\n]+", " "), body);
        } catch (JacksonException e) {
            throw new UnusableAnswer("malformed JSON");
        }
    }
}
