package app.leadgen.campaigns;

import app.leadgen.accounts.AuditLog;
import app.leadgen.support.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/campaigns}. Roles: reading is {@code VIEWER}; creating, changing, deleting and every
 * lifecycle action is {@code MEMBER} (the policy's default for changes).
 */
@RestController
@RequestMapping("/api/campaigns")
@Tag(name = "Campaigns", description = "Campaigns over lead-book contacts, their lifecycle and messages")
class CampaignController {

    static final String AUDIT = "campaign.change";

    private final Campaigns campaigns;
    private final MessageStore messages;
    private final AuditLog audit;

    CampaignController(Campaigns campaigns, MessageStore messages, AuditLog audit) {
        this.campaigns = campaigns;
        this.messages = messages;
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "Every campaign, newest first, with status, next send time and counts")
    List<Campaign> list() {
        return campaigns.all();
    }

    static final String SOURCE_NOTICE = "Optional \"sourceNotice\": true (default false): the footer of every mail of"
            + " the campaign, text and HTML, says where the recipient's address was found (GDPR Art. 14), next to the"
            + " postal address and the unsubscribe link: SOURCE_NOTICE_TEMPLATE (default: „Hinweis nach Art. 14 DSGVO:"
            + " Ihre E-Mail-Adresse haben wir {source} gefunden. …\"), {source} a German phrase for the source the lead"
            + " book recorded for the contact's e-mail address (e.g. „auf Ihrer Website (baecker.de/impressum)\", „in"
            + " Ihrem Google-Unternehmensprofil (Google Maps)\"), {email} the address.";

    @PostMapping
    @Operation(
            summary = "Create a campaign (201, status DRAFT); an unknown placeholder is a 400",
            description = SOURCE_NOTICE)
    ResponseEntity<Campaign> create(@RequestBody CampaignSpec body) {
        Campaign created = campaigns.create(body);
        audit.record(AUDIT, "created " + created.id() + " (" + created.name() + ")");
        return ResponseEntity.created(URI.create("/api/campaigns/" + created.id()))
                .body(created);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One campaign: status, nextSendAt, counts (messages, not events)")
    Campaign get(@PathVariable long id) {
        return campaigns.get(id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a campaign's settings (DRAFT or READY only, else 409)", description = SOURCE_NOTICE)
    Campaign update(@PathVariable long id, @RequestBody CampaignSpec body) {
        Campaign updated = campaigns.update(id, body);
        audit.record(AUDIT, "changed " + id);
        return updated;
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a campaign and its messages (204; 409 while preparing or sending)")
    ResponseEntity<Void> delete(@PathVariable long id) {
        campaigns.delete(id);
        audit.record(AUDIT, "deleted " + id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/prepare")
    @Operation(summary = "Draft one message per contact and step in the background (DRAFT|READY → PREPARING → READY)")
    Campaign prepare(@PathVariable long id) {
        return moved("prepare", id, campaigns::prepare);
    }

    @PostMapping("/{id}/start")
    @Operation(summary = "READY → SENDING; 409 naming SENDER_POSTAL_ADDRESS when it is not set")
    Campaign start(@PathVariable long id) {
        return moved("start", id, campaigns::start);
    }

    @PostMapping("/{id}/pause")
    @Operation(summary = "SENDING → PAUSED (a mail in flight finishes)")
    Campaign pause(@PathVariable long id) {
        return moved("pause", id, campaigns::pause);
    }

    @PostMapping("/{id}/resume")
    @Operation(summary = "PAUSED → SENDING")
    Campaign resume(@PathVariable long id) {
        return moved("resume", id, campaigns::resume);
    }

    @PostMapping("/{id}/stop")
    @Operation(summary = "→ STOPPED for good; nothing more is sent")
    Campaign stop(@PathVariable long id) {
        return moved("stop", id, campaigns::stop);
    }

    @PostMapping("/{id}/retry-failed")
    @Operation(summary = "Queue the FAILED messages again (only those; nothing sent is touched)")
    Campaign retryFailed(@PathVariable long id) {
        return moved("retry-failed", id, campaigns::retryFailed);
    }

    @PostMapping("/{id}/approve-all")
    @Operation(summary = "Approve every DRAFTED message of the campaign")
    Map<String, Integer> approveAll(@PathVariable long id) {
        int approved = campaigns.approveAll(id);
        audit.record(AUDIT, "approve-all " + id + " (" + approved + ")");
        return Map.of("approved", approved);
    }

    /** A lifecycle move, written to the audit log once it was made (a refused one is not). */
    private Campaign moved(String action, long id, java.util.function.LongFunction<Campaign> move) {
        Campaign c = move.apply(id);
        audit.record(AUDIT, action + " " + id);
        return c;
    }

    @GetMapping("/{id}/messages")
    @Operation(summary = "The campaign's messages by step and id, optionally of one status; page from 0, size ≤ 500")
    Map<String, Object> messages(
            @PathVariable long id,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        campaigns.row(id);
        String s = status == null || status.isBlank() ? null : status.strip().toUpperCase(java.util.Locale.ROOT);
        if (s != null && !MessageStore.STATUSES.contains(s)) {
            throw ApiProblem.badRequest("problem.campaigns.status", status);
        }
        if (page < 0 || size < 1 || size > 500) {
            throw ApiProblem.badRequest("problem.campaigns.page");
        }
        return Map.of(
                "items", messages.page(id, s, page, size), "total", messages.count(id, s), "page", page, "size", size);
    }
}
