package app.leadgen.export;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategies;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * RFC 4180 CSV (comma, quotes only where needed, CRLF) in UTF-8 with a byte order mark: without the
 * BOM Excel reads the file as Windows-1252 and breaks every umlaut.
 */
final class CsvExport {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CsvExport() {}

    /** Writes the header and every row (its cells as {@link LeadCells} makes them) the source hands over. */
    static void write(OutputStream out, List<String> headers, Consumer<Consumer<List<Object>>> rows)
            throws IOException {
        out.write(BOM);
        CsvWriter csv = CsvWriter.builder()
                .fieldSeparator(',')
                .quoteCharacter('"')
                .quoteStrategy(QuoteStrategies.REQUIRED)
                .lineDelimiter(LineDelimiter.CRLF)
                .build(out, StandardCharsets.UTF_8);
        csv.writeRecord(headers);
        String[] record = new String[headers.size()];
        try {
            rows.accept(cells -> {
                for (int i = 0; i < record.length; i++) {
                    record[i] = LeadCells.text(cells.get(i));
                }
                csv.writeRecord(record);
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        csv.flush();
    }
}
