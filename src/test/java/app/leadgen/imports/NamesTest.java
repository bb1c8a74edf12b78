package app.leadgen.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            nullValues = "~",
            textBlock =
                    """
            Dr. Hans-Peter Müller           | Dr.            | Hans-Peter | Müller          | Hans-Peter Müller
            Müller, Anna                    | ~              | Anna       | Müller          | Anna Müller
            Müller, Dr. Anna                | Dr.            | Anna       | Müller          | Anna Müller
            Dr. Müller, Anna                | Dr.            | Anna       | Müller          | Anna Müller
            Herr Max Mustermann             | Herr           | Max        | Mustermann      | Max Mustermann
            Frau Dr. Erika Schulz           | Frau Dr.       | Erika      | Schulz          | Erika Schulz
            Prof. Dr. med. Karl Weber       | Prof. Dr. med. | Karl       | Weber           | Karl Weber
            Dipl.-Ing. Jens Brandt          | Dipl.-Ing.     | Jens       | Brandt          | Jens Brandt
            Anna von der Heide              | ~              | Anna       | von der Heide   | Anna von der Heide
            Ludwig van Beethoven            | ~              | Ludwig     | van Beethoven   | Ludwig van Beethoven
            Hans Peter Müller               | ~              | Hans Peter | Müller          | Hans Peter Müller
            HANS MÜLLER                     | ~              | Hans       | Müller          | Hans Müller
            anna-lena von STEIN             | ~              | anna-lena  | von STEIN       | anna-lena von STEIN
            VON DER HEIDE, ANNA-LENA        | ~              | Anna-Lena  | von der Heide   | Anna-Lena von der Heide
            Jonas Weber, MBA                | MBA            | Jonas      | Weber           | Jonas Weber
            Dr. Jonas Weber MBA             | Dr., MBA       | Jonas      | Weber           | Jonas Weber
            Herr Müller                     | Herr           | ~          | Müller          | Müller
            Anna                            | ~              | ~          | ~               | Anna
            """)
    void splitsPersonNames(String text, String title, String first, String last, String full) {
        PersonName name = Names.parse(text);
        assertThat(name.unsplit()).isFalse();
        assertThat(name.title()).isEqualTo(title);
        assertThat(name.firstName()).isEqualTo(first);
        assertThat(name.lastName()).isEqualTo(last);
        assertThat(name.fullName()).isEqualTo(full);
        assertThat(name.companyName()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            nullValues = "~",
            textBlock =
                    """
            Hans Müller - Müller GmbH                | Hans  | Müller  | Müller GmbH      | ~
            Müller GmbH (Hans Müller)                | Hans  | Müller  | Müller GmbH      | ~
            Weber & Co. KG, Jonas Weber              | Jonas | Weber   | Weber & Co. KG   | ~
            Bäckerei Schmidt, Inh. Karl Schmidt      | Karl  | Schmidt | Bäckerei Schmidt | Inhaber
            Friseursalon Haarmonie Inhaberin: Eva Roth | Eva | Roth    | Friseursalon Haarmonie | Inhaberin
            """)
    void splitsAPersonFromTheirCompany(String text, String first, String last, String company, String position) {
        PersonName name = Names.parse(text);
        assertThat(name.unsplit()).isFalse();
        assertThat(name.firstName()).isEqualTo(first);
        assertThat(name.lastName()).isEqualTo(last);
        assertThat(name.companyName()).isEqualTo(company);
        assertThat(name.position()).isEqualTo(position);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            Karl Schmidt Bäckerei Schmidt
            Bäckerei Schmidt
            Zahnarztpraxis Dr. Weber
            """)
    void leavesCompanyTextItCannotSplitForTheLlm(String text) {
        PersonName name = Names.parse(text);
        assertThat(name.unsplit()).isTrue();
        assertThat(name.unsplitText()).isEqualTo(text);
        assertThat(name.firstName()).isNull();
        assertThat(name.companyName()).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            Ansprechpartner ist Herr Klaus Dieter Maier aus dem Vertrieb
            info@firma.de
            Filiale 12
            Schmidt, Müller, Meier
            """)
    void leavesFreeTextWhole(String text) {
        PersonName name = Names.parse(text);
        assertThat(name.unsplit()).isTrue();
        assertThat(name.fullName()).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            nullValues = "~",
            textBlock =
                    """
            Dr. Hans | Dr. | Hans
            MÜLLER   | ~   | Müller
            Müller   | ~   | Müller
            """)
    void cleansFirstAndLastNameCells(String text, String title, String name) {
        PersonName part = Names.part(text);
        assertThat(part.title()).isEqualTo(title);
        assertThat(part.fullName()).isEqualTo(name);
    }
}
