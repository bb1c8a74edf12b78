package app.leadgen.leads.web;

import app.leadgen.leads.LeadPage;
import app.leadgen.leads.LeadQuery;
import app.leadgen.leads.LeadSort;
import app.leadgen.support.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/leads")
@Tag(name = "Leads", description = "The leads table")
class LeadApiController {

    private final LeadQuery query;

    LeadApiController(LeadQuery query) {
        this.query = query;
    }

    @GetMapping
    @Operation(summary = "One page of leads, sorted in the database; next is the cursor of the page after it")
    LeadPage list(
            @RequestParam(required = false) Long runId,
            @Parameter(description = "only leads of this source: instagram or places") @RequestParam(required = false)
                    String source,
            @Parameter(description = "the next of the page before: pages by key (page is then not used)")
                    @RequestParam(required = false)
                    String cursor,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            @Parameter(
                            description = "field,asc|desc; fields: id, username, fullName, bio, email, phone, website,"
                                    + " followers, hashtag, keyword, foundAt, runId, duplicate, source, sentAt, name, category,"
                                    + " city, rating, reviewCount, status, score")
                    @RequestParam(defaultValue = LeadSort.DEFAULT)
                    String sort) {
        if (page < 0) {
            throw ApiProblem.badRequest("problem.leads.page");
        }
        if (size < 1 || size > LeadQuery.MAX_PAGE_SIZE) {
            throw ApiProblem.badRequest("problem.leads.size", LeadQuery.MAX_PAGE_SIZE);
        }
        if ((long) page * size > LeadQuery.MAX_OFFSET) {
            throw ApiProblem.badRequest("problem.leads.page-too-far", String.valueOf(LeadQuery.MAX_OFFSET));
        }
        LeadSort order = LeadSort.parse(sort)
                .orElseThrow(() ->
                        ApiProblem.badRequest("problem.leads.sort", String.join(", ", LeadQuery.sortableFields())));
        if (source != null && !LeadQuery.SOURCES.contains(source)) {
            throw ApiProblem.badRequest("problem.leads.source", String.join(", ", LeadQuery.SOURCES));
        }
        try {
            return query.page(runId, source, blank(cursor), page, size, order.field(), order.ascending());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("problem.leads.cursor");
        }
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
