package app.leadgen.websites.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * schema.org JSON-LD blocks ({@code LocalBusiness}, {@code Organization}, their {@code
 * contactPoint}s, {@code @graph}s): every {@code email}, {@code telephone} and {@code sameAs}
 * anywhere in them. Site builders write sloppy JSON, so the parser is lenient, and a block that
 * still does not parse is searched for those keys with a pattern.
 */
final class JsonLd {

    record Values(List<String> emails, List<String> telephones, List<String> sameAs) {}

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(
                    JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_JAVA_COMMENTS,
                    JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
                    JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .build();
    private static final Pattern KEY_VALUE = Pattern.compile("\"(email|telephone|sameAs)\"\\s*:\\s*\"([^\"]{1,300})\"");

    private JsonLd() {}

    static Values in(Document page) {
        Values values = new Values(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Element script : page.select("script[type~=(?i)application/ld\\+json]")) {
            String json = script.data().trim();
            try {
                collect(JSON.readTree(json), values);
            } catch (RuntimeException malformed) {
                Matcher m = KEY_VALUE.matcher(json);
                while (m.find()) {
                    add(values, m.group(1), m.group(2));
                }
            }
        }
        return values;
    }

    private static void collect(JsonNode node, Values values) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                JsonNode value = field.getValue();
                if (value.isString()) {
                    add(values, field.getKey(), value.stringValue());
                } else if (value.isArray() && isValueKey(field.getKey())) {
                    value.values().stream()
                            .filter(JsonNode::isString)
                            .forEach(v -> add(values, field.getKey(), v.stringValue()));
                } else {
                    collect(value, values);
                }
            }
        } else if (node.isArray()) {
            node.values().forEach(child -> collect(child, values));
        }
    }

    private static boolean isValueKey(String key) {
        return key.equals("email") || key.equals("telephone") || key.equals("sameAs");
    }

    private static void add(Values values, String key, String value) {
        switch (key) {
            case "email" -> values.emails().add(value);
            case "telephone" -> values.telephones().add(value);
            case "sameAs" -> values.sameAs().add(value);
            default -> {}
        }
    }
}
