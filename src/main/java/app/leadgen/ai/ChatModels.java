package app.leadgen.ai;

import java.time.Clock;
import java.time.Duration;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;

/**
 * Builds Spring AI chat models for OpenAI-compatible servers and calls them. The models are not
 * registered as beans, so several providers can live side by side. The OpenAI SDK underneath
 * appends {@code /chat/completions} to the base URL and does its own retries ({@code maxRetries}).
 * Every request is bound to the calling thread's run cancellation ({@link CancelOnStop}).
 */
public final class ChatModels {

    private ChatModels() {}

    /** @param service the name failures carry ({@code perplexity}, {@code openai}) */
    public static ChatModel openAiCompatible(
            String service,
            String baseUrl,
            String apiKey,
            String model,
            double temperature,
            Duration timeout,
            int maxRetries) {
        OpenAiChatOptions options = OpenAiChatOptions.builder()
                .baseUrl(baseUrl.replaceAll("/+$", ""))
                .apiKey(apiKey)
                .model(model)
                .temperature(temperature)
                .timeout(timeout)
                .maxRetries(maxRetries)
                .build();
        return OpenAiChatModel.builder()
                .options(options)
                .httpClientBuilderCustomizer(http -> http.interceptor(new CancelOnStop(service)))
                .build();
    }

    /**
     * Calls the model and returns the text of its answer (null when it has none).
     *
     * @throws app.leadgen.support.ExternalServiceException classified by {@link LlmErrors}
     */
    public static String answer(String service, ChatModel model, Prompt prompt, Clock clock) {
        try {
            ChatResponse response = model.call(prompt);
            return response == null || response.getResult() == null
                    ? null
                    : response.getResult().getOutput().getText();
        } catch (Exception e) { // the SDK's backoff can throw an undeclared InterruptedException
            throw LlmErrors.map(service, e, clock);
        }
    }
}
