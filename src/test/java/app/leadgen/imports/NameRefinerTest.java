package app.leadgen.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Names the rules could not split go to the LLM in batches; what it answers is checked against the text. */
class NameRefinerTest {

    private static final FakeLlm FAKE = new FakeLlm();
    private static final RowParser PARSER = new RowParser(
            List.of("Kontakt", "Telefon"), Map.of("Kontakt", Field.FULL_NAME, "Telefon", Field.PHONE), "DE");

    @AfterAll
    static void stop() {
        FAKE.close();
    }

    @BeforeEach
    void reset() {
        FAKE.reset();
    }

    @Test
    void splitsWhatTheRulesLeftWholeAndAcceptsRowsThatNowHaveAnIdentity() {
        FAKE.answers(
                """
                {"items": [
                  {"i": 0, "title": null, "firstName": "Karl", "lastName": "Schmidt", "companyName": "Bäckerei Schmidt", "position": null},
                  {"i": 1, "title": null, "firstName": "Eva", "lastName": "Roth", "companyName": "Blumen Roth", "position": "Chefin"}
                ]}""");
        List<ParsedRow> rows = List.of(
                parse(2, "Karl Schmidt Bäckerei Schmidt", ""),
                parse(3, "Anna Weber", "030 1234567"),
                parse(4, "Blumen Roth Eva Roth Meisterbetrieb", ""));
        // without a separator the whole text stands in as the company: no name, no phone, rejected for now
        assertThat(rows.get(0).company().companyName()).isEqualTo("Karl Schmidt Bäckerei Schmidt");
        assertThat(rows.get(0).rejectReason()).isEqualTo("imports.reject.no-identity");
        assertThat(rows.get(2).contact().fullName()).isEqualTo("Blumen Roth Eva Roth Meisterbetrieb"); // five words

        NameRefiner refiner = new NameRefiner(new LlmNameSplitter(FAKE.llm(false)), 20);
        List<ParsedRow> refined = refiner.refine(rows);

        ParsedRow karl = refined.get(0);
        assertThat(karl.contact().firstName()).isEqualTo("Karl");
        assertThat(karl.contact().lastName()).isEqualTo("Schmidt");
        assertThat(karl.contact().fullName()).isEqualTo("Karl Schmidt");
        assertThat(karl.company().companyName()).isEqualTo("Bäckerei Schmidt");
        assertThat(karl.warnings()).isEmpty();
        assertThat(karl.rejected()).isFalse();
        assertThat(refined.get(1)).isSameAs(rows.get(1)); // nothing to do, untouched
        ParsedRow eva = refined.get(2);
        assertThat(eva.contact().fullName()).isEqualTo("Eva Roth");
        assertThat(eva.company().companyName()).isEqualTo("Blumen Roth");
        assertThat(eva.contact().position()).isNull(); // "Chefin" is not in the text: a guess, dropped
        assertThat(refiner.source()).isEqualTo("llm:gpt-4.1-mini");

        assertThat(FAKE.requests()).hasSize(1);
        String user = LlmJson.object(FAKE.requests().get(0).getBodyAsString())
                .path("messages")
                .get(1)
                .path("content")
                .asString();
        JsonNode texts = LlmJson.JSON.readTree(user.substring(user.indexOf('[')));
        assertThat(texts.size()).isEqualTo(2);
        assertThat(texts.get(1).path("text").asString()).isEqualTo("Blumen Roth Eva Roth Meisterbetrieb");
    }

    @Test
    void sendsTwentyTextsPerCall() {
        FAKE.answers("{\"items\": []}");
        List<ParsedRow> rows = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            rows.add(parse(i + 2, "Salon Haarwerk Filiale " + (char) ('A' + i % 26), "030 1234567"));
        }
        List<ParsedRow> refined = new NameRefiner(new LlmNameSplitter(FAKE.llm(false)), 20).refine(rows);
        assertThat(FAKE.requests()).hasSize(3);
        assertThat(refined).isEqualTo(rows); // an empty answer changes nothing
    }

    @Test
    void aFailingLlmLeavesTheRowsAsTheyAre() {
        FAKE.fails(500, "{\"error\": {\"message\": \"The server had an error\", \"type\": \"server_error\"}}");
        List<ParsedRow> rows = List.of(parse(2, "Karl Schmidt Bäckerei Schmidt", ""));
        assertThat(new NameRefiner(new LlmNameSplitter(FAKE.llm(false)), 20).refine(rows))
                .isEqualTo(rows);
        assertThat(FAKE.requests()).hasSize(3); // background work: retried twice

        FAKE.reset();
        FAKE.answers("not json at all");
        assertThat(new NameRefiner(new LlmNameSplitter(FAKE.llm(false)), 20).refine(rows))
                .isEqualTo(rows);
    }

    @Test
    void withoutAnLlmTheStepIsSkipped() {
        NameRefiner refiner = new NameRefiner(new LlmNameSplitter(FakeLlm.none()), 20);
        assertThat(refiner.available()).isFalse();
        List<ParsedRow> rows = List.of(parse(2, "Karl Schmidt Bäckerei Schmidt", ""));
        assertThat(refiner.refine(rows)).isSameAs(rows);
    }

    @Test
    void aRejectedRowIsAcceptedWhenTheSplitGivesNameAndCompany() {
        FAKE.answers(
                "{\"items\": [{\"i\": 0, \"firstName\": \"Jonas\", \"lastName\": \"Weber\", \"companyName\": \"Weber Consulting\"}]}");
        ParsedRow row = parse(2, "Ansprechpartner Jonas Weber von der Weber Consulting", "");
        assertThat(row.rejectReason()).isEqualTo("imports.reject.no-identity");
        ParsedRow refined = new NameRefiner(new LlmNameSplitter(FAKE.llm(false)), 20)
                .refine(List.of(row))
                .get(0);
        assertThat(refined.contact().fullName()).isEqualTo("Jonas Weber");
        assertThat(refined.company().companyName()).isEqualTo("Weber Consulting");
        assertThat(refined.rejected()).isFalse();
    }

    private static ParsedRow parse(long line, String contact, String phone) {
        return PARSER.parse(new CsvRow(line, List.of(contact, phone), contact + ";" + phone, 2));
    }
}
