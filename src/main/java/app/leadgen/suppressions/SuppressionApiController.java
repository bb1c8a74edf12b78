package app.leadgen.suppressions;

import app.leadgen.accounts.AuditLog;
import app.leadgen.support.ApiProblem;
import app.leadgen.suppressions.SuppressionEditor.Imported;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The suppression list. Reading is for every role (a viewer sees who gets no mail); adding,
 * deleting and importing are a member's (the access policy's default for changes): members send
 * mail, and taking an address off the list or putting one on is part of sending responsibly, not
 * an administration of the app. Every change goes to the audit log.
 */
@RestController
@RequestMapping("/api/suppressions")
@Tag(name = "Suppressions", description = "Addresses and domains that get no mail")
class SuppressionApiController {

    static final String AUDIT = "suppression.change";

    private final SuppressionEditor editor;
    private final AuditLog audit;

    SuppressionApiController(SuppressionEditor editor, AuditLog audit) {
        this.editor = editor;
        this.audit = audit;
    }

    record Page(List<Suppression> items, long total, int page, int size) {}

    record Input(String email, String domain, String reason) {}

    /** The entry, and whether this request put it there ({@code false}: it was on the list already). */
    record Entry(
            long id, String email, String domain, String reason, String createdBy, Instant createdAt, boolean created) {
        static Entry of(Suppression s, boolean created) {
            return new Entry(s.id(), s.email(), s.domain(), s.reason(), s.createdBy(), s.createdAt(), created);
        }
    }

    @GetMapping
    @Operation(summary = "One page of the list, newest first; q filters by a part of an address or domain")
    Page list(
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || page > 100_000) {
            throw ApiProblem.badRequest("problem.leads.page");
        }
        if (size < 1 || size > SuppressionEditor.MAX_PAGE_SIZE) {
            throw ApiProblem.badRequest("problem.leads.size", SuppressionEditor.MAX_PAGE_SIZE);
        }
        String query = q == null || q.isBlank() ? null : q;
        return new Page(editor.page(query, page, size), editor.count(query), page, size);
    }

    @GetMapping("/check")
    @Operation(summary = "Whether an address gets no mail, and why (its entry, its domain's, or a forgotten person)")
    Map<String, Object> check(@RequestParam String email) {
        var reason = editor.reasonFor(email);
        return reason.<Map<String, Object>>map(r -> Map.of("email", email, "suppressed", true, "reason", r))
                .orElseGet(() -> Map.of("email", email, "suppressed", false));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Put an address ({\"email\"}) or a whole domain ({\"domain\"}) on the list (201; 200 with the"
                    + " existing entry when it is there already)",
            description = "reason: unsubscribed, bounced, complained or manual (default); forgotten is set by"
                    + " forgetting a contact only")
    ResponseEntity<Entry> add(@RequestBody Input input) {
        Reason reason = input == null || input.reason() == null
                ? Reason.MANUAL
                : Reason.parse(input.reason())
                        .orElseThrow(() -> ApiProblem.badRequest("problem.suppressions.reason", echo(input.reason())));
        SuppressionEditor.Added added =
                editor.add(input == null ? null : input.email(), input == null ? null : input.domain(), reason);
        Suppression entry = added.entry();
        if (!added.created()) {
            return ResponseEntity.ok(Entry.of(entry, false));
        }
        audit.record(AUDIT, "added " + name(entry) + " (" + entry.reason() + ")");
        return ResponseEntity.status(HttpStatus.CREATED).body(Entry.of(entry, true));
    }

    @DeleteMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Take an address ({\"email\"}) or a domain ({\"domain\"}) off the list (204; 404 if absent)")
    ResponseEntity<Void> remove(@RequestBody Input input) {
        Suppression removed =
                editor.remove(input == null ? null : input.email(), input == null ? null : input.domain());
        audit.record(AUDIT, "removed " + name(removed));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete an entry by its id (204; 404 if absent)")
    ResponseEntity<Void> delete(@PathVariable long id) {
        Suppression removed = editor.delete(id);
        audit.record(AUDIT, "removed " + name(removed));
        return ResponseEntity.noContent().build();
    }

    @PostMapping(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Import a CSV file: one address or domain per line, or a header with an e-mail (or domain)"
                    + " column; answers how many lines were read, added, already there and unusable")
    Imported importFile(
            @RequestPart(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String reason) {
        if (file == null || file.isEmpty()) {
            throw ApiProblem.badRequest("problem.suppressions.file");
        }
        Reason r = reason == null || reason.isBlank()
                ? Reason.MANUAL
                : Reason.parse(reason)
                        .orElseThrow(() -> ApiProblem.badRequest("problem.suppressions.reason", echo(reason)));
        try (var in = file.getInputStream()) {
            Imported result = editor.importFile(in, r);
            audit.record(
                    AUDIT,
                    "imported " + echo(file.getOriginalFilename()) + ": " + result.added() + " added, "
                            + result.already() + " already listed, " + result.invalid() + " unusable");
            return result;
        } catch (IOException e) {
            throw ApiProblem.badRequest("problem.suppressions.unreadable", echo(e.getMessage()));
        }
    }

    private static String name(Suppression s) {
        return s.email() != null ? s.email() : s.domain() != null ? "domain " + s.domain() : "entry " + s.id();
    }

    static String echo(String value) {
        if (value == null) {
            return "";
        }
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
    }
}
