package app.leadgen.imports;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code IMPORT_*} settings of the CSV import.
 *
 * @param llm which LLM proposes mappings and splits names: {@code auto} (Gemini when
 *     {@code GEMINI_API_KEY} is set, else the OpenAI-compatible provider when {@code OPENAI_API_KEY}
 *     is set, else none), {@code gemini}, {@code openai} or {@code none}
 * @param llmTimeout longest wait for one answer; the mapping proposal then falls back to synonyms
 * @param nameBatchSize names sent to the LLM in one call
 */
@ConfigurationProperties("leadgen.imports")
record ImportProperties(String llm, Duration llmTimeout, int nameBatchSize) {}
