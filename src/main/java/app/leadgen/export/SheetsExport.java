package app.leadgen.export;

import app.leadgen.google.GoogleApis;
import app.leadgen.leads.LeadRow;
import app.leadgen.leads.LeadSort;
import app.leadgen.support.ApiProblem;
import app.leadgen.support.ExternalServiceException;
import app.leadgen.support.RetryPolicy;
import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.Sheet;
import com.google.api.services.sheets.v4.model.SheetProperties;
import com.google.api.services.sheets.v4.model.Spreadsheet;
import com.google.api.services.sheets.v4.model.SpreadsheetProperties;
import com.google.api.services.sheets.v4.model.ValueRange;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Creates a Google Sheet with one sheet "Leads" and appends the header and the rows in chunks
 * ({@code valueInputOption=RAW}, so Google never parses a cell as a formula or a date).
 */
@Component
class SheetsExport {

    static final String SHEET = "Leads";

    private static final Logger log = LoggerFactory.getLogger(SheetsExport.class);
    private static final DateTimeFormatter TITLE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final GoogleApis google;
    private final LeadPages pages;
    private final MessageSource messages;
    private final ExportProperties properties;
    private final Clock clock;
    private final RetryPolicy retry;

    SheetsExport(GoogleApis google, LeadPages pages, MessageSource messages, ExportProperties properties, Clock clock) {
        this.google = google;
        this.pages = pages;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
        this.retry = new RetryPolicy("sheets", properties.sheetsMaxAttempts(), properties.sheetsInitialBackoff());
    }

    /** Returns the new spreadsheet's URL; failures become problem details (see {@link SheetsProblems}). */
    String export(Long runId, LeadSort sort, Locale locale) {
        return export(runId, null, sort, locale);
    }

    String export(Long runId, String source, LeadSort sort, Locale locale) {
        if (!google.configured()) {
            throw ApiProblem.conflict("problem.export.google-missing");
        }
        LeadCells cells = new LeadCells(messages, locale, properties.timeZone());
        Sheets sheets = google.sheets();
        try {
            Spreadsheet created =
                    call(() -> sheets.spreadsheets().create(newSpreadsheet()).execute());
            String id = created.getSpreadsheetId();
            List<List<Object>> chunk = new ArrayList<>();
            chunk.add(new ArrayList<>(cells.headers()));
            int[] rows = {0};
            pages.forEachPage(runId, source, sort, page -> {
                for (LeadRow row : page) {
                    chunk.add(values(cells, row));
                    rows[0]++;
                    if (chunk.size() >= properties.sheetsChunkRows()) {
                        append(sheets, id, chunk);
                        chunk.clear();
                    }
                }
            });
            if (!chunk.isEmpty()) {
                append(sheets, id, chunk);
            }
            log.info("Sheets export: {} rows into spreadsheet {}", rows[0], id);
            return created.getSpreadsheetUrl();
        } catch (ExternalServiceException e) {
            log.warn("Sheets export failed: HTTP {} {} ({})", e.status(), e.errorType(), e.getMessage());
            throw SheetsProblems.of(e);
        }
    }

    private Spreadsheet newSpreadsheet() {
        String title = "LeadGen Leads " + TITLE_TIME.format(LocalDateTime.now(clock.withZone(properties.timeZone())));
        return new Spreadsheet()
                .setProperties(new SpreadsheetProperties().setTitle(title))
                .setSheets(List.of(new Sheet().setProperties(new SheetProperties().setTitle(SHEET))));
    }

    private void append(Sheets sheets, String id, List<List<Object>> rows) {
        ValueRange body = new ValueRange()
                .setRange(SHEET + "!A1")
                .setMajorDimension("ROWS")
                .setValues(rows);
        call(() -> sheets.spreadsheets()
                .values()
                .append(id, SHEET + "!A1", body)
                .setValueInputOption("RAW")
                .setInsertDataOption("INSERT_ROWS")
                .execute());
    }

    /** Numbers stay numbers; text and times go as strings, empty cells as "". */
    private static List<Object> values(LeadCells cells, LeadRow row) {
        List<Object> values = new ArrayList<>();
        for (Object cell : cells.cells(row)) {
            values.add(cell instanceof Long || cell instanceof Double ? cell : LeadCells.text(cell));
        }
        return values;
    }

    private interface GoogleCall<T> {
        T execute() throws IOException;
    }

    private <T> T call(GoogleCall<T> call) {
        return retry.call(() -> {
            try {
                return call.execute();
            } catch (IOException e) {
                throw onlyRejectedRetried(google.failureOf("sheets", e));
            }
        });
    }

    /**
     * An append is not idempotent: after a 500 or a timeout the rows may have landed, and a retry
     * would write them twice. So only answers that say the request was turned away are retried
     * (429, 403 rate limits, 503), and only if Google asks for a wait short enough to sit out
     * inside the user's request.
     */
    private ExternalServiceException onlyRejectedRetried(ExternalServiceException e) {
        boolean rejected = SheetsProblems.rateLimited(e) || e.status() == 503;
        boolean shortWait = e.retryAfter()
                .map(wait -> wait.compareTo(properties.sheetsMaxRetryWait()) <= 0)
                .orElse(true);
        return e.withRetryable(rejected && shortWait);
    }
}
