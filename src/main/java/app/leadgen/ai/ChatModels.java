package app.leadgen.ai;

import java.time.Duration;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;

/**
 * Builds Spring AI chat models for OpenAI-compatible servers. They are not registered as beans, so
 * several providers can live side by side. The OpenAI SDK underneath appends
 * {@code /chat/completions} to the base URL and does its own retries ({@code maxRetries}).
 */
public final class ChatModels {

    private ChatModels() {}

    public static ChatModel openAiCompatible(
            String baseUrl, String apiKey, String model, double temperature, Duration timeout, int maxRetries) {
        OpenAiChatOptions options = OpenAiChatOptions.builder()
                .baseUrl(baseUrl.replaceAll("/+$", ""))
                .apiKey(apiKey)
                .model(model)
                .temperature(temperature)
                .timeout(timeout)
                .maxRetries(maxRetries)
                .build();
        return OpenAiChatModel.builder().options(options).build();
    }
}
