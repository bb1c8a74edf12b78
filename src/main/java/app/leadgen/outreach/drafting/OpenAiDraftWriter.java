package app.leadgen.outreach.drafting;

import app.leadgen.ai.ChatModels;
import app.leadgen.outreach.Draft;
import app.leadgen.outreach.DraftParser;
import app.leadgen.outreach.DraftWriter;
import app.leadgen.support.ExternalServiceException;
import app.leadgen.support.FailureKind;
import app.leadgen.support.MissingSetting;
import app.leadgen.support.RetryPolicy;
import app.leadgen.support.SettingsCheck;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.stereotype.Component;

/**
 * Drafts through the OpenAI Chat Completions API (or any compatible server) with Spring AI, asking
 * for Structured Outputs ({@code json_schema}, strict) of {@code {subject, body}}. Retries are ours,
 * not the SDK's, because a 429 {@code insufficient_quota} must not be retried while a 429
 * {@code rate_limit_exceeded} is, after the delay the server names.
 */
@Component
class OpenAiDraftWriter implements DraftWriter, SettingsCheck {

    private static final Logger log = LoggerFactory.getLogger(OpenAiDraftWriter.class);
    private static final String SCHEMA =
            """
            {"type": "object",
             "properties": {"subject": {"type": "string"}, "body": {"type": "string"}},
             "required": ["subject", "body"], "additionalProperties": false}""";

    private final ChatModel model;
    private final RetryPolicy retry;
    private final Clock clock;

    OpenAiDraftWriter(OpenAiProperties properties, Clock clock) {
        this.clock = clock;
        this.model = properties.configured()
                ? ChatModels.openAiCompatible(
                        "openai",
                        properties.baseUrl(),
                        properties.apiKey(),
                        properties.model(),
                        0.7,
                        properties.timeout(),
                        0)
                : null;
        // a person waits for this answer: never sit on one Retry-After for minutes
        this.retry = new RetryPolicy(
                "openai", properties.maxAttempts(), properties.initialBackoff(), Duration.ofSeconds(20));
    }

    @Override
    public boolean configured() {
        return model != null;
    }

    @Override
    public Draft write(String systemPrompt, String userPrompt, String modelName) {
        if (model == null) {
            throw new ExternalServiceException(
                    "openai",
                    FailureKind.NOT_CONFIGURED,
                    401,
                    "not-configured",
                    "OPENAI_API_KEY is not configured",
                    false,
                    null);
        }
        OpenAiChatOptions options = OpenAiChatOptions.builder()
                .model(modelName)
                .responseFormat(OpenAiChatModel.ResponseFormat.builder()
                        .type(OpenAiChatModel.ResponseFormat.Type.JSON_SCHEMA)
                        .jsonSchema(SCHEMA)
                        .strict(true)
                        .build())
                .build();
        Prompt prompt = new Prompt(List.of(new SystemMessage(systemPrompt), new UserMessage(userPrompt)), options);
        String content = retry.call(() -> call(prompt));
        return DraftParser.parse(content);
    }

    private String call(Prompt prompt) {
        try {
            return ChatModels.answer("openai", model, prompt, clock);
        } catch (ExternalServiceException e) {
            log.warn("drafting failed: {} {}", e.kind(), e.getMessage());
            throw e;
        }
    }

    @Override
    public List<MissingSetting> missingSettings() {
        return configured() ? List.of() : List.of(new MissingSetting("OPENAI_API_KEY", "settings.missing.openai"));
    }
}
