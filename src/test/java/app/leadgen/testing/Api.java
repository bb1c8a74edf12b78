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

/**
 * A tiny HTTP client for the app's own API in tests. It sends {@code X-API-Key} with every request:
 * {@link #KEY}, the test profile's {@code API_KEY} (an admin), unless another key (or none) is given.
 */
public final class Api {

    /** The test profile's settings (src/test/resources/application-test.properties). */
    private static final java.util.Properties TEST_PROFILE = testProfile();

    /** {@code API_KEY} of the test profile: acts as an admin. */
    public static final String KEY = TEST_PROFILE.getProperty("leadgen.security.api-key");
    /** The admin the test profile creates at start ({@code ADMIN_USERNAME}/{@code ADMIN_PASSWORD}). */
    public static final String ADMIN = TEST_PROFILE.getProperty("leadgen.security.admin-username");

    public static final String ADMIN_PASSWORD = TEST_PROFILE.getProperty("leadgen.security.admin-password");

    public record Reply(int status, String contentType, String body, java.net.http.HttpHeaders headers) {
        public Reply(int status, String contentType, String body) {
            this(status, contentType, body, java.net.http.HttpHeaders.of(java.util.Map.of(), (a, b) -> true));
        }

        public JsonNode json() {
            return InstagramFake.JSON.readTree(body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private final String base;
    private final String key;
    private final java.util.Map<String, String> extraHeaders = new java.util.LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new java.net.CookieManager())
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public Api(int port) {
        this(port, KEY);
    }

    /** With this key in {@code X-API-Key}; null: no key (a script without credentials, or a login session). */
    public Api(int port, String key) {
        this.base = "http://127.0.0.1:" + port;
        this.key = key;
    }

    /** Without any credentials. */
    public static Api anonymous(int port) {
        return new Api(port, null);
    }

    /** Sends this header with every later request (e.g. Accept, X-Forwarded-For). */
    public Api with(String name, String value) {
        extraHeaders.put(name, value);
        return this;
    }

    /** Adds the test profile's key to a request of a test's own HTTP client. */
    public static HttpRequest.Builder withKey(HttpRequest.Builder request) {
        return request.header("X-API-Key", KEY);
    }

    /**
     * The CSRF token of a page this client opens (its session's token, from {@code <meta
     * name="_csrf">}); later changes of this client send it with {@link #postJsonWithCsrf} and
     * friends, as the pages' scripts do.
     */
    public String csrfToken(String page) {
        Reply reply = send(HttpRequest.newBuilder(URI.create(base + page))
                .header("Accept", "text/html")
                .GET());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"")
                .matcher(reply.body());
        if (!m.find()) {
            throw new AssertionError("no CSRF token on " + page + ": " + reply.status());
        }
        csrf = m.group(1);
        return csrf;
    }

    private String csrf;

    public Reply postJsonWithCsrf(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("X-CSRF-TOKEN", csrfOrPage())
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply putJsonWithCsrf(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("X-CSRF-TOKEN", csrfOrPage())
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply deleteWithCsrf(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("X-CSRF-TOKEN", csrfOrPage())
                .DELETE());
    }

    /** Any method, with a JSON body when one is given, no CSRF token. */
    public Reply request(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request);
    }

    private String csrfOrPage() {
        return csrf != null ? csrf : csrfToken("/profile");
    }

    public Reply delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
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

    public Reply postForm(String path, String form) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** A multipart upload of one file (field {@code file}) with optional text fields, as a browser sends it. */
    public Reply postFile(String path, String fileName, byte[] content, java.util.Map<String, String> fields) {
        String boundary = "----leadgen" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: text/csv\r\n\r\n")
                .getBytes(utf8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(utf8));
        fields.forEach((name, value) -> body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(utf8)));
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(utf8));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
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
        if (key != null) {
            request.header("X-API-Key", key);
        }
        extraHeaders.forEach(request::header);
        try {
            HttpResponse<String> r =
                    http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(
                    r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static java.util.Properties testProfile() {
        java.util.Properties p = new java.util.Properties();
        try (var in = Api.class.getResourceAsStream("/application-test.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return p;
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
