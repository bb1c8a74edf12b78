package app.leadgen.proposal;

import app.leadgen.accounts.AuditLog;
import app.leadgen.support.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The proposal's settings (every role reads, {@code ADMIN} changes: {@code /api/settings/**} in the
 * access policy) and the preview for a lead-book contact ({@code VIEWER}: a read).
 */
@RestController
@Tag(name = "Proposal", description = "The four-page PDF proposal per lead and its settings")
class ProposalController {

    private final ProposalSettings settings;
    private final Proposals proposals;
    private final Brochure brochure;
    private final AuditLog audit;

    ProposalController(ProposalSettings settings, Proposals proposals, Brochure brochure, AuditLog audit) {
        this.settings = settings;
        this.brochure = brochure;
        this.proposals = proposals;
        this.audit = audit;
    }

    @GetMapping("/api/settings/proposal")
    @Operation(summary = "Case studies per category, service packages, booking link, sender phone")
    ProposalSettings.Values get() {
        return settings.current();
    }

    @PutMapping("/api/settings/proposal")
    @Operation(
            summary = "Replace the proposal's settings (ADMIN)",
            description = "caseStudies: at most 20, key a category word (\"*\": every other category), text at most"
                    + " 2500 characters; packages: at most 6 of {name, description (350), price in euros or null};"
                    + " bookingLink: an absolute http(s) address; senderPhone: at most 40 characters")
    ProposalSettings.Values put(@RequestBody ProposalSettings.Values body) {
        ProposalSettings.Values saved = settings.save(body);
        audit.record(
                AuditLog.SETTINGS_CHANGE,
                "proposal: " + saved.caseStudies().size() + " case studies, "
                        + saved.packages().size() + " packages");
        return saved;
    }

    @PostMapping(value = "/api/settings/proposal/brochure", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload the static brochure (ADMIN; field file, a PDF of at most 10 MB; replaces the old one)")
    Map<String, Object> uploadBrochure(@RequestPart(name = "file", required = false) MultipartFile file)
            throws java.io.IOException {
        Proposals.Attachment saved = brochure.replace(
                file == null ? null : file.getOriginalFilename(), file == null ? null : file.getBytes());
        audit.record(AuditLog.SETTINGS_CHANGE, "proposal brochure: " + saved.fileName());
        return Map.of("fileName", saved.fileName(), "size", saved.content().length);
    }

    @GetMapping(value = "/api/settings/proposal/brochure", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The static brochure (404 when none was uploaded)")
    ResponseEntity<byte[]> brochure() {
        Proposals.Attachment a =
                brochure.current().orElseThrow(() -> ApiProblem.notFound("problem.proposal.no-brochure"));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(a.fileName()))
                .body(a.content());
    }

    @DeleteMapping("/api/settings/proposal/brochure")
    @Operation(summary = "Remove the static brochure (ADMIN; 204, 404 when there is none)")
    ResponseEntity<Void> removeBrochure() {
        if (!brochure.remove()) {
            throw ApiProblem.notFound("problem.proposal.no-brochure");
        }
        audit.record(AuditLog.SETTINGS_CHANGE, "proposal brochure removed");
        return ResponseEntity.noContent().build();
    }

    @GetMapping(value = "/api/contacts/{id}/proposal.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The contact's proposal as it would go out (page 1 with the default text); 404 if unknown")
    ResponseEntity<byte[]> preview(@PathVariable long id) {
        ProposalInput input = proposals.inputFor(id);
        byte[] pdf = proposals.render(input);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(Proposals.fileName(input.companyName())))
                .body(pdf);
    }

    /** RFC 6266: an ASCII name for old clients and the UTF-8 one ({@code filename*}) for the rest. */
    static String contentDisposition(String fileName) {
        String ascii = fileName.replace("ä", "ae")
                .replace("ö", "oe")
                .replace("ü", "ue")
                .replace("Ä", "Ae")
                .replace("Ö", "Oe")
                .replace("Ü", "Ue")
                .replace("ß", "ss")
                .replaceAll("[^A-Za-z0-9._&-]", "_");
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
