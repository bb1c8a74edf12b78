package app.leadgen.imports;

import java.util.List;

/**
 * One record of a CSV file after the header.
 *
 * @param line the 1-based physical line the record starts on (a quoted field with line breaks makes
 *     a record span several lines)
 * @param fields the fields as text, never evaluated; empty fields are empty strings
 * @param raw the record as text in the file's format, for the list of rejected lines: written again
 *     from the fields, so quoting may differ from the original where the original quoted needlessly
 * @param headerFields how many columns the header has; a ragged record has more or fewer fields
 */
public record CsvRow(long line, List<String> fields, String raw, int headerFields) {

    public boolean ragged() {
        return fields.size() != headerFields;
    }

    /** The field in column {@code index}, or the empty string when this record is shorter. */
    public String field(int index) {
        return index < fields.size() ? fields.get(index) : "";
    }
}
