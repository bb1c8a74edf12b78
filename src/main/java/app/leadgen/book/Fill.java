package app.leadgen.book;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one merge rule: a value fills a field only while the field is empty, so a merge never erases
 * or overwrites what was known (a person's correction goes through {@link LeadBook#correct}).
 */
final class Fill {

    private Fill() {}

    /** Of the incoming values (column → value), those whose column is empty in {@code current}. */
    static Map<String, Object> emptyOnly(Map<String, Object> current, Map<String, Object> incoming) {
        Map<String, Object> changes = new LinkedHashMap<>();
        incoming.forEach((column, value) -> {
            if (present(value) && !present(current.get(column))) {
                changes.put(column, value);
            }
        });
        return changes;
    }

    static boolean present(Object value) {
        return value != null && !(value instanceof String s && s.isBlank());
    }

    /** Puts the value when present (a trimmed, clipped string), so absent fields stay out of the map. */
    static void put(Map<String, Object> values, String column, String value, int max) {
        if (value != null && !value.isBlank()) {
            String v = value.strip();
            values.put(column, v.length() > max ? v.substring(0, max) : v);
        }
    }

    static void put(Map<String, Object> values, String column, Object value) {
        if (value != null) {
            values.put(column, value);
        }
    }
}
