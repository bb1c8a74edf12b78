package app.leadgen.enrichment.websearch;

import app.leadgen.ai.ChatModels;
import app.leadgen.enrichment.ContactSearch;
import app.leadgen.leads.ContactData;
import app.leadgen.support.ExternalServiceException;
import app.leadgen.support.FailureKind;
import app.leadgen.support.MissingSetting;
import app.leadgen.support.Prompts;
import app.leadgen.support.SettingsCheck;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.stereotype.Component;

/**
 * The spec's Perplexity fallback: its German system and user prompt, verbatim, through Spring AI's
 * OpenAI-compatible chat model pointed at {@code PERPLEXITY_BASE_URL}. The model is built here and
 * not registered as a bean, so the app's default OpenAI model stays the auto-configured one.
 * Retries of 429 (honouring {@code Retry-After}), 5xx and timeouts are the OpenAI SDK's; a 401 is
 * not retried. An emergency stop of the run aborts the call in flight (its connection is closed)
 * and ends it with a {@link FailureKind#CANCELLED} failure.
 */
@Component
class PerplexityContactSearch implements ContactSearch, SettingsCheck {

    private static final Logger log = LoggerFactory.getLogger(PerplexityContactSearch.class);

    private final PerplexityProperties properties;
    private final String systemPrompt;
    private final String userPrompt;
    private final ChatModel model;
    private final Clock clock;

    PerplexityContactSearch(PerplexityProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.systemPrompt = Prompts.load("enrichment/perplexity-system.txt");
        this.userPrompt = Prompts.load("enrichment/perplexity-user.txt");
        this.model = properties.configured() ? buildModel(properties) : null;
    }

    private static ChatModel buildModel(PerplexityProperties p) {
        return ChatModels.openAiCompatible(
                "perplexity", p.baseUrl(), p.apiKey(), p.model(), 0.2, p.timeout(), p.maxRetries());
    }

    @Override
    public boolean configured() {
        return model != null;
    }

    @Override
    public String source() {
        return "perplexity:" + properties.model();
    }

    @Override
    public ContactData find(String username) {
        if (model == null) {
            throw new ExternalServiceException(
                    "perplexity",
                    FailureKind.NOT_CONFIGURED,
                    401,
                    "not-configured",
                    "PERPLEXITY_API_KEY is not configured",
                    false,
                    null);
        }
        Prompt prompt = new Prompt(
                List.of(new SystemMessage(systemPrompt), new UserMessage(userPrompt.replace("{username}", username))));
        try {
            return ContactAnswerParser.parse(ChatModels.answer("perplexity", model, prompt, clock));
        } catch (ExternalServiceException e) {
            if (e.kind() != FailureKind.CANCELLED) {
                log.warn("Perplexity failed for a profile: {} {}", e.kind(), e.getMessage());
            }
            throw e;
        }
    }

    @Override
    public List<MissingSetting> missingSettings() {
        return configured()
                ? List.of()
                : List.of(new MissingSetting("PERPLEXITY_API_KEY", "settings.missing.perplexity"));
    }
}
