package app.leadgen.imports;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * {@code errors.csv}: every rejected line of an import as it was, with its line number and the
 * reason, and the lines imported without a value that could not be used. UTF-8 with a byte order
 * mark and the file's own delimiter, so Excel opens it like the original; a cell that a spreadsheet
 * would take for a formula is written as text.
 */
@Component
class ImportErrors {

    private final ImportStore store;
    private final MessageSource messages;

    ImportErrors(ImportStore store, MessageSource messages) {
        this.store = store;
        this.messages = messages;
    }

    void write(ImportRecord imp, OutputStream out, Locale locale) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        char delimiter = imp.format().delimiter();
        try (CsvWriter csv = CsvWriter.builder().fieldSeparator(delimiter).build(writer)) {
            List<String> header = new ArrayList<>();
            header.add(text("imports.errors.line", locale));
            header.add(text("imports.errors.kind", locale));
            header.add(text("imports.errors.reason", locale));
            imp.columns().forEach(c -> header.add(guard(c)));
            csv.writeRecord(header);
            for (String[] reject : store.rejects(imp.id())) {
                List<String> record = new ArrayList<>();
                record.add(reject[0]);
                record.add(text("imports.errors.kind." + reject[1], locale));
                record.add(reason(reject[3], reject[4], locale));
                fields(reject[2], delimiter).forEach(f -> record.add(guard(f)));
                csv.writeRecord(record);
            }
        }
    }

    private String reason(String key, String args, Locale locale) {
        Object[] values = args == null ? new Object[0] : (Object[]) args.split("\u001f", -1);
        return messages.getMessage(key, values, key, locale);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    /** The fields of a stored line, read back with the file's delimiter. */
    private static List<String> fields(String raw, char delimiter) {
        try (CsvReader<CsvRecord> reader =
                CsvReader.builder().fieldSeparator(delimiter).ofCsvRecord(raw)) {
            for (CsvRecord record : reader) {
                return record.getFields();
            }
        } catch (IOException | RuntimeException e) {
            // a line the reader cannot split stays one cell, as it was
        }
        return List.of(raw);
    }

    /** =, +, -, @ (and tab, CR) at the start make a spreadsheet formula: a leading ' keeps it text. */
    static String guard(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value
                : value;
    }
}
