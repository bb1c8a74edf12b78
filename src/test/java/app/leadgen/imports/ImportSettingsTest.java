package app.leadgen.imports;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.AppProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which LLM the import uses, from the variables of the README. */
class ImportSettingsTest {

    private static final Map<String, Object> NONE = Map.of("OPENAI_API_KEY", "", "GEMINI_API_KEY", "");

    @Test
    void defaults() {
        GeminiProperties gemini = AppProperties.bind("leadgen.gemini", GeminiProperties.class, NONE);
        assertThat(gemini.baseUrl()).isEqualTo("https://generativelanguage.googleapis.com/v1beta/openai/");
        assertThat(gemini.model()).isEqualTo("gemini-2.5-flash");
        ImportProperties imports = AppProperties.bind("leadgen.imports", ImportProperties.class, NONE);
        assertThat(imports.llm()).isEqualTo("auto");
        assertThat(imports.llmTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(imports.nameBatchSize()).isEqualTo(20);
        assertThat(llm(NONE).configured()).isFalse();
    }

    @Test
    void geminiWhenItsKeyIsSetElseOpenAi() {
        assertThat(llm(Map.of("GEMINI_API_KEY", "g-key", "OPENAI_API_KEY", "sk-key"))
                        .source())
                .isEqualTo("llm:gemini-2.5-flash");
        assertThat(llm(Map.of("OPENAI_API_KEY", "sk-key", "OPENAI_MODEL", "gpt-4.1-nano", "GEMINI_API_KEY", ""))
                        .source())
                .isEqualTo("llm:gpt-4.1-nano");
        assertThat(llm(Map.of("GEMINI_API_KEY", "g-key", "GEMINI_MODEL", "gemini-2.5-flash-lite", "OPENAI_API_KEY", ""))
                        .source())
                .isEqualTo("llm:gemini-2.5-flash-lite");
    }

    @Test
    void importLlmChoosesExplicitly() {
        Map<String, Object> both = Map.of("GEMINI_API_KEY", "g-key", "OPENAI_API_KEY", "sk-key");
        assertThat(llm(with(both, "IMPORT_LLM", "openai")).source()).isEqualTo("llm:gpt-4.1-mini");
        assertThat(llm(with(both, "IMPORT_LLM", "none")).configured()).isFalse();
        assertThat(llm(Map.of("IMPORT_LLM", "gemini", "GEMINI_API_KEY", "", "OPENAI_API_KEY", "sk-key"))
                        .configured())
                .isFalse(); // Gemini chosen but without a key: none, not silently another provider
    }

    private static ImportLlm llm(Map<String, Object> environment) {
        return new ImportLlm(
                AppProperties.bind("leadgen.imports", ImportProperties.class, environment),
                AppProperties.bind("leadgen.openai", OpenAiSettings.class, environment),
                AppProperties.bind("leadgen.gemini", GeminiProperties.class, environment),
                Clock.systemUTC());
    }

    private static Map<String, Object> with(Map<String, Object> map, String key, String value) {
        Map<String, Object> copy = new java.util.HashMap<>(map);
        copy.put(key, value);
        return copy;
    }
}
