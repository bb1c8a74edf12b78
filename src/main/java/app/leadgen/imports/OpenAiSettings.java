package app.leadgen.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The OpenAI-compatible provider the app is configured with ({@code OPENAI_API_KEY},
 * {@code OPENAI_BASE_URL}, {@code OPENAI_MODEL}), read here too so the import needs no other module
 * for it; drafting reads the same settings for itself.
 */
@ConfigurationProperties("leadgen.openai")
record OpenAiSettings(String apiKey, String baseUrl, String model) {}
