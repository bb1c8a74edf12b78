package app.leadgen.imports;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.Fakes;
import app.leadgen.testing.IntegrationTest;
import app.leadgen.testing.OpenAiBodies;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The engine's beans as the import run gets them: wired from the app's settings, LLM at the fake. */
class ImportBeansTest extends IntegrationTest {

    @Autowired
    MappingProposer proposer;

    @Autowired
    NameRefiner refiner;

    @Autowired
    RowParsers parsers;

    @Test
    void proposerAndRefinerUseTheConfiguredProvider() {
        Fakes.OPENAI.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(OpenAiBodies.completion("{\"mapping\": {\"Mail\": \"email\"}}"))));
        MappingProposal proposal =
                proposer.propose(List.of("Mail", "Ort"), List.of(List.of("anna@firma.de", "Berlin")));
        assertThat(proposal.source()).isEqualTo("llm:gpt-4.1-mini");
        assertThat(proposal.mapping()).containsEntry("Mail", Field.EMAIL).containsEntry("Ort", Field.CITY);
        assertThat(refiner.available()).isTrue();

        RowParser parser = parsers.parser(List.of("Mail", "Tel"), java.util.Map.of("Tel", Field.PHONE));
        ParsedRow row = parser.parse(new CsvRow(2, List.of("x", "030 1234567"), "x;030 1234567", 2));
        assertThat(row.contact().phone()).isEqualTo("+49301234567"); // PHONE_DEFAULT_REGION: DE
        assertThat(row.custom()).containsEntry("Mail", "x");
    }
}
