package app.leadgen.imports;

import app.leadgen.ai.ChatModels;
import app.leadgen.support.ExternalServiceException;
import app.leadgen.support.FailureKind;
import app.leadgen.support.Texts;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.stereotype.Component;

/**
 * The LLM of the import: Gemini through its OpenAI-compatible endpoint, or the app's
 * OpenAI-compatible provider, or none ({@link ImportProperties#llm()}). Two models on one
 * provider: the mapping proposal is answered while a person waits, so it is not retried (a 429 or
 * a timeout falls back to the synonyms at once); name splitting runs in the import's background
 * and retries twice (the SDK's retries, honouring {@code Retry-After}).
 */
@Component
class ImportLlm {

    private final String service;
    private final String model;
    private final ChatModel quick;
    private final ChatModel patient;
    private final Clock clock;

    ImportLlm(ImportProperties imports, OpenAiSettings openAi, GeminiProperties gemini, Clock clock) {
        this.clock = clock;
        String choice =
                Texts.blank(imports.llm()) ? "auto" : imports.llm().strip().toLowerCase(Locale.ROOT);
        boolean geminiKey = gemini != null && !Texts.blank(gemini.apiKey());
        boolean openAiKey = openAi != null && !Texts.blank(openAi.apiKey());
        if (choice.equals("gemini") && geminiKey || choice.equals("auto") && geminiKey) {
            service = "gemini";
            model = gemini.model();
            quick = model(gemini.baseUrl(), gemini.apiKey(), imports, 0);
            patient = model(gemini.baseUrl(), gemini.apiKey(), imports, 2);
        } else if (choice.equals("openai") && openAiKey || choice.equals("auto") && openAiKey) {
            service = "openai";
            model = openAi.model();
            quick = model(openAi.baseUrl(), openAi.apiKey(), imports, 0);
            patient = model(openAi.baseUrl(), openAi.apiKey(), imports, 2);
        } else {
            service = null;
            model = null;
            quick = null;
            patient = null;
        }
    }

    private ChatModel model(String baseUrl, String apiKey, ImportProperties imports, int retries) {
        return ChatModels.openAiCompatible(service, baseUrl, apiKey, model, 0.0, imports.llmTimeout(), retries);
    }

    boolean configured() {
        return quick != null;
    }

    /** {@code llm:<model>}, as the mapping proposal and provenance name it. */
    String source() {
        return "llm:" + model;
    }

    /**
     * The text of the model's answer.
     *
     * @param patient whether the call may be retried (background work) or must answer at once
     * @throws ExternalServiceException for every failure, {@link FailureKind#NOT_CONFIGURED} without a provider
     */
    String answer(String system, String user, boolean patient) {
        if (!configured()) {
            throw new ExternalServiceException(
                    "import-llm", FailureKind.NOT_CONFIGURED, 0, "not-configured", "no LLM is configured", false, null);
        }
        Prompt prompt = new Prompt(List.of(new SystemMessage(system), new UserMessage(user)));
        String answer = ChatModels.answer(service, patient ? this.patient : quick, prompt, clock);
        if (Texts.blank(answer)) {
            throw new ExternalServiceException(
                    service, FailureKind.MALFORMED, 200, "malformed", service + " answered nothing", false, null);
        }
        return answer;
    }
}
