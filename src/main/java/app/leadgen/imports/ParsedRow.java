package app.leadgen.imports;

import java.util.List;
import java.util.Map;

/**
 * One CSV row turned into lead-book records.
 *
 * @param line the 1-based line the row starts on
 * @param raw the row as text (see {@link CsvRow#raw()})
 * @param custom the values of the columns mapped to no field, by column name, in column order
 *     (empty cells left out); also a second column of a field that takes one value, and fields
 *     beyond the header ({@code Spalte 13})
 * @param rejectReason a message key ({@code imports.reject.*}) when the row cannot be imported,
 *     else null; the contact and company are still there, for the list of rejected lines
 */
public record ParsedRow(
        long line,
        String raw,
        ImportedContact contact,
        ImportedCompany company,
        Map<String, String> custom,
        List<RowWarning> warnings,
        String rejectReason) {

    public boolean rejected() {
        return rejectReason != null;
    }
}
