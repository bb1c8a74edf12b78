package app.leadgen.testing;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A fake of Perplexity's {@code POST /chat/completions}: finds the username in the user prompt and
 * answers with the content registered for it, wrapped in a real chat.completion body with
 * {@code search_results}. Unknown usernames get the placeholder answer a model gives when it finds
 * nothing. Errors use the OpenAI-style envelope Perplexity sends.
 */
public final class PerplexityFake implements ResponseDefinitionTransformerV2 {

    private static final Pattern PROFILE = Pattern.compile("instagram\\.com/([^/\\s]+)/");

    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final Map<String, Failure> failures = new ConcurrentHashMap<>();
    private final List<JsonNode> requests = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile int status = 0;

    private record Failure(int status, String retryAfter, AtomicInteger remaining) {}

    @Override
    public String getName() {
        return "perplexity-chat";
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    public void reset() {
        answers.clear();
        failures.clear();
        requests.clear();
        status = 0;
    }

    public void answer(String username, String content) {
        answers.put(username.toLowerCase(), content);
    }

    /** The next {@code times} calls for this username fail with the status (and Retry-After, if given). */
    public void fail(String username, int status, String retryAfter, int times) {
        failures.put(username.toLowerCase(), new Failure(status, retryAfter, new AtomicInteger(times)));
    }

    /** Every call fails with this status (e.g. 401 for a wrong key); 0 switches it off. */
    public void failAll(int status) {
        this.status = status;
    }

    public List<JsonNode> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        JsonNode body = InstagramFake.JSON.readTree(event.getRequest().getBodyAsString());
        requests.add(body);
        Integer delay = event.getResponseDefinition().getFixedDelayMilliseconds();
        if (status != 0) {
            return error(status, null, delay);
        }
        String user = body.path("messages").path(1).path("content").asString("");
        Matcher m = PROFILE.matcher(user);
        String username = m.find() ? m.group(1).toLowerCase() : "";
        Failure failure = failures.get(username);
        if (failure != null && failure.remaining().getAndDecrement() > 0) {
            return error(failure.status(), failure.retryAfter(), delay);
        }
        String content = answers.getOrDefault(username, "{ \"email\": \"…\", \"phone\": \"…\", \"website\": \"…\" }");
        ObjectNode response = InstagramFake.JSON.createObjectNode();
        response.put("id", "3c90c3cc-0d44-4b50-8888-8dd25736052a");
        response.put("model", body.path("model").asString("sonar"));
        response.put("object", "chat.completion");
        response.put("created", 1724369245);
        ObjectNode choice = response.putArray("choices").addObject();
        choice.put("index", 0);
        choice.put("finish_reason", "stop");
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", content);
        response.putArray("citations").add("https://example.org/impressum");
        ObjectNode result = response.putArray("search_results").addObject();
        result.put("title", "Impressum");
        result.put("url", "https://example.org/impressum");
        result.put("date", "2024-03-01");
        ObjectNode usage = response.putObject("usage");
        usage.put("prompt_tokens", 120);
        usage.put("completion_tokens", 40);
        usage.put("total_tokens", 160);
        usage.put("search_context_size", "low");
        return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(response.toString())
                .withFixedDelay(delay)
                .build();
    }

    private static ResponseDefinition error(int status, String retryAfter, Integer delay) {
        String type =
                switch (status) {
                    case 401 -> "invalid_api_key";
                    case 429 -> "rate_limit_exceeded";
                    default -> "server_error";
                };
        var builder = new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(
                        "{\"error\":{\"message\":\"" + type + "\",\"type\":\"" + type + "\",\"code\":" + status + "}}")
                .withFixedDelay(delay);
        if (retryAfter != null) {
            builder = builder.withHeader("Retry-After", retryAfter);
        }
        return builder.build();
    }
}
