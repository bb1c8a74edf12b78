package app.leadgen.outreach.web;

import app.leadgen.accounts.AuditLog;
import app.leadgen.outreach.Draft;
import app.leadgen.outreach.EmailDrafter;
import app.leadgen.outreach.SendService;
import app.leadgen.outreach.StoredDraft;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The spec's per-row actions: draft an e-mail with the LLM, send it through Gmail. */
@RestController
@Tag(name = "Outreach", description = "E-mail drafts and sending")
class OutreachController {

    private final EmailDrafter drafter;
    private final SendService sender;
    private final AuditLog audit;

    OutreachController(EmailDrafter drafter, SendService sender, AuditLog audit) {
        this.drafter = drafter;
        this.sender = sender;
        this.audit = audit;
    }

    @PostMapping("/draft/{username}")
    @Operation(summary = "Write a subject and body for this lead with the prompts from the settings")
    Draft draft(@PathVariable String username) {
        return drafter.draft(username);
    }

    record SendRequest(String subject, String body, String to) {}

    @PostMapping(value = "/send/{username}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary =
                    "Send the e-mail (to the lead's address unless 'to' is given); 409 if this content was sent already")
    SendService.Result sendJson(@PathVariable String username, @RequestBody SendRequest request) {
        return send(username, request.subject(), request.body(), request.to());
    }

    @PostMapping("/api/contacts/{id}/draft")
    @Operation(
            summary =
                    "Write a subject and body for this lead-book contact (any source) with the prompts from the settings")
    Draft draftContact(@PathVariable long id) {
        return drafter.draftContact(id);
    }

    @GetMapping("/api/contacts/{id}/draft")
    @Operation(summary = "The contact's kept draft (subject and body null when none) and when it was sent")
    StoredDraft storedDraft(@PathVariable long id) {
        return drafter.stored(id);
    }

    @PostMapping(value = "/api/contacts/{id}/send", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Send the e-mail to this contact (to its address unless 'to' is given); 409 if this content was"
                    + " sent already; 422 without an address or when its domain takes no mail")
    SendService.Result sendContactJson(@PathVariable long id, @RequestBody SendRequest request) {
        return sendToContact(id, request.subject(), request.body(), request.to());
    }

    @PostMapping(value = "/api/contacts/{id}/send", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    SendService.Result sendContactForm(
            @PathVariable long id,
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) String body,
            @RequestParam(required = false) String to) {
        return sendToContact(id, subject, body, to);
    }

    @PostMapping(value = "/send/{username}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    SendService.Result sendForm(
            @PathVariable String username,
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) String body,
            @RequestParam(required = false) String to) {
        return send(username, subject, body, to);
    }

    private SendService.Result sendToContact(long id, String subject, String body, String to) {
        SendService.Result result = sender.sendToContact(id, subject, body, to);
        boolean override = to != null && !to.isBlank();
        audit.record(
                AuditLog.MAIL_SEND,
                "contact " + id + " to " + result.to() + (override ? " (address given with the request)" : "")
                        + ", subject: " + subject);
        return result;
    }

    /**
     * Sends and records who sent what to whom; a {@code to} other than the lead's address (members
     * and admins may set one) is marked as such in the audit log.
     */
    private SendService.Result send(String username, String subject, String body, String to) {
        SendService.Result result = sender.send(username, subject, body, to);
        boolean override = to != null && !to.isBlank();
        audit.record(
                AuditLog.MAIL_SEND,
                "@" + username + " to " + result.to() + (override ? " (address given with the request)" : "")
                        + ", subject: " + subject);
        return result;
    }
}
