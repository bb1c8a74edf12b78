package app.leadgen.support;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * The texts a page's script shows: every {@code js.*} key of the message bundle in the page's
 * language, as JSON that is safe inside a {@code <script type="application/json">} element.
 */
public final class PageTexts {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private PageTexts() {}

    public static String json(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(
                "messages",
                Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.ROOT,
                NO_FALLBACK);
        Map<String, String> texts = new TreeMap<>();
        for (String key : bundle.keySet()) {
            if (key.startsWith("js.")) {
                texts.put(key.substring(3), bundle.getString(key));
            }
        }
        return JSON.writeValueAsString(texts).replace("<", "\\u003c");
    }
}
