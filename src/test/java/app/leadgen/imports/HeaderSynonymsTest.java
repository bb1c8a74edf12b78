package app.leadgen.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class HeaderSynonymsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            E-Mail                          | EMAIL
            E-Mail-Adresse                  | EMAIL
            Mail                            | EMAIL
            Email                           | EMAIL
            EMAIL_ADRESSE                   | EMAIL
            E-Mail-Adresse (geschäftlich)   | EMAIL
            Kontakt E-Mail                  | EMAIL
            E-mail 1 - Value                | EMAIL
            Vorname                         | FIRST_NAME
            First Name                      | FIRST_NAME
            Vorname Ansprechpartner         | FIRST_NAME
            Nachname                        | LAST_NAME
            Surname                         | LAST_NAME
            Name                            | FULL_NAME
            Ansprechpartner                 | FULL_NAME
            Name, Vorname                   | FULL_NAME
            Firma                           | COMPANY_NAME
            Unternehmen                     | COMPANY_NAME
            Company                         | COMPANY_NAME
            Firmenname                      | COMPANY_NAME
            Organization 1 - Name           | COMPANY_NAME
            Telefon                         | PHONE
            Tel.                            | PHONE
            Mobil                           | PHONE
            Handy                           | PHONE
            Telefon geschäftlich            | PHONE
            Mobile Phone                    | PHONE
            Firmentelefon                   | COMPANY_PHONE
            Webseite                        | WEBSITE
            Homepage                        | WEBSITE
            Website                         | WEBSITE
            Internet                        | WEBSITE
            Straße                          | ADDRESS
            Strasse                         | ADDRESS
            Str.                            | ADDRESS
            Hausnummer                      | ADDRESS
            Anschrift                       | ADDRESS
            PLZ                             | POSTAL_CODE
            Postleitzahl                    | POSTAL_CODE
            Zip Code                        | POSTAL_CODE
            Ort                             | CITY
            Stadt                           | CITY
            PLZ/Ort                         | CITY
            Land                            | COUNTRY
            Country/Region                  | COUNTRY
            Position                        | POSITION
            Funktion                        | POSITION
            Job Title                       | POSITION
            Anrede                          | TITLE
            Titel                           | TITLE
            Branche                         | CATEGORY
            Kategorie                       | CATEGORY
            Industry                        | CATEGORY
            Instagram                       | INSTAGRAM
            Instagram-Profil                | INSTAGRAM
            LinkedIn                        | LINKEDIN
            LinkedIn URL                    | LINKEDIN
            Notiz                           | NOTES
            Bemerkung                       | NOTES
            Notes                           | NOTES
            """)
    void knowsGermanAndEnglishHeaders(String header, Field field) {
        assertThat(HeaderSynonyms.field(header)).contains(field);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Kundennummer",
                "ID",
                "Erstellt am",
                "E-Mail-Status",
                "Telefon geprüft am",
                "Bundesland",
                "Newsletter",
                "Umsatz",
                "Sortierung",
                "Spalte 3"
            })
    void leavesOtherColumnsToCustomFields(String header) {
        assertThat(HeaderSynonyms.field(header)).isEmpty();
    }

    @Test
    void samplesDecideWhatAColumnWithoutAKnownHeaderIs() {
        List<String> headers = List.of("Kontakt", "Spalte B", "Spalte C", "Title", "Spalte E");
        List<List<String>> rows = List.of(
                List.of("Anna Müller", "anna@firma.de", "https://www.linkedin.com/in/anna", "Head of Sales", "12"),
                List.of("Ben Roth", "ben@roth.de", "https://www.linkedin.com/in/ben", "CEO", "7"));
        Map<String, Field> mapping = Mappings.bySynonyms(headers, rows, "DE");
        assertThat(mapping)
                .containsEntry("Kontakt", Field.FULL_NAME)
                .containsEntry("Spalte B", Field.EMAIL)
                .containsEntry("Spalte C", Field.LINKEDIN)
                .containsEntry("Title", Field.POSITION) // job titles, not salutations
                .containsEntry("Spalte E", null);
        assertThat(Mappings.bySynonyms(List.of("Title"), List.of(List.of("Dr."), List.of("Herr")), "DE"))
                .containsEntry("Title", Field.TITLE);
    }

    @Test
    void givesAFieldThatTakesOneValueToTheBetterColumn() {
        List<String> headers = List.of("E-Mail 2", "E-Mail", "Straße", "Hausnummer", "Telefon", "Mobil");
        List<List<String>> rows = List.of(List.of("-", "anna@firma.de", "Hauptstr.", "1", "030 123456", ""));
        Map<String, Field> mapping = Mappings.bySynonyms(headers, rows, "DE");
        assertThat(mapping)
                .containsEntry("E-Mail", Field.EMAIL)
                .containsEntry("E-Mail 2", null)
                .containsEntry("Straße", Field.ADDRESS)
                .containsEntry("Hausnummer", Field.ADDRESS) // street and number join
                .containsEntry("Telefon", Field.PHONE)
                .containsEntry("Mobil", null);
        assertThat(mapping.keySet()).containsExactlyElementsOf(headers);
    }

    @Test
    void fieldsHaveTheirJsonNames() {
        JsonMapper json = JsonMapper.builder().build();
        assertThat(json.writeValueAsString(Field.COMPANY_PHONE)).isEqualTo("\"companyPhone\"");
        assertThat(json.readValue("\"postalCode\"", Field.class)).isEqualTo(Field.POSTAL_CODE);
        assertThat(Field.fromJson("first_name")).contains(Field.FIRST_NAME);
        assertThat(Field.fromJson("FULL_NAME")).contains(Field.FULL_NAME);
        assertThat(Field.fromJson("phoneNumber")).isEmpty();
        assertThat(Field.CITY.company()).isTrue();
        assertThat(Field.EMAIL.company()).isFalse();
    }
}
