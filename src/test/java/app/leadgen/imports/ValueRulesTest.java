package app.leadgen.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** E-mails, phones and links as spreadsheets hold them. */
class ValueRulesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            ' Info@Firma.DE '                        | info@firma.de
            MAILTO:Anna@Firma.de                     | anna@firma.de
            Anna Müller <Anna.Mueller@Firma.de>      | anna.mueller@firma.de
            info@bäckerei-müller.de                  | info@bäckerei-müller.de
            info@xn--bckerei-mller-bfb28a.de            | info@bäckerei-müller.de
            INFO@XN--BCKEREI-MLLER-BFB28A.DE            | info@bäckerei-müller.de
            'anna@firma.de; ben@firma.de'            | anna@firma.de
            '''anna@firma.de'                        | anna@firma.de
            info [at] firma [dot] de                 | info@firma.de
            """)
    void cleansEmails(String cell, String expected) {
        assertThat(EmailRules.clean(cell).email()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "max@mustermann.de",
                "name@domain.com",
                "test@test.de",
                "info@example.com",
                "anna@example.org",
                "kontakt@beispiel.de",
                "max.mustermann@firma.de",
                "keine@firma.de",
                "foo@bar.com",
                "a@b.c",
                "info@firma.test",
                "vorname.nachname@firma.de"
            })
    void refusesPlaceholders(String cell) {
        EmailRules.Result result = EmailRules.clean(cell);
        assertThat(result.email()).isNull();
        assertThat(result.problem()).isIn(EmailRules.PLACEHOLDER, EmailRules.INVALID);
        if (!cell.equals("a@b.c")) {
            assertThat(result.problem()).isEqualTo(EmailRules.PLACEHOLDER);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "anna.firma.de",
                "anna@",
                "@firma.de",
                "anna@firma",
                "anna müller@firma.de",
                "anna@@firma.de",
                "=HYPERLINK(\"mailto:x@y.de\")"
            })
    void refusesWhatIsNoAddress(String cell) {
        EmailRules.Result result = EmailRules.clean(cell);
        assertThat(result.email()).isNull();
        assertThat(result.problem()).isEqualTo(EmailRules.INVALID);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            textBlock =
                    """
            030 1234567            | DE | +49301234567
            +49 (0)30 1234567      | DE | +49301234567
            0049 30 1234567        | DE | +49301234567
            Tel.: 030 / 12 34 567  | DE | +49301234567
            '+49 171 2345678       | DE | +491712345678
            4930123456             | DE | +4930123456
            1712345678             | DE | +491712345678
            01 5123456             | AT | +4315123456
            0171 2345678 / 030 1234567 | DE | +491712345678
            +91 33 2229 1000       | DE | +913322291000
            """)
    void writesPhonesInE164(String cell, String region, String expected) {
        assertThat(PhoneRules.clean(cell, region).number()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4,9301E+11", "12345", "keine Nummer", "030"})
    void refusesWhatIsNoNumber(String cell) {
        PhoneRules.Result result = PhoneRules.clean(cell, "DE");
        assertThat(result.number()).isNull();
        assertThat(result.invalid()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            firma.de                         | http://firma.de/
            www.Firma.DE                     | http://www.firma.de/
            HTTPS://Firma.de/Kontakt?x=1#top | https://firma.de/Kontakt?x=1
            bäckerei-müller.de               | http://xn--bckerei-mller-bfb28a.de/
            """)
    void normalisesWebsitesAsTheWebsitesModuleDoes(String cell, String expected) {
        assertThat(LinkRules.website(cell)).contains(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            @YogaFlow.Koeln                                | yogaflow.koeln
            yoga_flow                                      | yoga_flow
            https://www.instagram.com/fitness_loft/?hl=de  | fitness_loft
            instagram.com/Fitness_Loft                     | fitness_loft
            http://instagr.am/fitness_loft                 | fitness_loft
            """)
    void readsInstagramUsernames(String cell, String expected) {
        assertThat(LinkRules.instagram(cell)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://www.instagram.com/p/Cx123/", "anna müller", "a/b", "https://facebook.com/x"})
    void refusesWhatIsNoInstagramAccount(String cell) {
        assertThat(LinkRules.instagram(cell)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            linkedin.com/in/anna-mueller                   | https://www.linkedin.com/in/anna-mueller
            https://de.linkedin.com/in/anna-mueller/       | https://www.linkedin.com/in/anna-mueller
            https://www.linkedin.com/company/yogaflow/about | https://www.linkedin.com/company/yogaflow
            """)
    void readsLinkedInProfiles(String cell, String expected) {
        assertThat(LinkRules.linkedin(cell)).contains(expected);
    }
}
