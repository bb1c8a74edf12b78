package app.leadgen.book.web;

import app.leadgen.accounts.AuditLog;
import app.leadgen.book.BookPage;
import app.leadgen.book.Cards;
import app.leadgen.book.ContactDetail;
import app.leadgen.book.ContactItem;
import app.leadgen.book.ContactQuery;
import app.leadgen.book.ContactStatus;
import app.leadgen.book.Corrections;
import app.leadgen.book.Origin;
import app.leadgen.support.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The lead book's contacts: reading is for every role; correcting and forgetting change data (members). */
@RestController
@RequestMapping("/api/contacts")
@Tag(name = "Contacts", description = "The lead book: people and role mailboxes from every source")
class ContactApiController {

    private final ContactQuery query;
    private final Cards cards;
    private final Corrections corrections;
    private final AuditLog audit;

    ContactApiController(ContactQuery query, Cards cards, Corrections corrections, AuditLog audit) {
        this.query = query;
        this.cards = cards;
        this.corrections = corrections;
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "One page of contacts, filtered and sorted in the database")
    BookPage<ContactItem> list(
            @Parameter(description = "contains, in name, e-mail, Instagram username, company or city")
                    @RequestParam(required = false)
                    String q,
            @Parameter(description = "instagram, places, csv or user") @RequestParam(required = false) String source,
            @Parameter(description = "a status of seed 002 §6, e.g. discovered, qualified")
                    @RequestParam(required = false)
                    String status,
            @RequestParam(required = false) Long importId,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) Long companyId,
            @Parameter(description = "the next of the page before: pages by key (page is then not used)")
                    @RequestParam(required = false)
                    String cursor,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            @Parameter(
                            description =
                                    "field,asc|desc; fields: id, fullName, firstName, lastName, title, position, email,"
                                            + " emailCheck, phone, instagram, companyName, city, status, createdAt, updatedAt")
                    @RequestParam(defaultValue = ContactQuery.DEFAULT_SORT)
                    String sort) {
        Paging.check(page, size, ContactQuery.MAX_PAGE_SIZE);
        if (!ContactQuery.isSortable(sort)) {
            throw ApiProblem.badRequest("problem.leads.sort", String.join(", ", ContactQuery.sortableFields()));
        }
        try {
            return query.page(
                    new ContactQuery.Filter(
                            blankToNull(q), origin(source), status(status), importId, blankToNull(tag), companyId),
                    ContactApiController.blankToNull(cursor),
                    page,
                    size,
                    sort);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("problem.leads.cursor");
        }
    }

    @GetMapping("/{id}")
    @Operation(summary = "One contact with its company, the source and time of every field, and where it came from")
    ContactDetail get(@PathVariable long id) {
        return cards.contact(id).orElseThrow(() -> ApiProblem.notFound("problem.contacts.unknown", id));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "A person corrects fields (their source becomes user); null or an empty text clears a field")
    ContactDetail patch(@PathVariable long id, @RequestBody Map<String, String> fields) {
        corrections.correct(id, new LinkedHashMap<>(fields));
        return get(id);
    }

    @DeleteMapping("/{id}")
    @Operation(
            summary = "Forget a person (GDPR Art. 17, forget=true): erases the contact everywhere and keeps only keyed"
                    + " hashes of its e-mail and Instagram username, so no source adds the person again")
    ResponseEntity<Void> forget(@PathVariable long id, @RequestParam(defaultValue = "false") boolean forget) {
        if (!forget) {
            throw ApiProblem.badRequest("problem.contacts.forget-only");
        }
        corrections.forget(id);
        // who asked for it, never whom: the person's data is gone, the contact number stays
        audit.record(AuditLog.CONTACT_FORGET, "contact " + id);
        return ResponseEntity.noContent().build();
    }

    static String origin(String source) {
        if (source == null || source.isBlank()) {
            return null;
        }
        return Arrays.stream(Origin.values())
                .map(Origin::value)
                .filter(v -> v.equals(source.strip()))
                .findFirst()
                .orElseThrow(() -> ApiProblem.badRequest(
                        "problem.leads.source",
                        String.join(
                                ", ",
                                Arrays.stream(Origin.values())
                                        .map(Origin::value)
                                        .toList())));
    }

    private static String status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ContactStatus.of(status).value();
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(
                    "problem.contacts.status",
                    String.join(
                            ", ",
                            Arrays.stream(ContactStatus.values())
                                    .map(ContactStatus::value)
                                    .toList()));
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
