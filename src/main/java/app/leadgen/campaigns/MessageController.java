package app.leadgen.campaigns;

import app.leadgen.accounts.AuditLog;
import app.leadgen.support.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/messages/{id}}: reading is {@code VIEWER}; editing and approving {@code MEMBER}. */
@RestController
@RequestMapping("/api/messages")
@Tag(name = "Campaigns")
class MessageController {

    private final MessageStore messages;
    private final AuditLog audit;
    private final CampaignStore campaigns;
    private final ProposalFiles proposals;

    MessageController(MessageStore messages, AuditLog audit, CampaignStore campaigns, ProposalFiles proposals) {
        this.messages = messages;
        this.audit = audit;
        this.campaigns = campaigns;
        this.proposals = proposals;
    }

    record Edit(String subject, String body) {}

    @GetMapping("/{id}")
    @Operation(summary = "One message of a campaign, with its body")
    Message get(@PathVariable long id) {
        return messages.find(id).orElseThrow(() -> ApiProblem.notFound("problem.messages.not-found", id));
    }

    /** The body as the mail carries it: cleaned to the safe subset the composer sends (VIEWER). */
    record Rendered(long id, String subject, String html, String text) {}

    @GetMapping("/{id}/preview")
    @Operation(summary = "The message's body cleaned as it goes out (HTML and text part, without footer and tracking)")
    Rendered preview(@PathVariable long id) {
        Message m = get(id);
        String html = app.leadgen.outreach.MailComposer.clean(m.body());
        return new Rendered(m.id(), m.subject(), html, app.leadgen.outreach.MailComposer.text(html));
    }

    @GetMapping(value = "/{id}/proposal.pdf", produces = ProposalFiles.PDF)
    @Operation(summary = "The message's PDF proposal as it goes out (the QR code to the untracked booking link)")
    org.springframework.http.ResponseEntity<byte[]> proposal(@PathVariable long id) {
        Message m = get(id);
        CampaignStore.Row campaign =
                campaigns.find(m.campaignId()).orElseThrow(() -> ApiProblem.notFound("problem.messages.not-found", id));
        ProposalFiles.Pdf pdf = proposals.render(campaign, m, null);
        return org.springframework.http.ResponseEntity.ok()
                .header("Content-Disposition", ProposalFiles.contentDisposition(pdf.fileName()))
                .contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .body(pdf.content());
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change subject and body while the message is not sent (409 once it is being sent)")
    Message edit(@PathVariable long id, @RequestBody Edit body) {
        get(id);
        String subject = body.subject() == null ? "" : body.subject().strip();
        String html = body.body() == null ? "" : body.body().strip();
        if (subject.isEmpty()
                || html.isEmpty()
                || subject.length() > 500
                || subject.contains("\n")
                || html.length() > Campaigns.MAX_TEMPLATE) {
            throw ApiProblem.badRequest("problem.messages.edit");
        }
        if (!messages.edit(id, subject, html)) {
            throw ApiProblem.conflict("problem.messages.sent", id);
        }
        audit.record("campaign.message", "edited " + id);
        return get(id);
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "Approve a DRAFTED message (409 when it is not one)")
    Message approve(@PathVariable long id) {
        Message m = get(id);
        if (messages.approve(m.campaignId(), id) == 0) {
            throw ApiProblem.conflict("problem.messages.approve", m.status());
        }
        audit.record("campaign.message", "approved " + id);
        return get(id);
    }
}
