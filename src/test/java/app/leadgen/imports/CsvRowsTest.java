package app.leadgen.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRowsTest {

    @TempDir
    Path dir;

    @Test
    void readsQuotedLineBreaksAndDoubledQuotesWithTheLineARecordStartsOn() {
        Corpus.Read read = Corpus.read("utf8-bom-comma.csv");
        assertThat(read.header())
                .containsExactly(
                        "First Name",
                        "Last Name",
                        "Company",
                        "Job Title",
                        "E-mail Address",
                        "Business Phone",
                        "Web Page",
                        "Notes"); // no byte order mark in the first name
        assertThat(read.rows()).hasSize(2);
        CsvRow anna = read.rows().get(0);
        assertThat(anna.line()).isEqualTo(2);
        assertThat(anna.fields().get(2)).isEqualTo("Schmidt & Partner, Steuerberater");
        assertThat(anna.fields().get(7)).isEqualTo("Met at the fair.\r\nSaid: \"call me in May\".");
        assertThat(anna.raw())
                .startsWith("Anna,Schmidt,\"Schmidt & Partner, Steuerberater\",Partnerin,")
                .endsWith(",\"Met at the fair.\r\nSaid: \"\"call me in May\"\".\"");
        assertThat(read.rows().get(1).line()).isEqualTo(4); // the quoted line break took line 3
        assertThat(anna.ragged()).isFalse();
    }

    @Test
    void skipsEmptyLinesAndBlankRecordsAndReportsRaggedOnes() {
        Corpus.Read read = Corpus.read("utf8-semicolon.csv");
        assertThat(read.header()).hasSize(11).startsWith("Anrede", "Vorname", "Nachname");
        assertThat(read.rows()).extracting(CsvRow::line).containsExactly(2L, 4L, 5L, 6L, 7L, 9L, 10L, 11L);
        CsvRow short_ = read.rows().get(6);
        assertThat(short_.ragged()).isTrue();
        assertThat(short_.fields()).hasSize(5);
        assertThat(short_.field(8)).isEmpty();
        CsvRow long_ = read.rows().get(7);
        assertThat(long_.fields()).hasSize(13).endsWith("Zusatz", "mehr");
    }

    @Test
    void readsEveryEncodingOfTheCorpus() {
        Corpus.Read utf16 = Corpus.read("utf16le-tab.txt");
        assertThat(utf16.header()).containsExactly("Name", "Firma", "E-Mail", "Mobil", "Ort");
        assertThat(utf16.rows().get(0).fields())
                .containsExactly(
                        "Dr. Hans-Peter Müller",
                        "Müller Zahnarztpraxis",
                        "hp.mueller@zahnarzt-müller.de",
                        "0171 2345678",
                        "Köln");
        Corpus.Read ansi = Corpus.read("windows1252-semicolon.csv");
        assertThat(ansi.header()).contains("Straße");
        assertThat(ansi.rows().get(0).fields()).startsWith("Müller, Jürgen", "Gärtnerei Müller");
        assertThat(ansi.rows().get(2).fields()).startsWith("Ölmann, Björn", "Ölmann & Söhne");
    }

    @Test
    void namesEmptyAndRepeatedColumnsSoEveryNameIsAKey() throws IOException {
        Path file = dir.resolve("headers.csv");
        Files.writeString(
                file, "Telefon;;telefon; Name ;;\n030 1;x;030 2;Anna;;\n030 3;;;Ben;y\n", StandardCharsets.UTF_8);
        Corpus.Read read = Corpus.read(file);
        // empty header fields at the end are no columns; extra empty fields at the end of a row are dropped
        assertThat(read.header()).containsExactly("Telefon", "Spalte 2", "telefon (2)", "Name");
        assertThat(read.rows().get(0).ragged()).isFalse();
        assertThat(read.rows().get(1).ragged()).isTrue();
        assertThat(read.rows().get(1).fields()).hasSize(5);
    }

    @Test
    void keepsTheRowsBeforeAQuoteThatIsNeverClosed() throws IOException {
        // a small file: the rest of the file is one field of one ragged record
        Corpus.Read small = Corpus.read("unclosed-quote.csv");
        assertThat(small.rows()).hasSize(3);
        assertThat(small.rows().get(1).fields()).containsExactly("Ben \"Benny Weber", "ben@weber.de");
        assertThat(small.rows().get(2).fields()).hasSize(1);

        // a large one: more than a field can hold, so the file cannot be read on
        Path file = dir.resolve("unclosed-large.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("Name,E-Mail\nAnna,anna@firma.de\n\"Ben,ben@firma.de\n");
            for (int i = 0; i < 60_000; i++) {
                out.write("Carla Roth,carla" + i + "@roth.de\n");
            }
        }
        List<CsvRow> read = new ArrayList<>();
        try (CsvRows rows = CsvRows.open(file, CsvSniffer.sniff(file))) {
            assertThatThrownBy(() -> rows.forEach(read::add)).isInstanceOf(UnreadableCsvException.class);
        }
        assertThat(read).extracting(CsvRow::line).containsExactly(2L);
        CsvPreview preview = CsvPreview.read(file, 5);
        assertThat(preview.rows()).isEqualTo(1);
        assertThat(preview.readError()).isEqualTo(UnreadableCsvException.MESSAGE_KEY);
    }

    @Test
    void previewShowsFormatColumnsSampleAndCount() throws IOException {
        CsvPreview preview = CsvPreview.read(Corpus.file("utf8-semicolon.csv"), 2);
        assertThat(preview.format().delimiter()).isEqualTo(';');
        assertThat(preview.columns()).hasSize(11);
        assertThat(preview.sample()).hasSize(2);
        assertThat(preview.sample().get(1)).startsWith("Frau", "Erika");
        assertThat(preview.rows()).isEqualTo(8);
        assertThat(preview.readError()).isNull();
    }

    @Test
    void streamsAHundredThousandRowsWithoutHoldingThem() throws IOException {
        Path file = dir.resolve("large.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("Vorname;Nachname;E-Mail\n");
            for (int i = 0; i < 100_000; i++) {
                out.write("Anna;Müller " + i + ";anna" + i + "@firma.de\n");
            }
        }
        try (CsvRows rows = CsvRows.open(file, CsvSniffer.sniff(file))) {
            long[] count = {0, 0};
            rows.stream().forEach(row -> {
                count[0]++;
                count[1] = row.line();
            });
            assertThat(count[0]).isEqualTo(100_000);
            assertThat(count[1]).isEqualTo(100_001);
        }
    }
}
