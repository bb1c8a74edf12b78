package app.leadgen.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code GEMINI_API_KEY}, {@code GEMINI_BASE_URL} (Gemini's OpenAI-compatible endpoint),
 * {@code GEMINI_MODEL}: Gemini through the same chat-completions client as every other provider.
 */
@ConfigurationProperties("leadgen.gemini")
record GeminiProperties(String apiKey, String baseUrl, String model) {}
