package app.leadgen.campaigns;

import app.leadgen.ai.ChatModels;
import app.leadgen.support.ExternalServiceException;
import app.leadgen.support.FailureKind;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Writes a campaign's AI message through an OpenAI-compatible server: OpenAI ({@code OPENAI_*}, as
 * the one-by-one drafting) or Groq ({@code GROQ_API_KEY}, {@code GROQ_MODEL}, {@code GROQ_BASE_URL},
 * seed 002 §5.3). Asks for a JSON object {@code {"subject", "body_html", "benefits"}} and checks it:
 * a subject of at most 60 characters, a body, at least one benefit. Groq answers JSON mode but not
 * every model takes a strict schema, so the answer is read defensively.
 */
@Component
class Drafter {

    static final List<String> PROVIDERS = List.of("openai", "groq");
    static final int MAX_SUBJECT = 60;

    /** The model's answer was not a usable draft. */
    static class Unusable extends RuntimeException {
        Unusable(String message) {
            super(message);
        }
    }

    record AiDraft(String subject, String bodyHtml, List<String> benefits) {}

    private record Provider(String name, String apiKey, String baseUrl, String model, Duration timeout) {}

    private final Map<String, Provider> providers;
    private final Map<String, ChatModel> models = new ConcurrentHashMap<>();
    private final Clock clock;

    Drafter(
            @Value("${leadgen.openai.api-key:}") String openAiKey,
            @Value("${leadgen.openai.base-url:https://api.openai.com/v1}") String openAiUrl,
            @Value("${leadgen.openai.model:gpt-4.1-mini}") String openAiModel,
            @Value("${leadgen.openai.timeout:60s}") Duration openAiTimeout,
            @Value("${leadgen.groq.api-key:}") String groqKey,
            @Value("${leadgen.groq.base-url:https://api.groq.com/openai/v1}") String groqUrl,
            @Value("${leadgen.groq.model:llama-3.1-8b-instant}") String groqModel,
            @Value("${leadgen.groq.timeout:60s}") Duration groqTimeout,
            Clock clock) {
        this.providers = Map.of(
                "openai", new Provider("openai", openAiKey, openAiUrl, openAiModel, openAiTimeout),
                "groq", new Provider("groq", groqKey, groqUrl, groqModel, groqTimeout));
        this.clock = clock;
    }

    boolean configured(String provider) {
        Provider p = providers.get(provider);
        return p != null && p.apiKey() != null && !p.apiKey().isBlank();
    }

    /** Groq when its key is set (seed 002's choice), else OpenAI. */
    String defaultProvider() {
        return configured("groq") ? "groq" : "openai";
    }

    String defaultModel(String provider) {
        return providers.get(provider).model();
    }

    /**
     * One call, its answer checked.
     *
     * @throws ExternalServiceException as the server failed ({@code kind} decides on a retry)
     * @throws Unusable when the answer is no usable draft
     */
    AiDraft draft(String provider, String model, String system, String user) {
        Provider p = providers.get(provider);
        if (!configured(provider)) {
            throw new ExternalServiceException(
                    provider,
                    FailureKind.NOT_CONFIGURED,
                    401,
                    "not-configured",
                    provider + " has no API key",
                    false,
                    null);
        }
        ChatModel chat = models.computeIfAbsent(
                provider, k -> ChatModels.openAiCompatible(k, p.baseUrl(), p.apiKey(), p.model(), 0.7, p.timeout(), 0));
        OpenAiChatOptions options = OpenAiChatOptions.builder()
                .model(model == null ? p.model() : model)
                .responseFormat(OpenAiChatModel.ResponseFormat.builder()
                        .type(OpenAiChatModel.ResponseFormat.Type.JSON_OBJECT)
                        .build())
                .build();
        Prompt prompt = new Prompt(List.of(new SystemMessage(system), new UserMessage(user)), options);
        return parse(ChatModels.answer(provider, chat, prompt, clock));
    }

    static AiDraft parse(String answer) {
        if (answer == null || answer.isBlank()) {
            throw new Unusable("empty answer");
        }
        int start = answer.indexOf('{');
        int end = answer.lastIndexOf('}');
        if (start < 0 || end <= start) {
            throw new Unusable("no JSON object in the answer");
        }
        JsonNode node;
        try {
            node = CampaignStore.JSON.readTree(answer.substring(start, end + 1));
        } catch (JacksonException e) {
            throw new Unusable("malformed JSON");
        }
        String subject =
                node.path("subject").asString("").replaceAll("[\\r\\n]+", " ").strip();
        String body = node.path("body_html").asString("").strip();
        List<String> benefits = new ArrayList<>();
        for (JsonNode b : node.path("benefits")) {
            String text = b.asString("").strip();
            if (!text.isEmpty()) {
                benefits.add(text);
            }
        }
        if (subject.isEmpty()) {
            throw new Unusable("no subject");
        }
        if (subject.length() > MAX_SUBJECT) {
            throw new Unusable("subject longer than " + MAX_SUBJECT + " characters");
        }
        if (body.isEmpty()) {
            throw new Unusable("no body_html");
        }
        if (benefits.isEmpty()) {
            throw new Unusable("no benefits");
        }
        return new AiDraft(subject, body, List.copyOf(benefits.subList(0, Math.min(3, benefits.size()))));
    }
}
