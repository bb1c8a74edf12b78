package app.leadgen.web;

import app.leadgen.instagram.InstagramSession;
import app.leadgen.leads.LeadQuery;
import app.leadgen.outreach.PromptTemplate;
import app.leadgen.support.MissingSetting;
import app.leadgen.support.SettingsCheck;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;

@Controller
class HomeController {

    private final List<SettingsCheck> checks;
    private final InstagramSession igSession;

    HomeController(List<SettingsCheck> checks, InstagramSession igSession) {
        this.checks = checks;
        this.igSession = igSession;
    }

    @GetMapping("/")
    String home(Model model, HttpSession session, Locale locale) {
        List<MissingSetting> missing =
                checks.stream().flatMap(c -> c.missingSettings().stream()).toList();
        model.addAttribute("missing", missing);
        model.addAttribute("needsSession", igSession.source(session).equals("none"));
        model.addAttribute("maxKeyword", app.leadgen.instagram.Keywords.MAX_LENGTH);
        model.addAttribute("sortable", LeadQuery.sortableFields());
        model.addAttribute("placeholders", "{" + String.join("}, {", PromptTemplate.PLACEHOLDERS) + "}");
        model.addAttribute("i18nJson", scriptMessages(locale));
        return "home/index";
    }

    /** The texts the page's script shows, as JSON safe to put inside a script element. */
    static String scriptMessages(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(
                "messages",
                Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.ROOT,
                NO_FALLBACK);
        Map<String, String> texts = new TreeMap<>();
        for (String key : bundle.keySet()) {
            if (key.startsWith("js.")) {
                texts.put(key.substring(3), bundle.getString(key));
            } else if (key.startsWith(CATEGORY)) {
                // the Places categories by the names the locations page gives them
                texts.put("category." + key.substring(CATEGORY.length()), bundle.getString(key));
            }
        }
        return JSON.writeValueAsString(texts).replace("<", "\\u003c");
    }

    private static final String CATEGORY = "locations.category.";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
}
