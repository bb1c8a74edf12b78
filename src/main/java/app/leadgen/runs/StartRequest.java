package app.leadgen.runs;

import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A start request as it came in: the JSON body of {@code POST /api/runs} (each pipeline reads its
 * own fields) and the caller's server-side session attributes (empty outside a web request).
 */
public record StartRequest(String source, JsonNode body, Function<String, Object> session) {

    public StartRequest {
        body = body == null ? JsonNodeFactory.instance.objectNode() : body;
        session = session == null ? name -> null : session;
    }

    /** A start without a body and without a session (the daily routine, tests). */
    public static StartRequest of(String source) {
        return new StartRequest(source, null, null);
    }

    public String text(String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
