package app.leadgen.book;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Which source set each field and when, kept as a small JSON object in the row itself. */
final class Provenance {

    /** One field's origin, as the API shows it: {@code {"source": "places", "at": "2026-…"}}. */
    record FieldSource(String source, Instant at) {}

    private static final TypeReference<LinkedHashMap<String, FieldSource>> TYPE = new TypeReference<>() {};
    static final int MAX_SOURCE = 300;

    private Provenance() {}

    static Map<String, FieldSource> read(JsonMapper json, String text) {
        if (text == null || text.isBlank()) {
            return new LinkedHashMap<>();
        }
        try {
            return json.readValue(text, TYPE);
        } catch (JacksonException e) {
            return new LinkedHashMap<>(); // a damaged column loses its history, never the row
        }
    }

    static String write(JsonMapper json, Map<String, FieldSource> fields) {
        return json.writeValueAsString(fields);
    }

    static void set(Map<String, FieldSource> fields, String field, String source, Instant at) {
        String clipped =
                source == null ? "unknown" : source.length() > MAX_SOURCE ? source.substring(0, MAX_SOURCE) : source;
        fields.put(field, new FieldSource(clipped, at));
    }
}
