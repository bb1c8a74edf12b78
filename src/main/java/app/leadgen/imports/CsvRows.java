package app.leadgen.imports;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The records of a CSV file, read one at a time (FastCSV underneath): the file is never held in
 * memory, so a 100 MB file with a million rows reads in a small, flat heap. The first non-empty
 * record is the header ({@link #header()}); empty lines and records whose fields are all blank are
 * skipped; ragged records come through with their fields as they are ({@link CsvRow#ragged()}).
 * Extra fields at the end of a record that are all empty (a trailing delimiter, as some tools
 * write) are dropped, because they carry nothing.
 *
 * <p>Single use: one iteration, then {@link #close()}.
 */
public final class CsvRows implements Closeable, Iterable<CsvRow> {

    /** Longest field we read; a longer one is almost always a quote that was never closed. */
    static final int MAX_FIELD_CHARS = 1024 * 1024;

    private final CsvFormat format;
    private final CsvReader<CsvRecord> reader;
    private final CloseableIterator<CsvRecord> records;
    private final List<String> header;
    private final RawWriter raw;
    private boolean iterated;

    private CsvRows(CsvFormat format, Reader text) {
        this.format = format;
        this.reader = CsvReader.builder()
                .fieldSeparator(format.delimiter())
                .quoteCharacter('"')
                .skipEmptyLines(true)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .allowExtraCharsAfterClosingQuote(true)
                .detectBomHeader(false)
                .maxBufferSize(MAX_FIELD_CHARS)
                .ofCsvRecord(text);
        this.records = reader.iterator();
        this.raw = new RawWriter(format.delimiter());
        CsvRecord first = nextNonBlank();
        this.header = first == null ? List.of() : columnNames(first.getFields());
    }

    /** Opens the file; the caller closes it. */
    public static CsvRows open(Path file, CsvFormat format) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
        try {
            skipBom(in, format);
            var decoder = format.charset()
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            return new CsvRows(format, new InputStreamReader(in, decoder));
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** Skips a byte order mark if the file has one, whatever the format says. */
    private static void skipBom(InputStream in, CsvFormat format) throws IOException {
        int length = format.charset().equals(StandardCharsets.UTF_8) ? 3 : 2;
        if (!format.charset().equals(StandardCharsets.UTF_8)
                && !format.charset().name().startsWith("UTF-16")) {
            return;
        }
        in.mark(length);
        byte[] head = in.readNBytes(length);
        boolean bom = length == 3
                ? head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF
                : head.length == 2
                        && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
                                || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF);
        if (!bom) {
            in.reset();
        }
    }

    public CsvFormat format() {
        return format;
    }

    /**
     * The column names: the header's fields stripped, an empty one named {@code Spalte N} (its
     * 1-based position), a repeated one numbered ({@code Telefon (2)}), so every name is a unique
     * key of a mapping. Empty when the file has no records at all.
     */
    public List<String> header() {
        return header;
    }

    @Override
    public Iterator<CsvRow> iterator() {
        if (iterated) {
            throw new IllegalStateException("the rows of a CSV file are read once");
        }
        iterated = true;
        return new Iterator<>() {
            private CsvRecord next = nextNonBlank();
            /** A read error after the last good record: thrown when the caller asks for more, not before. */
            private UnreadableCsvException failure;

            @Override
            public boolean hasNext() {
                if (failure != null) {
                    UnreadableCsvException e = failure;
                    failure = null;
                    throw e;
                }
                return next != null;
            }

            @Override
            public CsvRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                CsvRow row = row(next);
                try {
                    next = nextNonBlank();
                } catch (UnreadableCsvException e) {
                    next = null;
                    failure = e;
                }
                return row;
            }
        };
    }

    public Stream<CsvRow> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }

    private CsvRow row(CsvRecord record) {
        List<String> fields = record.getFields();
        int end = fields.size();
        while (end > header.size() && fields.get(end - 1).isEmpty()) {
            end--;
        }
        List<String> kept = end == fields.size() ? fields : fields.subList(0, end);
        return new CsvRow(record.getStartingLineNumber(), kept, raw.write(kept), header.size());
    }

    private CsvRecord nextNonBlank() {
        try {
            while (records.hasNext()) {
                CsvRecord record = records.next();
                if (!blank(record)) {
                    return record;
                }
            }
            return null;
        } catch (CsvParseException e) {
            throw new UnreadableCsvException(e);
        }
    }

    private static boolean blank(CsvRecord record) {
        for (int i = 0; i < record.getFieldCount(); i++) {
            if (!record.getField(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** Trailing empty header fields (a delimiter at the end of the line) are not columns. */
    static List<String> columnNames(List<String> fields) {
        int end = fields.size();
        while (end > 0 && fields.get(end - 1).isBlank()) {
            end--;
        }
        List<String> names = new ArrayList<>(end);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < end; i++) {
            String name = fields.get(i).strip();
            if (name.isEmpty()) {
                name = "Spalte " + (i + 1);
            }
            String unique = name;
            for (int n = 2; !seen.add(unique.toLowerCase(Locale.ROOT)); n++) {
                unique = name + " (" + n + ")";
            }
            names.add(unique);
        }
        return List.copyOf(names);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
