package app.leadgen.book.web;

import app.leadgen.book.ContactStatus;
import app.leadgen.book.Origin;
import java.util.Arrays;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The lead book's pages, „Kontakte" ({@code /contacts}) and „Firmen" ({@code /companies}): every
 * role may read them (VIEWER); corrections, forgetting, drafting and sending in them need MEMBER
 * (the API decides, the pages hide what the role cannot do).
 */
@Controller
class BookPageController {

    @GetMapping("/contacts")
    String contacts(Model model) {
        model.addAttribute("nav", "contacts");
        model.addAttribute(
                "origins", Arrays.stream(Origin.values()).map(Origin::value).toList());
        model.addAttribute(
                "statuses",
                Arrays.stream(ContactStatus.values()).map(ContactStatus::value).toList());
        return "book/contacts";
    }

    @GetMapping("/companies")
    String companies(Model model) {
        model.addAttribute("nav", "companies");
        return "book/companies";
    }
}
