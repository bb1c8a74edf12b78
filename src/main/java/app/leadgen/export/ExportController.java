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
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Export", description = "The leads table as CSV, Excel or a new Google Sheet")
class ExportController {

    private static final String SORT_HELP = "field,asc|desc, as for GET /api/leads";

    private enum Format {
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

    ExportController(
            LeadPages pages,
            SheetsExport sheets,
            MessageSource messages,
            ExportProperties properties,
            Clock clock,
            AuditLog audit) {
        this.pages = pages;
        this.sheets = sheets;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
        this.audit = audit;
    }

    @GetMapping("/export")
    @Operation(summary = "Download the leads table (filters as GET /api/leads) as CSV or Excel")
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
        audit.record(AuditLog.EXPORT, filename + filter(runId, only, sort));
        response.setContentType(chosen.contentType);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(filename).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        OutputStream out = response.getOutputStream();
        if (chosen == Format.CSV) {
            CsvExport.write(out, cells, consumer -> pages.forEachPage(runId, only, order, consumer));
        } else {
            XlsxExport.write(
                    out, cells, SheetsExport.SHEET, consumer -> pages.forEachPage(runId, only, order, consumer));
        }
        out.flush();
    }

    @PostMapping("/export/sheets")
    @Operation(summary = "Create a Google Sheet with the leads table (filters as GET /api/leads); answers its URL")
    Map<String, String> toSheets(
            @RequestParam(required = false) Long runId,
            @RequestParam(required = false) String source,
            @Parameter(description = SORT_HELP) @RequestParam(defaultValue = LeadSort.DEFAULT) String sort,
            Locale locale) {
        String url = sheets.export(runId, source(source), sort(sort), locale);
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
