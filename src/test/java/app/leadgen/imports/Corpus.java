package app.leadgen.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The CSV files under {@code src/test/resources/imports/}, read the way an import reads them. */
final class Corpus {

    private Corpus() {}

    static Path file(String name) {
        try {
            return Path.of(Corpus.class.getResource("/imports/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    record Read(CsvFormat format, List<String> header, List<CsvRow> rows) {}

    static Read read(Path file) {
        try {
            CsvFormat format = CsvSniffer.sniff(file);
            try (CsvRows rows = CsvRows.open(file, format)) {
                List<CsvRow> all = new ArrayList<>();
                rows.forEach(all::add);
                return new Read(format, rows.header(), all);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Read read(String name) {
        return read(file(name));
    }
}
