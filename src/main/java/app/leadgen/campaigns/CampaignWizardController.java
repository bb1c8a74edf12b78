package app.leadgen.campaigns;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the campaign wizard asks before it saves: the audience's live count, one step's mail for a real
 * contact, the PDF proposal for one, and the defaults it fills in. Roles: the two {@code POST}s
 * (count, preview) are {@code MEMBER} — the policy's default for every {@code POST}, and fitting, since
 * only members build campaigns and an AI preview spends the provider's money; the {@code GET}s are
 * {@code VIEWER}, as every read (a viewer may already read each contact's proposal).
 */
@RestController
@RequestMapping("/api/campaigns")
@Tag(name = "Campaigns")
class CampaignWizardController {

    private final CampaignPreview preview;
    private final ProposalFiles proposals;
    private final Drafter drafter;
    private final Preparer preparer;

    CampaignWizardController(CampaignPreview preview, ProposalFiles proposals, Drafter drafter, Preparer preparer) {
        this.preview = preview;
        this.proposals = proposals;
        this.drafter = drafter;
        this.preparer = preparer;
    }

    /** MEMBER. */
    @PostMapping("/audience/count")
    @Operation(
            summary = "How many contacts an audience has (MEMBER)",
            description =
                    "Takes {\"filter\": {…}} or {\"contactIds\": […]} as a campaign's audience; answers {\"count\": n}"
                            + " — the contacts with an address that preparing would address.")
    Map<String, Long> count(@RequestBody CampaignSpec.AudienceSpec audience) {
        return Map.of("count", preview.count(audience));
    }

    /** MEMBER. */
    @PostMapping("/preview")
    @Operation(
            summary = "One step's mail for a real contact of the audience (MEMBER)",
            description = "{audience, contactId?, after?, productId?, stepIndex, step: {mode, subject, body, prompt},"
                    + " provider?, model?} → {contactId, name, to, subject, html, text}. Without contactId the"
                    + " audience's first contact after `after`. Template steps fill the placeholders (an unknown one"
                    + " is a 400); AI steps ask the configured provider (409 when it has no key).")
    CampaignPreview.Preview preview(@RequestBody CampaignPreview.Request body) {
        return preview.preview(body);
    }

    /** VIEWER. */
    @GetMapping(value = "/preview.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The PDF proposal a contact would get with this product (VIEWER; 404 for an unknown contact)")
    ResponseEntity<byte[]> previewPdf(@RequestParam long contactId, @RequestParam(required = false) Long productId) {
        if (productId != null) {
            proposals.requireProduct(productId);
        }
        ProposalFiles.Pdf pdf = proposals.preview(contactId, productId);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ProposalFiles.contentDisposition(pdf.fileName()))
                .body(pdf.content());
    }

    /** VIEWER. */
    @GetMapping("/defaults")
    @Operation(summary = "The wizard's defaults: AI prompts by contact kind, providers with their models (VIEWER)")
    Map<String, Object> defaults() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put(
                "prompts",
                Map.of("business", preparer.defaultPrompt(true), "instagram", preparer.defaultPrompt(false)));
        List<Map<String, Object>> providers = Drafter.PROVIDERS.stream()
                .map(p -> Map.<String, Object>of(
                        "name", p, "configured", drafter.configured(p), "model", drafter.defaultModel(p)))
                .toList();
        answer.put("providers", providers);
        answer.put("defaultProvider", drafter.defaultProvider());
        answer.put("placeholders", Placeholders.NAMES);
        answer.put(
                "window",
                Map.of("from", "09:00", "to", "17:00", "zone", "Europe/Berlin", "days", Campaigns.DEFAULT_DAYS));
        return answer;
    }
}
