package app.leadgen.suppressions;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The page „Sperrliste" ({@code /suppressions}): the list, adding, deleting, a CSV import. */
@Controller
class SuppressionPageController {

    @GetMapping("/suppressions")
    String page(Model model) {
        model.addAttribute("nav", "suppressions");
        return "suppressions/index";
    }
}
