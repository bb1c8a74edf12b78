package app.leadgen.imports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * What an upload shows before the import starts: the detected format, the columns, the first rows
 * and how many rows the file has (counted by reading it once, streamed).
 *
 * @param rows data rows after the header, empty lines and blank records not counted
 * @param readError set when the file cannot be read to its end ({@link UnreadableCsvException}):
 *     {@code rows} then counts the rows before it
 */
public record CsvPreview(
        CsvFormat format, List<String> columns, List<List<String>> sample, long rows, String readError) {

    public static CsvPreview read(Path file, int sampleRows) throws IOException {
        CsvFormat format = CsvSniffer.sniff(file);
        try (CsvRows rows = CsvRows.open(file, format)) {
            List<List<String>> sample = new ArrayList<>();
            long count = 0;
            String error = null;
            Iterator<CsvRow> it = rows.iterator();
            try {
                while (it.hasNext()) {
                    CsvRow row = it.next();
                    if (sample.size() < sampleRows) {
                        sample.add(row.fields());
                    }
                    count++;
                }
            } catch (UnreadableCsvException e) {
                error = UnreadableCsvException.MESSAGE_KEY;
            }
            return new CsvPreview(format, rows.header(), List.copyOf(sample), count, error);
        }
    }
}
