package app.leadgen.export;

import app.leadgen.leads.LeadRow;
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

    /** Writes the header and every row the source hands over; rows go out as they come. */
    static void write(OutputStream out, LeadCells cells, Consumer<Consumer<List<LeadRow>>> source) throws IOException {
        out.write(BOM);
        CsvWriter csv = CsvWriter.builder()
                .fieldSeparator(',')
                .quoteCharacter('"')
                .quoteStrategy(QuoteStrategies.REQUIRED)
                .lineDelimiter(LineDelimiter.CRLF)
                .build(out, StandardCharsets.UTF_8);
        csv.writeRecord(cells.headers());
        try {
            source.accept(page -> {
                for (LeadRow row : page) {
                    csv.writeRecord(
                            cells.cells(row).stream().map(LeadCells::text).toList());
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        csv.flush();
    }
}
