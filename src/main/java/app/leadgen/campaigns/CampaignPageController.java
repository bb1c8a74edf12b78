package app.leadgen.campaigns;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The pages „Kampagnen" ({@code /campaigns}: the list with live numbers and a create form) and a
 * campaign ({@code /campaigns/{id}}: progress, next send time, the messages with approval), and
 * „Postfächer" ({@code /mailboxes}). Every role sees them; the buttons that change something are for
 * members (mailboxes: admins).
 */
@Controller
class CampaignPageController {

    private final Campaigns campaigns;

    CampaignPageController(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    @GetMapping("/campaigns")
    String list(Model model) {
        model.addAttribute("nav", "campaigns");
        return "campaigns/index";
    }

    @GetMapping("/campaigns/{id}")
    String campaign(@PathVariable long id, Model model) {
        campaigns.row(id); // 404 for an unknown one
        model.addAttribute("nav", "campaigns");
        model.addAttribute("campaignId", id);
        return "campaigns/campaign";
    }

    /** „Postfächer": every role sees the list; adding, changing, testing is for admins (the API decides). */
    @GetMapping("/mailboxes")
    String mailboxes(Model model) {
        model.addAttribute("nav", "mailboxes");
        return "campaigns/mailboxes";
    }
}
