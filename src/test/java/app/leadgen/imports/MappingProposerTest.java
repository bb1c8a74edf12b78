package app.leadgen.imports;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.OpenAiBodies;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The mapping proposal with an LLM in OpenAI's wire format (good, malformed, failing) and without one. */
class MappingProposerTest {

    private static final FakeLlm FAKE = new FakeLlm();

    private static final List<String> HEADERS =
            List.of("Vorname", "Nachname", "Firma", "E-Mail", "Tel.", "Kundennr.", "Bemerkung", "Rating");
    private static final List<List<String>> ROWS = List.of(
            List.of(
                    "Max",
                    "Müller",
                    "Bäckerei Müller",
                    "max@baeckerei-mueller.de",
                    "030 1234567",
                    "K-1",
                    "x".repeat(100),
                    "4,5"),
            List.of("Erika", "Schulz", "Salon Schulz", "erika@salon-schulz.de", "", "K-2", "", "4,8"),
            List.of("A", "B", "C", "a@c.de", "", "K-3", "", ""),
            List.of("D", "E", "F", "d@f.de", "", "K-4", "", ""),
            List.of("G", "H", "I", "g@i.de", "", "K-5", "", ""),
            List.of("Sixth", "Row", "Never", "sent@never.de", "", "K-6", "", ""));

    private static final Map<String, Field> SYNONYMS = Mappings.bySynonyms(HEADERS, ROWS.subList(0, 5), "DE");

    @AfterAll
    static void stop() {
        FAKE.close();
    }

    @BeforeEach
    void reset() {
        FAKE.reset();
    }

    @Test
    void takesTheLlmsAnswerAfterCheckingIt() {
        FAKE.answers(
                """
                Here is the mapping:
                ```json
                {"mapping": {"Vorname": "firstName", "Nachname": "lastName", "Firma": "companyName",
                  "E-Mail": "email", "Tel.": "phone", "Kundennr.": "customerNumber",
                  "Bemerkung": "notes", "Rating": "email", "Erfunden": "city"}}
                ```""");
        MappingProposal proposal = new MappingProposer(FAKE.llm(false), "DE").propose(HEADERS, ROWS);

        assertThat(proposal.source()).isEqualTo("llm:gpt-4.1-mini");
        assertThat(proposal.llmProblem()).isNull();
        assertThat(proposal.mapping().keySet()).containsExactlyElementsOf(HEADERS);
        assertThat(proposal.mapping())
                .containsEntry("Vorname", Field.FIRST_NAME)
                .containsEntry("Firma", Field.COMPANY_NAME)
                .containsEntry("E-Mail", Field.EMAIL) // of two columns on email, the one with addresses stays
                .containsEntry("Rating", null)
                .containsEntry("Kundennr.", null) // a field that does not exist is a custom field
                .containsEntry("Bemerkung", Field.NOTES);

        JsonNode request = LlmJson.object(FAKE.requests().get(0).getBodyAsString());
        assertThat(request.path("model").asString()).isEqualTo("gpt-4.1-mini");
        String user = request.path("messages").get(1).path("content").asString();
        JsonNode table = LlmJson.object(user);
        assertThat(table.path("columns").size()).isEqualTo(HEADERS.size());
        assertThat(table.path("rows").size()).isEqualTo(5); // at most five sample rows
        assertThat(table.path("rows").get(0).get(6).asString()).hasSize(MappingProposer.SAMPLE_CHARS);
        assertThat(user).doesNotContain("sent@never.de");
        String system = request.path("messages").get(0).path("content").asString();
        for (Field field : Field.values()) {
            assertThat(system).as("the prompt explains every field").contains(field.json() + ":");
        }
    }

    @Test
    void columnsTheLlmLeftOutGetTheirSynonymUnlessTheFieldIsTaken() {
        FAKE.answers("{\"mapping\": {\"Vorname\": \"fullName\", \"Firma\": \"companyName\", \"Tel.\": null}}");
        MappingProposal proposal = new MappingProposer(FAKE.llm(false), "DE").propose(HEADERS, ROWS);
        assertThat(proposal.mapping())
                .containsEntry("Vorname", Field.FULL_NAME)
                .containsEntry("Nachname", Field.LAST_NAME) // left out: the synonym
                .containsEntry("E-Mail", Field.EMAIL)
                .containsEntry("Tel.", null); // the LLM said no field: it stays custom
    }

