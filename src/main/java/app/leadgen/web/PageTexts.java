package app.leadgen.web;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import tools.jackson.databind.json.JsonMapper;

/**
 * The texts the pages' scripts show, for every page: each {@code js.*} key of the message bundle in
 * the page's language without its prefix, and the Places categories ({@code locations.category.*} as
 * {@code category.*}) by the names the locations page gives them. The layout's {@code texts}
 * fragment writes them into {@code <script id="i18n">}, so no page controller has to.
 */
@ControllerAdvice
class PageTexts {

    private static final String CATEGORY = "locations.category.";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    // built once per language: the advice also runs before every API call, where it must cost nothing
    private final Map<Locale, String> byLanguage = new ConcurrentHashMap<>();

    @ModelAttribute("i18nJson")
    String i18nJson(Locale locale) {
        Locale bundle = Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.ROOT;
        return byLanguage.computeIfAbsent(bundle, PageTexts::json);
    }

    /** The texts as JSON that is safe inside a {@code <script type="application/json">} element. */
    static String json(Locale bundleLocale) {
        ResourceBundle bundle = ResourceBundle.getBundle("messages", bundleLocale, NO_FALLBACK);
        Map<String, String> texts = new TreeMap<>();
        for (String key : bundle.keySet()) {
            if (key.startsWith("js.")) {
                texts.put(key.substring(3), bundle.getString(key));
            } else if (key.startsWith(CATEGORY)) {
                texts.put("category." + key.substring(CATEGORY.length()), bundle.getString(key));
            }
        }
        return JSON.writeValueAsString(texts).replace("<", "\\u003c");
    }
}
