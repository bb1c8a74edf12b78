package app.leadgen.suppressions;

import app.leadgen.imports.CsvFormat;
import app.leadgen.imports.CsvRow;
import app.leadgen.imports.CsvRows;
import app.leadgen.imports.CsvSniffer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Reads a CSV file of addresses and domains onto the list with the imports module's CSV reading
 * (encoding and delimiter sniffed, records streamed): one address or domain per line, or a file with
 * a header whose e-mail (or domain) column is taken. A first line that is an address itself is data.
 */
@Component
class SuppressionImport {

    /** Header names of the column to read: E-Mail, email, Mail-Adresse, Domain, Domäne, … */
    private static final Pattern COLUMN = Pattern.compile("(?i).*(e-?mail|mail|adresse|address|domain|domäne).*");

    static final int MAX_REPORTED = 20;

    private final Suppressions suppressions;

    SuppressionImport(Suppressions suppressions) {
        this.suppressions = suppressions;
    }

    /** What the import did: lines read, entries added, entries already there, lines that were neither. */
    record Result(long lines, long added, long already, long invalid, List<Long> invalidLines) {}

    Result read(InputStream upload, Reason reason) throws IOException {
        Path file = Files.createTempFile("suppressions-", ".csv");
        try {
            Files.copy(upload, file, StandardCopyOption.REPLACE_EXISTING);
            CsvFormat format = CsvSniffer.sniff(file);
            try (CsvRows rows = CsvRows.open(file, format)) {
                Counter counter = new Counter(reason);
                List<String> header = rows.header();
                if (header.isEmpty()) {
                    return counter.result();
                }
                int column = column(header);
                if (column < 0) {
                    // no header: the first line is an address or domain like the rest
                    column = 0;
                    counter.take(1, header.get(0));
                }
                for (CsvRow row : rows) {
                    counter.take(row.line(), row.field(column));
                }
                return counter.result();
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The index of the e-mail or domain column, or -1 when the first line is data (or names no such column). */
    private static int column(List<String> header) {
        if (isEntry(header.get(0))) {
            return -1;
        }
        for (int i = 0; i < header.size(); i++) {
            if (COLUMN.matcher(header.get(i).strip()).matches()) {
                return i;
            }
        }
        return 0;
    }

    private static boolean isEntry(String value) {
        return Addresses.email(value).isPresent() || Addresses.domain(value).isPresent();
    }

    private final class Counter {
        private final Reason reason;
        private long lines;
        private long added;
        private long already;
        private long invalid;
        private final List<Long> invalidLines = new ArrayList<>();

        Counter(Reason reason) {
            this.reason = reason;
        }

        void take(long line, String raw) {
            lines++;
            String value = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
            var email = Addresses.email(value);
            var domain = email.isPresent() ? java.util.Optional.<String>empty() : Addresses.domain(value);
            if (email.isEmpty() && domain.isEmpty()) {
                invalid++;
                if (invalidLines.size() < MAX_REPORTED) {
                    invalidLines.add(line);
                }
                return;
            }
            boolean created = suppressions
                    .insert(email.orElse(null), domain.orElse(null), reason)
                    .created();
            if (created) {
                added++;
            } else {
                already++;
            }
        }

        Result result() {
            return new Result(lines, added, already, invalid, List.copyOf(invalidLines));
        }
    }
}
