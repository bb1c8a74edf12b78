package app.leadgen.accounts;

import app.leadgen.support.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log for admins, newest first. */
@RestController
@Tag(name = "Audit", description = "Who did what, when and from where (admins only)")
class AuditApiController {

    static final int MAX_SIZE = 200;
    static final int MAX_PAGE = 10_000;

    record AuditPage(List<AuditLog.Entry> items, long total, int page, int size) {}

    private final AuditLog audit;

    AuditApiController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/audit")
    @Operation(summary = "One page of the audit log: time, actor, action, detail, remote address")
    AuditPage list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || page > MAX_PAGE) {
            throw ApiProblem.badRequest("problem.accounts.audit-page", MAX_PAGE);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ApiProblem.badRequest("problem.accounts.audit-size", MAX_SIZE);
        }
        return new AuditPage(audit.page(page, size), audit.count(), page, size);
    }
}
