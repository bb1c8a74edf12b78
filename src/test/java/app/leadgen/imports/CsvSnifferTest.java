package app.leadgen.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvSnifferTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            utf8-bom-comma.csv        | UTF-8 (BOM)  | ,
            utf8-semicolon.csv        | UTF-8        | ;
            utf16le-tab.txt           | UTF-16LE     | tab
            windows1252-semicolon.csv | Windows-1252 | ;
            pipe.csv                  | UTF-8        | '|'
            tab.tsv                   | UTF-8        | tab
            """)
    void detectsEncodingAndDelimiter(String file, String encoding, String delimiter) throws IOException {
        CsvFormat format = CsvSniffer.sniff(Corpus.file(file));
        assertThat(format.encodingName()).isEqualTo(encoding);
        assertThat(format.delimiterName()).isEqualTo(delimiter);
        assertThat(CsvFormat.of(format.encodingName(), format.delimiterName()).encodingName())
                .isEqualTo(encoding);
    }

    @Test
    void findsAnUmlautFarBehindTheFirstKilobytes() throws IOException {
        String ascii = "Name;Ort\n" + "Anna Schmidt;Berlin\n".repeat(20_000); // ~400 KB of ASCII
        Path utf8 = write("late-utf8.csv", ascii + "Jörg Müller;Köln\n", StandardCharsets.UTF_8);
        Path ansi = write("late-1252.csv", ascii + "Jörg Müller;Köln\n", CsvFormat.WINDOWS_1252);
        assertThat(CsvSniffer.sniff(utf8).encodingName()).isEqualTo("UTF-8");
        assertThat(CsvSniffer.sniff(ansi).encodingName()).isEqualTo("Windows-1252");
        Corpus.Read read = Corpus.read(ansi);
        assertThat(read.rows().get(read.rows().size() - 1).fields()).containsExactly("Jörg Müller", "Köln");
    }

    @Test
    void readsUtf16WithoutByteOrderMark() throws IOException {
        String text = "Name\tE-Mail\nAnna Müller\tanna@mueller.de\n";
        assertThat(CsvSniffer.sniff(write("be.txt", text, StandardCharsets.UTF_16BE)))
                .isEqualTo(new CsvFormat(StandardCharsets.UTF_16BE, false, '\t'));
        assertThat(CsvSniffer.sniff(write("le.txt", text, StandardCharsets.UTF_16LE)))
                .isEqualTo(new CsvFormat(StandardCharsets.UTF_16LE, false, '\t'));
    }

    @Test
    void prefersTheDelimiterThatSplitsEveryRecordAlike() throws IOException {
        // commas inside quoted fields, a semicolon in a note: the comma still wins
        String text =
                """
                name,notes,city
                "Müller, Anna","a; b",Berlin
                "Weber, Jonas",ok,Köln
                "Roth, Kai","x, y; z",Bonn
                """;
        assertThat(CsvSniffer.sniff(write("quoted.csv", text, StandardCharsets.UTF_8))
                        .delimiter())
                .isEqualTo(',');
    }

    @Test
    void aSingleColumnGetsTheComma() throws IOException {
        Path file = write("single.csv", "E-Mail\nanna@firma.de\nben@firma.de\n", StandardCharsets.UTF_8);
        assertThat(CsvSniffer.sniff(file).delimiter()).isEqualTo(',');
        assertThat(Corpus.read(file).rows()).hasSize(2);
    }

    @Test
    void anEmptyFileHasNoColumnsAndNoRows() throws IOException {
        Path file = write("empty.csv", "", StandardCharsets.UTF_8);
        Corpus.Read read = Corpus.read(file);
        assertThat(read.format().encodingName()).isEqualTo("UTF-8");
        assertThat(read.header()).isEmpty();
        assertThat(read.rows()).isEmpty();
    }

    private Path write(String name, String text, Charset charset) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(text.getBytes(charset));
        }
        return file;
    }
}
