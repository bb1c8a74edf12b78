package app.leadgen.web;

import app.leadgen.instagram.InstagramSession;
import app.leadgen.leads.LeadQuery;
import app.leadgen.outreach.PromptTemplate;
import app.leadgen.support.MissingSetting;
import app.leadgen.support.SettingsCheck;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: the run form, its progress, the settings panel and the leads table ({@code /}). */
@Controller
class HomeController {

    private final List<SettingsCheck> checks;
    private final InstagramSession igSession;

    HomeController(List<SettingsCheck> checks, InstagramSession igSession) {
        this.checks = checks;
        this.igSession = igSession;
    }

    @GetMapping("/")
    String home(Model model, HttpSession session) {
        List<MissingSetting> missing =
                checks.stream().flatMap(c -> c.missingSettings().stream()).toList();
        model.addAttribute("missing", missing);
        model.addAttribute("needsSession", igSession.source(session).equals("none"));
        model.addAttribute("maxKeyword", app.leadgen.instagram.Keywords.MAX_LENGTH);
        model.addAttribute("sortable", LeadQuery.sortableFields());
        model.addAttribute("placeholders", "{" + String.join("}, {", PromptTemplate.PLACEHOLDERS) + "}");
        return "home/index";
    }
}
