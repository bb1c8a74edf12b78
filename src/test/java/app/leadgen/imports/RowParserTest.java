package app.leadgen.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowParserTest {

    /** The file read and parsed by the synonym mapping, as an import without an LLM does it. */
    private static List<ParsedRow> parse(String file) {
        Corpus.Read read = Corpus.read(file);
        List<List<String>> sample =
                read.rows().stream().limit(5).map(CsvRow::fields).toList();
        Map<String, Field> mapping = Mappings.bySynonyms(read.header(), sample, "DE");
        RowParser parser = new RowParser(read.header(), mapping, "DE");
        return read.rows().stream().map(parser::parse).toList();
    }

    @Test
    void germanListWithEverythingThatGoesWrongInOne() {
        List<ParsedRow> rows = parse("utf8-semicolon.csv");
        assertThat(rows).hasSize(8);

        ParsedRow max = rows.get(0);
        assertThat(max.contact())
                .isEqualTo(new ImportedContact(
                        "Max",
                        "Müller",
                        "Max Müller",
                        "Herr",
                        null,
                        "max.mueller@baeckerei-mueller.de",
                        "+49301234567",
                        null,
                        null,
                        null,
                        null));
        assertThat(max.company())
                .isEqualTo(new ImportedCompany(
                        "Bäckerei Müller", null, null, "Hauptstraße 1", "10115", "Berlin", null, "Bäckerei"));
        assertThat(max.custom()).containsExactly(Map.entry("Kundennummer", "K-1001"));
        assertThat(max.warnings()).isEmpty();
        assertThat(max.rejected()).isFalse();

        // the same person twice, once in lower case: the same e-mail, so the lead book sees one person
        assertThat(rows.get(1).contact().email()).isEqualTo("erika.schulz@friseur-schulz.de");
        assertThat(rows.get(2).contact().email())
                .isEqualTo(rows.get(1).contact().email());
        assertThat(rows.get(2).contact().firstName()).isEqualTo("Erika"); // a lower-case name gets capitals

        // a placeholder address is dropped, the row lives on by its name and company
        ParsedRow lisa = rows.get(3);
        assertThat(lisa.contact().email()).isNull();
        assertThat(lisa.contact().emailProblem()).isEqualTo("placeholder");
        assertThat(lisa.warnings()).containsExactly(new RowWarning("email-placeholder", "E-Mail", "max@mustermann.de"));
        assertThat(lisa.rejected()).isFalse();

        // no e-mail, no phone, no company: nothing to find this person by
        ParsedRow tom = rows.get(4);
        assertThat(tom.rejectReason()).isEqualTo("imports.reject.no-identity");
        assertThat(tom.contact().fullName()).isEqualTo("Tom");
        assertThat(tom.raw()).isEqualTo(";Tom;;;;;;;;;K-1004");
        assertThat(tom.line()).isEqualTo(7);

        // formula-looking cells are text and stay text
        ParsedRow paul = rows.get(5);
        assertThat(paul.company().companyName()).isEqualTo("=HYPERLINK(\"http://evil.example\")");
        assertThat(paul.contact().email()).isNull();
        assertThat(paul.warnings()).contains(new RowWarning("email-invalid", "E-Mail", "+49 89 555 0000"));
        assertThat(paul.warnings()).contains(new RowWarning("phone-invalid", "Telefon", "@SUM(1+1)"));
        assertThat(paul.company().address()).isEqualTo("-Rabatt");
        assertThat(paul.rejected()).isFalse(); // name and company

        // ragged rows are reported, never fatal; extra fields are kept
        ParsedRow jan = rows.get(6);
        assertThat(jan.warnings()).containsExactly(new RowWarning("missing-fields", "", "5"));
        assertThat(jan.contact().email()).isEqualTo("jan@kurz-kg.de");
        ParsedRow ole = rows.get(7);
        assertThat(ole.warnings()).containsExactly(new RowWarning("extra-fields", "", "13"));
        assertThat(ole.custom()).containsEntry("Spalte 12", "Zusatz").containsEntry("Spalte 13", "mehr");
    }

    @Test
    void englishExportWithQuotedLineBreaks() {
        List<ParsedRow> rows = parse("utf8-bom-comma.csv");
        ParsedRow anna = rows.get(0);
        assertThat(anna.contact().position()).isEqualTo("Partnerin");
        assertThat(anna.contact().notes()).isEqualTo("Met at the fair.\r\nSaid: \"call me in May\".");
        assertThat(anna.company().companyName()).isEqualTo("Schmidt & Partner, Steuerberater");
        assertThat(anna.company().website()).isEqualTo("http://schmidt-partner.de/");
        assertThat(anna.contact().phone()).isEqualTo("+49301234567");
        ParsedRow jonas = rows.get(1);
        assertThat(jonas.contact().email()).isEqualTo("jonas@weber-gmbh.de");
        assertThat(jonas.company().website()).isEqualTo("https://www.weber-gmbh.de/kontakt");
    }

    @Test
    void excelUnicodeTextWithNamesInOneColumn() {
        List<ParsedRow> rows = parse("utf16le-tab.txt");
        ImportedContact hp = rows.get(0).contact();
        assertThat(hp.title()).isEqualTo("Dr.");
        assertThat(hp.firstName()).isEqualTo("Hans-Peter");
        assertThat(hp.lastName()).isEqualTo("Müller");
        assertThat(hp.email()).isEqualTo("hp.mueller@zahnarzt-müller.de");
        assertThat(hp.phone()).isEqualTo("+491712345678");
        ImportedContact anna = rows.get(1).contact();
        assertThat(anna.fullName()).isEqualTo("Anna Müller");
        assertThat(anna.firstName()).isEqualTo("Anna");
        assertThat(rows.get(1).company().city()).isEqualTo("Düsseldorf");
    }

    @Test
    void germanExcelInWindows1252ReadsPhonesByTheRowsCountry() {
        List<ParsedRow> rows = parse("windows1252-semicolon.csv");
        assertThat(rows.get(0).contact().fullName()).isEqualTo("Jürgen Müller");
        assertThat(rows.get(0).company().companyName()).isEqualTo("Gärtnerei Müller");
        assertThat(rows.get(0).contact().phone()).isEqualTo("+49221123456");
        assertThat(rows.get(1).company().country()).isEqualTo("Österreich");
        assertThat(rows.get(1).contact().phone()).isEqualTo("+4315123456"); // Vienna, not a German number
        assertThat(rows.get(1).company().postalCode()).isEqualTo("1010");
        ParsedRow bjoern = rows.get(2);
        assertThat(bjoern.contact().email()).isNull();
        assertThat(bjoern.contact().emailProblem()).isNull(); // empty is no problem
        assertThat(bjoern.company().companyName()).isEqualTo("Ölmann & Söhne");
        assertThat(bjoern.rejected()).isFalse();
    }

    @Test
    void scraperExportWithLinks() {
        List<ParsedRow> rows = parse("pipe.csv");
        ParsedRow yoga = rows.get(0);
        assertThat(yoga.contact().instagram()).isEqualTo("yogaflow.koeln");
        assertThat(yoga.contact().linkedin()).isEqualTo("https://www.linkedin.com/company/yogaflow");
        assertThat(yoga.company().website()).isEqualTo("http://yogaflow.de/");
        assertThat(yoga.company().category()).isEqualTo("Yoga");
        ParsedRow loft = rows.get(1);
        assertThat(loft.contact().instagram()).isEqualTo("fitness_loft");
        assertThat(loft.contact().phone()).isEqualTo("+49221445566");
        assertThat(loft.company().website()).isEqualTo("https://fitnessloft.de/");
    }

    @Test
    void aNameColumnWithTheCompanyInItGivesBoth() {
        RowParser parser = parser("Kontakt", Field.FULL_NAME, "Mail", Field.EMAIL);
        ParsedRow row = parser.parse(row(2, "Hans Müller - Müller GmbH", ""));
        assertThat(row.contact().fullName()).isEqualTo("Hans Müller");
        assertThat(row.company().companyName()).isEqualTo("Müller GmbH");
        assertThat(row.rejected()).isFalse(); // a name with a company is an identity

        ParsedRow unsplit = parser.parse(row(3, "Karl Schmidt Bäckerei Schmidt", "karl@baeckerei-schmidt.de"));
        assertThat(unsplit.warnings())
                .containsExactly(new RowWarning("name-unsplit", "Kontakt", "Karl Schmidt Bäckerei Schmidt"));
        assertThat(unsplit.company().companyName()).isEqualTo("Karl Schmidt Bäckerei Schmidt");
        assertThat(unsplit.contact().fullName()).isNull();
    }

    @Test
    void anOwnerInTheCompanyColumnBecomesTheContact() {
        RowParser parser = parser("Firma", Field.COMPANY_NAME, "Telefon", Field.PHONE);
        ParsedRow row = parser.parse(row(2, "Bäckerei Schmidt, Inh. Karl Schmidt", "030 1234567"));
        assertThat(row.company().companyName()).isEqualTo("Bäckerei Schmidt");
        assertThat(row.contact().fullName()).isEqualTo("Karl Schmidt");
        assertThat(row.contact().position()).isEqualTo("Inhaber");
    }

    @Test
    void anAddressInOneCellIsSplit() {
        RowParser parser = parser("Adresse", Field.ADDRESS, "Mail", Field.EMAIL, "PLZ Ort", Field.CITY);
        ParsedRow row = parser.parse(row(2, "Hauptstraße 1,\n10115 Berlin", "info@firma.de", ""));
        assertThat(row.company().address()).isEqualTo("Hauptstraße 1");
        assertThat(row.company().postalCode()).isEqualTo("10115");
        assertThat(row.company().city()).isEqualTo("Berlin");
        ParsedRow city = parser.parse(row(3, "Marktplatz 5", "info@firma.de", "D-80331 München"));
        assertThat(city.company().postalCode()).isEqualTo("80331");
        assertThat(city.company().city()).isEqualTo("München");
    }

    @Test
    void columnsOfOneFieldAreJoinedOrKept() {
        RowParser parser = parser(
                "Anrede",
                Field.TITLE,
                "Titel",
                Field.TITLE,
                "Name",
                Field.FULL_NAME,
                "E-Mail",
                Field.EMAIL,
                "E-Mail privat",
                Field.EMAIL,
                "Straße",
                Field.ADDRESS,
                "Nr.",
                Field.ADDRESS,
                "Bemerkung",
                null);
        ParsedRow row = parser.parse(
                row(2, "Frau", "Dr.", "Anna Roth", "kaputt", "anna@roth.de", "Hauptstr.", "7a", "ruft zurück"));
        assertThat(row.contact().title()).isEqualTo("Frau Dr.");
        assertThat(row.contact().email()).isEqualTo("anna@roth.de");
        assertThat(row.contact().emailProblem()).isNull(); // the second column had a good one
        assertThat(row.company().address()).isEqualTo("Hauptstr. 7a");
        assertThat(row.custom()).containsEntry("Bemerkung", "ruft zurück");

        ParsedRow two = parser.parse(row(3, "", "", "Ben Roth", "ben@roth.de", "b.roth@gmail.com", "", "", ""));
        assertThat(two.contact().email()).isEqualTo("ben@roth.de");
        assertThat(two.custom()).containsEntry("E-Mail privat", "b.roth@gmail.com"); // never dropped
    }

    @Test
    void aRepeatedHeaderAndAnUnreadableRowAreRejectedNotFatal() {
        RowParser parser = parser("Name", Field.FULL_NAME, "E-Mail", Field.EMAIL);
        assertThat(parser.parse(row(5, "name", "E-Mail")).rejectReason()).isEqualTo(RowParser.REPEATED_HEADER);
        ParsedRow odd = parser.parse(new CsvRow(6, null, "x", 2));
        assertThat(odd.rejectReason()).isEqualTo(RowParser.UNREADABLE);
        assertThat(odd.raw()).isEqualTo("x");
    }

    @Test
    void anInstagramAccountAloneIsAnIdentity() {
        RowParser parser = parser("Instagram", Field.INSTAGRAM, "Notiz", Field.NOTES);
        assertThat(parser.parse(row(2, "@studio.nord", "")).rejected()).isFalse();
        ParsedRow bad = parser.parse(row(3, "keine Ahnung!", "nur Text"));
        assertThat(bad.rejectReason()).isEqualTo("imports.reject.no-identity");
        assertThat(bad.warnings()).containsExactly(new RowWarning("instagram-invalid", "Instagram", "keine Ahnung!"));
    }

    @Test
    void overlongValuesAreCutAndReported() {
        RowParser parser = parser("Firma", Field.COMPANY_NAME, "Telefon", Field.PHONE);
        ParsedRow row = parser.parse(row(2, "x".repeat(800), "030 1234567"));
        assertThat(row.company().companyName()).hasSize(Cells.MAX_SHORT);
        assertThat(row.warnings()).extracting(RowWarning::code).containsExactly("clipped");
    }

    private static RowParser parser(Object... columnsAndFields) {
        Map<String, Field> mapping = new HashMap<>();
        List<String> header = new java.util.ArrayList<>();
        for (int i = 0; i < columnsAndFields.length; i += 2) {
            header.add((String) columnsAndFields[i]);
            mapping.put((String) columnsAndFields[i], (Field) columnsAndFields[i + 1]);
        }
        return new RowParser(header, mapping, "DE");
    }

    private static CsvRow row(long line, String... fields) {
        return new CsvRow(line, List.of(fields), String.join(";", fields), fields.length);
    }
}
