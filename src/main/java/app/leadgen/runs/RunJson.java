package app.leadgen.runs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** How a run's parameters and message arguments are stored: small JSON texts. */
final class RunJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RunJson() {}

    static String params(Map<String, String> params) {
        return params == null || params.isEmpty() ? null : JSON.writeValueAsString(params);
    }

    static Map<String, String> params(String stored) {
        if (stored == null || stored.isBlank()) {
            return Map.of();
        }
        return JSON.readValue(stored, new TypeReference<LinkedHashMap<String, String>>() {});
    }

    static String args(List<Object> args) {
        List<String> strings = new ArrayList<>();
        args.forEach(a -> strings.add(a == null ? "" : String.valueOf(a)));
        return JSON.writeValueAsString(strings);
    }

    static Text text(String key, String args) {
        if (key == null) {
            return null;
        }
        List<Object> values = args == null ? List.of() : JSON.readValue(args, new TypeReference<List<Object>>() {});
        return new Text(key, values);
    }
}