    @Test
    void aMalformedAnswerFallsBackToTheSynonyms() {
        FAKE.answers("I am sorry, I cannot help with that.");
        MappingProposal proposal = new MappingProposer(FAKE.llm(false), "DE").propose(HEADERS, ROWS);
        assertThat(proposal.source()).isEqualTo(MappingProposal.SYNONYMS);
        assertThat(proposal.llmProblem()).isEqualTo("malformed");
        assertThat(proposal.mapping()).isEqualTo(SYNONYMS);

        FAKE.answers("{\"mapping\": {\"Spalte X\": \"email\"}}"); // names no column of the file
        assertThat(new MappingProposer(FAKE.llm(false), "DE")
                        .propose(HEADERS, ROWS)
                        .llmProblem())
                .isEqualTo("malformed");
    }

    @Test
    void rateLimitsServerErrorsAndBadKeysFallBackAtOnce() {
        FAKE.fails(429, OpenAiBodies.rateLimited());
        MappingProposal limited = new MappingProposer(FAKE.llm(false), "DE").propose(HEADERS, ROWS);
        assertThat(limited.source()).isEqualTo(MappingProposal.SYNONYMS);
        assertThat(limited.llmProblem()).isEqualTo("rate_limited");
        assertThat(limited.mapping()).isEqualTo(SYNONYMS);
        assertThat(FAKE.requests()).hasSize(1); // a person waits: no retry

        FAKE.reset();
        FAKE.fails(500, "{\"error\": {\"message\": \"The server had an error\", \"type\": \"server_error\"}}");
        assertThat(new MappingProposer(FAKE.llm(false), "DE")
                        .propose(HEADERS, ROWS)
                        .llmProblem())
                .isEqualTo("unavailable");

        FAKE.reset();
        FAKE.fails(401, OpenAiBodies.invalidKey());
        assertThat(new MappingProposer(FAKE.llm(false), "DE")
                        .propose(HEADERS, ROWS)
                        .llmProblem())
                .isEqualTo("credentials");
    }

    @Test
    void aSlowLlmFallsBackAfterTheTimeout() {
        FAKE.hangs(4_000);
        long start = System.nanoTime();
        MappingProposal proposal = new MappingProposer(FAKE.llm(false), "DE").propose(HEADERS, ROWS);
        assertThat(proposal.llmProblem()).isEqualTo("timeout");
        assertThat(proposal.mapping()).isEqualTo(SYNONYMS);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3_900);
    }

    @Test
    void withoutAnLlmTheSynonymsAnswer() {
        MappingProposal proposal = new MappingProposer(FakeLlm.none(), "DE").propose(HEADERS, ROWS);
        assertThat(proposal.source()).isEqualTo("synonyms");
        assertThat(proposal.llmProblem()).isEqualTo("not-configured");
        assertThat(proposal.mapping())
                .containsEntry("Vorname", Field.FIRST_NAME)
                .containsEntry("Nachname", Field.LAST_NAME)
                .containsEntry("Firma", Field.COMPANY_NAME)
                .containsEntry("E-Mail", Field.EMAIL)
                .containsEntry("Tel.", Field.PHONE)
                .containsEntry("Kundennr.", null)
                .containsEntry("Bemerkung", Field.NOTES)
                .containsEntry("Rating", null);
        assertThat(FAKE.requests()).isEmpty();
    }

    @Test
    void geminiAnswersWhenItsKeyIsSet() {
        FAKE.answers("/v1beta/openai/chat/completions", "{\"mapping\": {\"Vorname\": \"firstName\"}}");
        MappingProposal proposal = new MappingProposer(FAKE.llm(true), "DE").propose(HEADERS, ROWS);
        assertThat(proposal.source()).isEqualTo("llm:gemini-2.5-flash");
        assertThat(FAKE.requests().get(0).getHeader("Authorization")).isEqualTo("Bearer test-gemini-key");
        assertThat(FAKE.requests().get(0).getUrl()).isEqualTo("/v1beta/openai/chat/completions");
    }
}
