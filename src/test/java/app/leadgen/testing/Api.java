package app.leadgen.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/** A tiny HTTP client for the app's own API in tests. */
public final class Api {

    public record Reply(int status, String contentType, String body) {
        public JsonNode json() {
            return InstagramFake.JSON.readTree(body);
        }
    }

    private final String base;
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new java.net.CookieManager())
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Reply postJson(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply putJson(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply patchJson(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    public Reply postForm(String path, String form) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** Starts a run and returns its id. */
    public long startRun(String keyword) {
        Reply reply = postJson("/api/runs", "{\"keyword\":\"" + keyword + "\"}");
        if (reply.status() != 202) {
            throw new AssertionError("run not accepted: " + reply.status() + " " + reply.body());
        }
        return reply.json().path("id").asLong();
    }

    /** Polls the run until it matches, or fails after the timeout. */
    public JsonNode awaitRun(long id, Predicate<JsonNode> done, Duration timeout) {
        Instant end = Instant.now().plus(timeout);
        JsonNode run = null;
        while (Instant.now().isBefore(end)) {
            run = get("/api/runs/" + id).json();
            if (done.test(run)) {
                return run;
            }
            sleep(200);
        }
        throw new AssertionError("run " + id + " did not get there in " + timeout + ": " + run);
    }

    public JsonNode awaitFinished(long id) {
        return awaitRun(id, r -> r.path("finishedAt").isString(), Duration.ofSeconds(60));
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r =
                    http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(
                    r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
