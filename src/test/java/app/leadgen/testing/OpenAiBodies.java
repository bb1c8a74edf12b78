package app.leadgen.testing;

import tools.jackson.databind.node.ObjectNode;

/** Chat Completions answers and errors in OpenAI's format (contracts §3). */
public final class OpenAiBodies {

    private OpenAiBodies() {}

    public static String completion(String content) {
        ObjectNode r = InstagramFake.JSON.createObjectNode();
        r.put("id", "chatcmpl-abc123");
        r.put("object", "chat.completion");
        r.put("created", 1714560000);
        r.put("model", "gpt-4.1-mini-2025-04-14");
        ObjectNode choice = r.putArray("choices").addObject();
        choice.put("index", 0);
        choice.put("finish_reason", "stop");
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", content);
        message.putNull("refusal");
        ObjectNode usage = r.putObject("usage");
        usage.put("prompt_tokens", 85);
        usage.put("completion_tokens", 120);
        usage.put("total_tokens", 205);
        return r.toString();
    }

    public static String error(String message, String type, String code) {
        return "{\"error\": {\"message\": \"" + message + "\", \"type\": \"" + type
                + "\", \"param\": null, \"code\": \"" + code + "\"}}";
    }

    public static String rateLimited() {
        return error(
                "Rate limit reached for gpt-4.1-mini in organization org-x on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 1s.",
                "requests",
                "rate_limit_exceeded");
    }

    public static String quotaExceeded() {
        return error(
                "You exceeded your current quota, please check your plan and billing details.",
                "insufficient_quota",
                "insufficient_quota");
    }

    public static String invalidKey() {
        return error("Incorrect API key provided: sk-test-****-key.", "invalid_request_error", "invalid_api_key");
    }
}
