package app.leadgen.imports;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import app.leadgen.testing.OpenAiBodies;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * An OpenAI-compatible chat-completions server on loopback for the import's LLM, answering in
 * OpenAI's wire format ({@link OpenAiBodies}), and the import's LLM pointed at it.
 */
final class FakeLlm implements AutoCloseable {

    static final String PATH = "/v1/chat/completions";

    final WireMockServer server =
            new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").containerThreads(8));

    FakeLlm() {
        server.start();
    }

    /** The import's LLM on this server as the OpenAI provider (or as Gemini), with a short timeout. */
    ImportLlm llm(boolean gemini) {
        String base = server.baseUrl() + (gemini ? "/v1beta/openai/" : "/v1");
        ImportProperties imports = new ImportProperties("auto", Duration.ofSeconds(2), 20);
        OpenAiSettings openAi = new OpenAiSettings("sk-test-openai-key", server.baseUrl() + "/v1", "gpt-4.1-mini");
        GeminiProperties geminiSettings =
                new GeminiProperties(gemini ? "test-gemini-key" : "", base, "gemini-2.5-flash");
        return new ImportLlm(imports, openAi, geminiSettings, Clock.systemUTC());
    }

    /** No provider configured at all. */
    static ImportLlm none() {
        return new ImportLlm(
                new ImportProperties("auto", Duration.ofSeconds(2), 20),
                new OpenAiSettings("", "http://127.0.0.1:9/v1", "gpt-4.1-mini"),
                new GeminiProperties("", "http://127.0.0.1:9/", "gemini-2.5-flash"),
                Clock.systemUTC());
    }

    void answers(String content) {
        answers(PATH, content);
    }

    void answers(String path, String content) {
        server.stubFor(post(urlPathEqualTo(path))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(OpenAiBodies.completion(content))));
    }

    void fails(int status, String body) {
        var response = aResponse().withStatus(status).withHeader("Content-Type", "application/json");
        if (status == 429) {
            response = response.withHeader("retry-after", "1");
        }
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(response.withBody(body)));
    }

    void hangs(int millis) {
        server.stubFor(post(urlPathEqualTo(PATH))
                .willReturn(aResponse()
                        .withFixedDelay(millis)
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(OpenAiBodies.completion("{}"))));
    }

    List<LoggedRequest> requests() {
        return server.getAllServeEvents().stream().map(e -> e.getRequest()).toList();
    }

    void reset() {
        server.resetAll();
    }

    @Override
    public void close() {
        server.stop();
    }
}
