package app.leadgen.book.web;

import app.leadgen.book.BookPage;
import app.leadgen.book.Cards;
import app.leadgen.book.CompanyDetail;
import app.leadgen.book.CompanyItem;
import app.leadgen.book.CompanyQuery;
import app.leadgen.book.ContactQuery;
import app.leadgen.support.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The lead book's companies (read only: companies change through their sources). */
@RestController
@RequestMapping("/api/companies")
@Tag(name = "Companies", description = "The lead book: businesses from every source")
class CompanyApiController {

    private final CompanyQuery query;
    private final Cards cards;

    CompanyApiController(CompanyQuery query, Cards cards) {
        this.query = query;
        this.cards = cards;
    }

    @GetMapping
    @Operation(summary = "One page of companies, filtered and sorted in the database")
    BookPage<CompanyItem> list(
            @Parameter(description = "contains, in name, domain or city") @RequestParam(required = false) String q,
            @Parameter(description = "instagram, places, csv or user") @RequestParam(required = false) String source,
            @RequestParam(required = false) String city,
            @RequestParam(required = false) String category,
            @Parameter(description = "the next of the page before: pages by key (page is then not used)")
                    @RequestParam(required = false)
                    String cursor,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            @Parameter(
                            description =
                                    "field,asc|desc; fields: id, name, domain, city, postalCode, country, category,"
                                            + " rating, reviewCount, createdAt, updatedAt")
                    @RequestParam(defaultValue = CompanyQuery.DEFAULT_SORT)
                    String sort) {
        Paging.check(page, size, ContactQuery.MAX_PAGE_SIZE);
        if (!CompanyQuery.isSortable(sort)) {
            throw ApiProblem.badRequest("problem.leads.sort", String.join(", ", CompanyQuery.sortableFields()));
        }
        try {
            return query.page(
                    new CompanyQuery.Filter(
                            ContactApiController.blankToNull(q),
                            ContactApiController.origin(source),
                            ContactApiController.blankToNull(city),
                            ContactApiController.blankToNull(category)),
                    ContactApiController.blankToNull(cursor),
                    page,
                    size,
                    sort);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("problem.leads.cursor");
        }
    }

    @GetMapping("/{id}")
    @Operation(summary = "One company with the source and time of every field, and its contacts")
    CompanyDetail get(@PathVariable long id) {
        return cards.company(id).orElseThrow(() -> ApiProblem.notFound("problem.companies.unknown", id));
    }
}
