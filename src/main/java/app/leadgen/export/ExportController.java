package app.leadgen.export;

import app.leadgen.accounts.AuditLog;
import app.leadgen.leads.LeadQuery;
import app.leadgen.leads.LeadSort;
import app.leadgen.support.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Export", description = "The leads table as CSV, Excel or a new Google Sheet")
class ExportController {

    private static final String SORT_HELP = "field,asc|desc, as for GET /api/leads";

    enum Format {
        CSV("csv", "text/csv;charset=UTF-8"),
        XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        final String extension;
        final String contentType;

        Format(String extension, String contentType) {
            this.extension = extension;
            this.contentType = contentType;
        }
    }

    private final LeadPages pages;
    private final SheetsExport sheets;
    private final MessageSource messages;
    private final ExportProperties properties;
    private final Clock clock;
    private final AuditLog audit;
    private final ExportSlots slots;

    ExportController(
            LeadPages pages,
            SheetsExport sheets,
            MessageSource messages,
            ExportProperties properties,
            Clock clock,
            AuditLog audit,
            ExportSlots slots) {
        this.pages = pages;
        this.sheets = sheets;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
        this.audit = audit;
        this.slots = slots;
    }

    @GetMapping("/export")
    @Operation(
            summary =
                    "Download the leads table (filters as GET /api/leads) as CSV or Excel; 429 when EXPORTS_AT_ONCE exports run")
    void download(
            @Parameter(description = "csv or xlsx") @RequestParam(required = false) String format,
            @RequestParam(required = false) Long runId,
            @Parameter(description = "instagram or places (all when absent)") @RequestParam(required = false)
                    String source,
            @Parameter(description = SORT_HELP) @RequestParam(defaultValue = LeadSort.DEFAULT) String sort,
            Locale locale,
            HttpServletResponse response)
            throws IOException {
        Format chosen = format(format);
        LeadSort order = sort(sort);
        String only = source(source);
        LeadCells cells = new LeadCells(messages, locale, properties.timeZone());
        String filename = "leads-" + LocalDate.now(clock.withZone(properties.timeZone())) + "." + chosen.extension;
        try (ExportSlots.Slot slot = slots.take()) {
            audit.record(AuditLog.EXPORT, filename + filter(runId, only, sort));
            Consumer<Consumer<List<Object>>> rows = consumer -> pages.forEachPage(
                    runId, only, order, page -> page.forEach(row -> consumer.accept(cells.cells(row))));
            if (chosen == Format.CSV) {
                Spool.csv(response, chosen.contentType, filename, out -> CsvExport.write(out, cells.headers(), rows));
            } else {
                Spool.xlsx(
                        response,
                        chosen.contentType,
                        filename,
                        () -> XlsxExport.fill(cells.headers(), LeadCells.widths(), SheetsExport.SHEET, rows));
            }
        }
    }

    @PostMapping("/export/sheets")
    @Operation(summary = "Create a Google Sheet with the leads table (filters as GET /api/leads); answers its URL")
    Map<String, String> toSheets(
            @RequestParam(required = false) Long runId,
            @RequestParam(required = false) String source,
            @Parameter(description = SORT_HELP) @RequestParam(defaultValue = LeadSort.DEFAULT) String sort,
            Locale locale) {
        String url;
        try (ExportSlots.Slot slot = slots.take()) {
            url = sheets.export(runId, source(source), sort(sort), locale);
        }
        audit.record(AuditLog.EXPORT, "Google Sheets " + url + filter(runId, source, sort));
        return Map.of("url", url);
    }

    private static String filter(Long runId, String source, String sort) {
        return (runId == null ? "" : ", run " + runId) + (source == null ? "" : ", source " + source) + ", sort "
                + sort;
    }

    private static String source(String source) {
        if (source != null && !LeadQuery.SOURCES.contains(source)) {
            throw ApiProblem.badRequest("problem.leads.source", String.join(", ", LeadQuery.SOURCES));
        }
        return source;
    }

    private static Format format(String format) {
        for (Format f : Format.values()) {
            if (f.extension.equalsIgnoreCase(format == null ? "" : format.trim())) {
                return f;
            }
        }
        throw ApiProblem.badRequest("problem.export.format");
    }

    private static LeadSort sort(String sort) {
        return LeadSort.parse(sort)
                .orElseThrow(() ->
                        ApiProblem.badRequest("problem.leads.sort", String.join(", ", LeadQuery.sortableFields())));
    }
}
