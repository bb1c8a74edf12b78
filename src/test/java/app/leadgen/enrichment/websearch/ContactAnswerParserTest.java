package app.leadgen.enrichment.websearch;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.leads.ContactData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ContactAnswerParserTest {

    @Test
    void plainJson() {
        assertThat(
                        ContactAnswerParser.parse(
                                "{\"email\": \"info@somegym.de\", \"phone\": \"+49 30 123456\", \"website\": \"https://somegym.de\"}"))
                .isEqualTo(new ContactData("info@somegym.de", "+49 30 123456", "https://somegym.de"));
    }

    @Test
    void jsonInCodeFences() {
        String answer =
                "```json\n{ \"email\": \"kontakt@studio.de\", \"phone\": \"030/987654\", \"website\": \"studio.de\" }\n```";
        assertThat(ContactAnswerParser.parse(answer))
                .isEqualTo(new ContactData("kontakt@studio.de", "030/987654", "https://studio.de"));
    }

    @Test
    void jsonInsideProse() {
        String answer = "Nach meiner Recherche {siehe Quellen} habe ich Folgendes gefunden: "
                + "{\"email\": \"hallo@yoga-anna.de\", \"phone\": \"\", \"website\": \"https://yoga-anna.de/kontakt\"} "
                + "Bitte prüfen Sie die Angaben.";
        assertThat(ContactAnswerParser.parse(answer))
                .isEqualTo(new ContactData("hallo@yoga-anna.de", null, "https://yoga-anna.de/kontakt"));
    }

    @Test
    void thinkBlockOfReasoningModelsIsIgnored() {
        String answer = "<think>Die Nutzerin will {\"email\": \"falsch@x.de\"} nicht.</think>\n"
                + "{\"email\": \"richtig@x.de\", \"phone\": null, \"website\": null}";
        assertThat(ContactAnswerParser.parse(answer).email()).isEqualTo("richtig@x.de");
    }

    @Test
    void placeholdersAreEmpty() {
        String answer = "{ \"email\": \"…\", \"phone\": \"N/A\", \"website\": \"nicht gefunden\" }";
        assertThat(ContactAnswerParser.parse(answer)).isEqualTo(ContactData.NONE);
        assertThat(ContactAnswerParser.parse("{\"email\": \"...\", \"phone\": \"-\", \"website\": \"unbekannt\"}"))
                .isEqualTo(ContactData.NONE);
        assertThat(ContactAnswerParser.parse("{\"email\": null, \"phone\": \"keine\", \"website\": \"\"}"))
                .isEqualTo(ContactData.NONE);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "Ich konnte leider keine Kontaktinformationen finden.",
                "email: info@x.de",
                "{ kaputtes json",
                "[\"info@x.de\"]",
                "{}"
            })
    void noUsableJsonGivesNothing(String answer) {
        assertThat(ContactAnswerParser.parse(answer)).isEqualTo(ContactData.NONE);
    }

    @Test
    void implausibleValuesAreDropped() {
        String answer =
                "{\"email\": \"kein-at-zeichen.de\", \"phone\": \"ruf an\", \"website\": \"javascript:alert(1)\"}";
        assertThat(ContactAnswerParser.parse(answer)).isEqualTo(ContactData.NONE);
    }

    @Test
    void germanKeysListsAndMailtoAreUnderstood() {
        String answer =
                "{\"E-Mail\": [\"mailto:info@laden.de\", \"zweite@laden.de\"], \"Telefon\": \"tel:+4989123456\","
                        + " \"Webseite\": \"www.laden.de\"}";
        assertThat(ContactAnswerParser.parse(answer))
                .isEqualTo(new ContactData("info@laden.de", "+4989123456", "https://www.laden.de"));
    }

    @Test
    void lenientJsonWithSingleQuotesAndTrailingComma() {
        assertThat(ContactAnswerParser.parse("{'email': 'a@b.de', 'phone': '', 'website': '',}")
                        .email())
                .isEqualTo("a@b.de");
    }
}
