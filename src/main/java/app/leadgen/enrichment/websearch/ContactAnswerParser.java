package app.leadgen.enrichment.websearch;

import app.leadgen.leads.ContactData;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the {@code {"email","phone","website"}} answer of an LLM web search, defensively: the JSON
 * may sit in code fences, inside prose or after a {@code <think>} block; values may be
 * placeholders ({@code …}, {@code N/A}, "nicht gefunden"), lists, or plainly wrong. Anything that
 * does not look like an email, a phone number or a web address is dropped: a guess is worse than
 * an empty field.
 */
public final class ContactAnswerParser {

    private static final Pattern THINK = Pattern.compile("(?is)<think>.*?</think>");
    private static final Pattern EMAIL =
            Pattern.compile("^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()/.\\-]{6,30}$");
    private static final Pattern WEBSITE = Pattern.compile(
            "^(https?://)?([A-Za-z0-9-]+\\.)+[A-Za-z]{2,}(:[0-9]{1,5})?([/?#][^\\s]*)?$", Pattern.CASE_INSENSITIVE);
    private static final Set<String> PLACEHOLDERS = Set.of(
            "",
            "…",
            "...",
            "n/a",
            "na",
            "n.a.",
            "none",
            "null",
            "nil",
            "unknown",
            "-",
            "–",
            "—",
            "unbekannt",
            "nicht gefunden",
            "nicht verfügbar",
            "nicht vorhanden",
            "keine",
            "kein",
            "keine angabe",
            "not found",
            "not available",
            "not provided");

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_UNQUOTED_PROPERTY_NAMES)
            .build();

    private ContactAnswerParser() {}

    public static ContactData parse(String answer) {
        if (answer == null || answer.isBlank()) {
            return ContactData.NONE;
        }
        String text = THINK.matcher(answer).replaceAll(" ");
        JsonNode object = firstJsonObject(text);
        if (object == null) {
            return ContactData.NONE;
        }
        String email = value(object, "email", "e-mail", "mail", "emailaddress", "e-mail-adresse");
        String phone = value(object, "phone", "telefon", "telefonnummer", "phonenumber", "tel");
        String website = value(object, "website", "webseite", "url", "homepage", "web");
        return new ContactData(email(email), phone(phone), website(website));
    }

    /** Scans for balanced {...} spans (respecting strings) and returns the first that parses. */
    private static JsonNode firstJsonObject(String text) {
        for (int start = text.indexOf('{'); start >= 0; start = text.indexOf('{', start + 1)) {
            int end = matchingBrace(text, start);
            if (end < 0) {
                continue;
            }
            try {
                JsonNode node = JSON.readTree(text.substring(start, end + 1));
                if (node != null && node.isObject()) {
                    return node;
                }
            } catch (JacksonException notJson) {
                // prose with braces, or a broken object: try the next opening brace
            }
        }
        return null;
    }

    private static int matchingBrace(String text, int start) {
        int depth = 0;
        boolean inString = false;
        char quote = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    inString = false;
                }
            } else if (c == '"' || c == '\'') {
                inString = true;
                quote = c;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String value(JsonNode object, String... names) {
        for (var entry : object.properties()) {
            String key =
                    entry.getKey().toLowerCase(Locale.ROOT).replace("_", "").replace(" ", "");
            for (String name : names) {
                if (key.equals(name.replace("-", "")) || key.equals(name)) {
                    return scalar(entry.getValue());
                }
            }
        }
        return null;
    }

    private static String scalar(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                String s = scalar(element);
                if (s != null) {
                    return s;
                }
            }
            return null;
        }
        if (node.isString() || node.isNumber()) {
            String s = node.asString().strip();
            return PLACEHOLDERS.contains(s.toLowerCase(Locale.ROOT)) ? null : s;
        }
        return null;
    }

    static String email(String s) {
        if (s == null) {
            return null;
        }
        String e = s.replaceFirst("(?i)^mailto:", "").strip();
        return EMAIL.matcher(e).matches() ? e : null;
    }

    static String phone(String s) {
        if (s == null) {
            return null;
        }
        String p = s.replaceFirst("(?i)^tel:", "").strip();
        long digits = p.chars().filter(Character::isDigit).count();
        return PHONE.matcher(p).matches() && digits >= 6 && digits <= 15 ? p : null;
    }

    static String website(String s) {
        if (s == null) {
            return null;
        }
        String w = s.strip();
        if (!WEBSITE.matcher(w).matches() || w.contains("@")) {
            return null;
        }
        return w.toLowerCase(Locale.ROOT).startsWith("http") ? w : "https://" + w;
    }
}
