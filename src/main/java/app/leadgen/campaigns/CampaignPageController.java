package app.leadgen.campaigns;

import app.leadgen.book.ContactStatus;
import app.leadgen.book.Origin;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The pages „Kampagnen" ({@code /campaigns}: the list with live numbers and a create form) and a
 * campaign ({@code /campaigns/{id}}: progress, next send time, the messages with approval), and
 * „Postfächer" ({@code /mailboxes}), the wizard ({@code /campaigns/new}, {@code /campaigns/{id}/edit}) and the
 * review of drafts ({@code /campaigns/{id}/review}). Every role sees them; the buttons that change something are for
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

    /** The wizard for a new campaign; saving is for members (the API decides). */
    @GetMapping("/campaigns/new")
    String create(Model model) {
        return wizard(model, null, true);
    }

    /** The wizard on a stored campaign: changes only while it is a draft or ready (else the page says so). */
    @GetMapping("/campaigns/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        String status = campaigns.row(id).status();
        return wizard(model, id, List.of("DRAFT", "READY").contains(status));
    }

    /** The drafts of a campaign one by one: read, edit, approve (members), with their PDF. */
    @GetMapping("/campaigns/{id}/review")
    String review(@PathVariable long id, Model model) {
        campaigns.row(id);
        model.addAttribute("nav", "campaigns");
        model.addAttribute("campaignId", id);
        return "campaigns/review";
    }

    private String wizard(Model model, Long id, boolean editable) {
        model.addAttribute("nav", "campaigns");
        model.addAttribute("campaignId", id);
        model.addAttribute("editable", editable);
        model.addAttribute(
                "origins", Arrays.stream(Origin.values()).map(Origin::value).toList());
        model.addAttribute(
                "statuses",
                Arrays.stream(ContactStatus.values()).map(ContactStatus::value).toList());
        model.addAttribute(
                "days", Arrays.stream(DayOfWeek.values()).map(DayOfWeek::name).toList());
        return "campaigns/wizard";
    }

    /** „Postfächer": every role sees the list; adding, changing, testing is for admins (the API decides). */
    @GetMapping("/mailboxes")
    String mailboxes(Model model) {
        model.addAttribute("nav", "mailboxes");
        return "campaigns/mailboxes";
    }
}
