package app.leadgen.export;

import app.leadgen.accounts.AuditLog;
import app.leadgen.book.ContactQuery;
import app.leadgen.book.ContactStatus;
import app.leadgen.book.Origin;
import app.leadgen.support.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.springframework.context.MessageSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The lead book's contacts as CSV or Excel, with the filters and sort of {@code GET /api/contacts}:
 * one query in one read-only transaction, written to a spool file, then sent (see {@link Spool}).
 */
@RestController
@Tag(name = "Export", description = "The leads table as CSV, Excel or a new Google Sheet")
class ContactExportController {

    private final ContactQuery contacts;
    private final MessageSource messages;
    private final ExportProperties properties;
    private final Clock clock;
    private final AuditLog audit;
    private final ExportSlots slots;
    private final TransactionTemplate snapshot;

    ContactExportController(
            ContactQuery contacts,
            MessageSource messages,
            ExportProperties properties,
            Clock clock,
            AuditLog audit,
            ExportSlots slots,
            PlatformTransactionManager transactions) {
        this.contacts = contacts;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
        this.audit = audit;
        this.slots = slots;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    @GetMapping("/export/contacts")
    @Operation(
            summary = "Download the lead book's contacts (filters and sort as GET /api/contacts) as CSV or Excel;"
                    + " 429 when EXPORTS_AT_ONCE exports run")
    void download(
            @Parameter(description = "csv or xlsx") @RequestParam(required = false) String format,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Long importId,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) Long companyId,
            @RequestParam(defaultValue = ContactQuery.DEFAULT_SORT) String sort,
            Locale locale,
            HttpServletResponse response)
            throws IOException {
        boolean csv = "csv".equalsIgnoreCase(format == null ? "" : format.strip());
        if (!csv && !"xlsx".equalsIgnoreCase(format == null ? "" : format.strip())) {
            throw ApiProblem.badRequest("problem.export.format");
        }
        if (!ContactQuery.isSortable(sort)) {
            throw ApiProblem.badRequest("problem.leads.sort", String.join(", ", ContactQuery.sortableFields()));
        }
        ContactQuery.Filter filter = new ContactQuery.Filter(
                blankToNull(q), origin(source), status(status), importId, blankToNull(tag), companyId);
        ContactCells cells = new ContactCells(messages, locale, new LeadCells(messages, locale, properties.timeZone()));
        String filename = "contacts-" + LocalDate.now(clock.withZone(properties.timeZone())) + (csv ? ".csv" : ".xlsx");
        try (ExportSlots.Slot slot = slots.take()) {
            audit.record(AuditLog.EXPORT, filename + ", sort " + sort);
            Consumer<Consumer<List<Object>>> rows = consumer -> snapshot.executeWithoutResult(
                    tx -> contacts.stream(filter, sort, properties.pageSize(), c -> consumer.accept(cells.cells(c))));
            if (csv) {
                Spool.csv(
                        response,
                        ExportController.Format.CSV.contentType,
                        filename,
                        out -> CsvExport.write(out, cells.headers(), rows));
            } else {
                Spool.xlsx(
                        response,
                        ExportController.Format.XLSX.contentType,
                        filename,
                        () -> XlsxExport.fill(cells.headers(), ContactCells.widths(), "Kontakte", rows));
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String origin(String source) {
        if (source == null || source.isBlank()) {
            return null;
        }
        List<String> values = Arrays.stream(Origin.values()).map(Origin::value).toList();
        if (!values.contains(source.strip())) {
            throw ApiProblem.badRequest("problem.leads.source", String.join(", ", values));
        }
        return source.strip();
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
}
