package app.leadgen.imports;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns CSV rows into lead-book records by the mapping: names split, e-mails, phones and links
 * normalised, the rest kept as custom fields, and rows without any identity rejected with their
 * reason. Pure and cheap to create; one parser per import. Never throws for a row: a row it cannot
 * read is rejected ({@code imports.reject.unreadable}), so one bad row never fails an import.
 *
 * <p>Thread-safe: it keeps nothing between rows, so rows may be parsed on several threads.
 *
 * <p>Several columns on one field: title, address, notes and category are joined in column order
 * (Straße + Hausnummer, Anrede + Titel); for every other field the first usable value wins and the
 * other columns are kept as custom fields.
 */
public final class RowParser {

    public static final String UNREADABLE = "imports.reject.unreadable";
    public static final String REPEATED_HEADER = "imports.reject.repeated-header";

    private static final Logger log = LoggerFactory.getLogger(RowParser.class);
    private static final Map<Field, String> JOINED =
            Map.of(Field.TITLE, " ", Field.ADDRESS, " ", Field.NOTES, "\n", Field.CATEGORY, ", ");
    private static final Set<Field> DONE_ELSEWHERE = Set.of(
            Field.FIRST_NAME,
            Field.LAST_NAME,
            Field.FULL_NAME,
            Field.TITLE,
            Field.EMAIL,
            Field.PHONE,
            Field.COMPANY_PHONE,
            Field.WEBSITE,
            Field.INSTAGRAM,
            Field.LINKEDIN,
            Field.COMPANY_NAME);

    private final ColumnPlan plan;
    private final String region;

    /**
     * @param header the column names of {@link CsvRows#header()}
     * @param mapping column name to field; {@code null} (or no entry) keeps the column as a custom field
     * @param phoneRegion region of numbers written without country code ({@code PHONE_DEFAULT_REGION})
     */
    public RowParser(List<String> header, Map<String, Field> mapping, String phoneRegion) {
        this.plan = new ColumnPlan(header, mapping);
        this.region = phoneRegion.toUpperCase(Locale.ROOT);
    }

    public ParsedRow parse(CsvRow row) {
        try {
            return read(row);
        } catch (RuntimeException e) {
            log.warn("CSV line {} could not be read: {}", row.line(), e.toString());
            return new ParsedRow(
                    row.line(), row.raw(), empty(), new RowDraft().company(), Map.of(), List.of(), UNREADABLE);
        }
    }

    private ParsedRow read(CsvRow row) {
        RowDraft draft = new RowDraft();
        if (repeatedHeader(row)) {
            return result(row, draft, REPEATED_HEADER);
        }
        ragged(row, draft);
        for (int column : plan.customColumns) {
            draft.keep(plan.name(column), Cells.kept(row.field(column)));
        }
        for (Field field : Field.values()) {
            if (!DONE_ELSEWHERE.contains(field)) {
                text(row, draft, field);
            }
        }
        RowContacts.read(row, draft, plan, rowRegion(draft));
        RowCompany.read(row, draft, plan);
        RowNames.read(row, draft, plan);
        draft.clip();
        return result(row, draft, null);
    }

    private static ParsedRow result(CsvRow row, RowDraft draft, String reason) {
        ImportedContact contact = draft.contact();
        ImportedCompany company = draft.company();
        String reject = reason != null ? reason : Identity.missing(contact, company);
        return new ParsedRow(
                row.line(),
                row.raw(),
                contact,
                company,
                Collections.unmodifiableMap(draft.custom),
                List.copyOf(draft.warnings),
                reject);
    }

    /** Plain text fields: position, notes, postal code, city, country, category, address. */
    private void text(CsvRow row, RowDraft draft, Field field) {
        String separator = JOINED.get(field);
        StringBuilder joined = null;
        for (int column : plan.columns(field)) {
            String value = field == Field.NOTES || field == Field.ADDRESS
                    ? Cells.text(row.field(column))
                    : Cells.line(row.field(column));
            if (value == null) {
                continue;
            }
            if (!draft.has(field)) {
                draft.set(field, value);
                joined = new StringBuilder(value);
            } else if (separator != null) {
                joined.append(separator).append(value);
                draft.set(field, joined.toString());
            } else {
                draft.keep(plan.name(column), value);
            }
        }
    }

    /** Numbers of a row in Austria are Austrian numbers, whatever the default region is. */
    private String rowRegion(RowDraft draft) {
        String country = Countries.region(draft.get(Field.COUNTRY));
        return country != null ? country : region;
    }

    /** A header line again in the middle of the file (two exports pasted together). */
    private boolean repeatedHeader(CsvRow row) {
        if (row.fields().size() != plan.header.size() || plan.header.isEmpty()) {
            return false;
        }
        for (int i = 0; i < plan.header.size(); i++) {
            if (!row.fields().get(i).strip().equalsIgnoreCase(plan.header.get(i))) {
                return false;
            }
        }
        return true;
    }

    private void ragged(CsvRow row, RowDraft draft) {
        int size = row.fields().size();
        if (size < plan.header.size()) {
            draft.warn("missing-fields", "", String.valueOf(size));
        } else if (size > plan.header.size()) {
            draft.warn("extra-fields", "", String.valueOf(size));
            for (int i = plan.header.size(); i < size; i++) {
                draft.keep("Spalte " + (i + 1), Cells.kept(row.fields().get(i)));
            }
        }
    }

    private static ImportedContact empty() {
        return new RowDraft().contact();
    }
}
